package org.tabella.voting.record;

import static org.tabella.voting.record.VerificationStep.DECRYPTION_SHARES;
import static org.tabella.voting.record.VerificationStep.JOINT_BLINDING;
import static org.tabella.voting.record.VerificationStep.OUTCOMES;
import static org.tabella.voting.record.VerificationStep.TALLY_CIPHERTEXTS;
import static org.tabella.voting.record.VerificationStep.TALLY_ENTRIES;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.DiscreteLogException;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.RejectedShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.groups.Element;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.EntryOutcome;
import org.tabella.voting.tally.TallyContexts;

/**
 * SPEC.md §4.5 steps V8–V12: the tally entries, their ciphertexts, blinding, shares and outcomes.
 * Nothing is decrypted from the record's own claims: the target of the shares is the recomputed
 * product (count mode) or the end of a verified blinding chain that starts there (unanimous mode).
 */
final class TallyVerification {
  private TallyVerification() {}

  static void run(ElectionRecord r, BallotVerification.Result ballots, Checks checks) {
    ElectionParameters e = r.election();
    Map<String, DecryptedEntry> byName = entries(r, checks);
    List<List<Ciphertext>> tally = ballots.tally();
    long voters = ballots.ballots();
    for (int c = 0; c < e.contests().size(); c++) {
      Contest contest = e.contests().get(c);
      for (int k = 0; k < contest.options(); k++) {
        DecryptedEntry d = byName.get(contest.id() + "/" + k);
        if (d != null) {
          entry(r, d, tally.get(c).get(k), voters, checks);
        }
      }
    }
  }

  /** V8: exactly one entry per (contest, option), in election order; returns the entries by name. */
  private static Map<String, DecryptedEntry> entries(ElectionRecord r, Checks checks) {
    ElectionParameters e = r.election();
    List<String> expected = new ArrayList<>();
    for (Contest c : e.contests()) {
      for (int k = 0; k < c.options(); k++) {
        expected.add(c.id() + "/" + k);
      }
    }
    Map<String, DecryptedEntry> byName = new LinkedHashMap<>();
    List<String> got = new ArrayList<>();
    for (int i = 0; i < r.entries().size(); i++) {
      DecryptedEntry d = r.entries().get(i);
      String name = d.name();
      got.add(name);
      if (!checks.check(TALLY_ENTRIES, expected.contains(name), "tally entry " + i,
          "entry " + name + " is not a (contest, option) of the election")) {
        continue;
      }
      if (checks.check(TALLY_ENTRIES, !byName.containsKey(name), "tally entry " + i, "a second entry for " + name)) {
        byName.put(name, d);
      }
    }
    for (String name : expected) {
      checks.check(TALLY_ENTRIES, byName.containsKey(name), "tally " + name, "no entry for this (contest, option)");
    }
    checks.check(TALLY_ENTRIES, got.equals(expected) || !byName.keySet().containsAll(expected)
        || got.size() != expected.size(), "tally", "the entries are not in election order");
    return byName;
  }

  private static void entry(ElectionRecord r, DecryptedEntry d, Ciphertext product, long voters, Checks checks) {
    ElectionParameters e = r.election();
    String where = "tally " + d.name();
    byte[] context = TallyContexts.decryption(e, d.contestId(), d.option());
    Ciphertext start = e.unanimous() ? TallyContexts.unanimity(e.group(), product, e.voters()) : product;
    // V9
    if (e.unanimous()) {
      checks.check(TALLY_CIPHERTEXTS, voters <= e.voters(), where,
          voters + " ballots for " + e.voters() + " eligible voters");
    }
    checks.check(TALLY_CIPHERTEXTS, d.ciphertext().equals(start), where,
        "the ciphertext is not the " + (e.unanimous() ? "product of the ballots shifted by the " + e.voters()
            + " eligible voters" : "product of the ballots"));
    // V10: the decryption target comes only from verified data.
    Ciphertext target;
    if (!e.unanimous()) {
      if (!checks.check(JOINT_BLINDING, d.blinding().isEmpty(), where, "blinding steps in a count-mode election")) {
        return;
      }
      target = start;
    } else {
      List<BlindingStep> steps = d.blinding();
      Set<Integer> blinders = new HashSet<>();
      boolean ids = true;
      for (BlindingStep s : steps) {
        ids &= s.trustee() >= 1 && s.trustee() <= e.trustees() && blinders.add(s.trustee());
      }
      boolean ok = checks.check(JOINT_BLINDING, ids, where, "blinding trustees are not distinct ids in 1.." + e.trustees());
      ok &= checks.check(JOINT_BLINDING, steps.size() >= e.quorum(), where,
          steps.size() + " blinding steps, at least the quorum " + e.quorum() + " needed");
      ok &= checks.check(JOINT_BLINDING, !steps.isEmpty() && JointBlinding.verifyChain(start, steps, context), where,
          "the blinding chain does not verify from the entry's ciphertext");
      if (!ok) {
        return;
      }
      target = steps.get(steps.size() - 1).output();
    }
    // V11
    int last = 0;
    boolean ids = true;
    for (DecryptionShare s : d.shares()) {
      ids &= s.trustee() > last && s.trustee() <= e.trustees();
      last = s.trustee();
    }
    if (!checks.check(DECRYPTION_SHARES, ids, where,
        "share trustees are not distinct ids in 1.." + e.trustees() + " in increasing order")) {
      return;
    }
    DecryptionResult result;
    try {
      result = ThresholdDecryption.combine(r.key(), target, d.shares(), context);
    } catch (InsufficientSharesException ex) {
      checks.fail(DECRYPTION_SHARES, where, ex.getMessage());
      return;
    }
    checks.counted(DECRYPTION_SHARES, d.shares().size() - result.rejected().size());
    for (RejectedShare rej : result.rejected()) {
      checks.fail(DECRYPTION_SHARES, where, "share of trustee " + rej.trustee() + " rejected: " + rej.reason());
    }
    // V12
    Element m = result.plaintextElement();
    if (e.unanimous()) {
      boolean unanimous = m.isIdentity();
      checks.results.put(d.name(), unanimous ? "unanimous" : "not unanimous");
      checks.check(OUTCOMES, d.outcome().equals(new EntryOutcome.Unanimity(unanimous)), where,
          "published " + d.outcome() + " but the decryption says " + (unanimous ? "unanimous" : "not unanimous"));
      return;
    }
    try {
      long count = DiscreteLog.forBound(e.group(), voters).solve(m);
      checks.results.put(d.name(), Long.toString(count));
      checks.check(OUTCOMES, d.outcome().equals(new EntryOutcome.Count(count)), where,
          "published " + d.outcome() + " but the decryption gives " + count);
    } catch (DiscreteLogException ex) {
      checks.fail(OUTCOMES, where, "the decryption is not a count in 0.." + voters);
    }
  }
}
