package org.tabella.voting.record;

import static org.tabella.voting.record.VerificationStep.KEY_CEREMONY;
import static org.tabella.voting.record.VerificationStep.KEY_PARAMETERS;
import static org.tabella.voting.record.VerificationStep.KEY_POLYNOMIAL;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tabella.crypto.dkg.Confirmation;
import org.tabella.crypto.dkg.DkgParameters;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.voting.ElectionParameters;

/** SPEC.md §4.5 steps V1–V3: the threshold key and the ceremony that made it. */
final class KeyVerification {
  private KeyVerification() {}

  /** What the key steps check: the key, its ceremony, and the trustee count and quorum it must have. */
  record Material(org.tabella.groups.Group group, int trustees, int quorum, ThresholdKey key, List<Integer> qualified,
      java.util.Optional<CeremonyTranscript> ceremony) {
    static Material of(ElectionRecord r) {
      return new Material(r.election().group(), r.election().trustees(), r.election().quorum(), r.key(), r.qualified(),
          r.ceremony());
    }
  }

  static void run(ElectionRecord r, Checks checks) {
    run(Material.of(r), checks);
  }

  static void run(Material r, Checks checks) {
    Material e = r;
    ThresholdKey key = r.key();
    boolean shaped = checks.check(KEY_PARAMETERS, key.threshold() == e.quorum(), "key",
        "quorum " + key.threshold() + " differs from the election's " + e.quorum());
    Set<Integer> expected = new TreeSet<>();
    for (int i = 1; i <= e.trustees(); i++) {
      expected.add(i);
    }
    shaped &= checks.check(KEY_PARAMETERS, key.verificationKeys().keySet().equals(expected), "key",
        "verification keys for trustees " + key.verificationKeys().keySet() + ", expected exactly 1.." + e.trustees());
    if (shaped) {
      checks.check(KEY_POLYNOMIAL, key.isConsistent(), "key",
          "the verification keys do not lie on one polynomial of degree k−1 through the public key");
    }
    ceremony(r, checks);
  }

  private static void ceremony(Material r, Checks checks) {
    Material e = r;
    if (r.ceremony().isEmpty()) {
      checks.check(KEY_CEREMONY, r.qualified().isEmpty(), "key",
          "qualified dealers listed without a ceremony transcript to prove them");
      return;
    }
    CeremonyTranscript t = r.ceremony().get();
    List<Integer> ids = t.dealerIds();
    boolean ordered = true;
    for (int i = 0; i < ids.size(); i++) {
      int d = ids.get(i);
      ordered &= d >= 1 && d <= e.trustees() && (i == 0 || d > ids.get(i - 1));
    }
    checks.check(KEY_CEREMONY, ordered, "key ceremony",
        "dealer ids " + ids + " are not distinct, increasing and within 1.." + e.trustees());
    checks.check(KEY_CEREMONY, ids.equals(r.qualified()), "key ceremony",
        "the transcript's dealers " + ids + " are not the qualified dealers " + r.qualified());
    checks.check(KEY_CEREMONY, ids.size() >= e.quorum(), "key ceremony",
        ids.size() + " qualified dealers, at least the quorum " + e.quorum() + " needed");
    if (ordered) {
      DkgParameters params = new DkgParameters(e.group(), e.trustees(), e.quorum(), t.sessionId());
      checks.check(KEY_CEREMONY, DkgResult.transcriptProves(params, t.dealers(), r.key()), "key ceremony",
          "the transcript does not prove the key (proofs of possession, joint key, verification keys)");
    }
    confirmations(r, t, checks);
  }

  /** The parties' signed confirmations: distinct, increasing ids in 1..n, each valid, at least k. */
  private static void confirmations(Material r, CeremonyTranscript t, Checks checks) {
    Material e = r;
    byte[] digest = Confirmation.digest(t.sessionId(), new TreeSet<>(t.dealerIds()), r.key());
    int last = 0;
    for (Confirmation c : t.confirmations()) {
      String where = "key ceremony confirmation of party " + c.party();
      checks.check(KEY_CEREMONY, c.party() > last && c.party() <= e.trustees(), where,
          "confirming parties are not distinct ids in 1.." + e.trustees() + " in increasing order");
      last = c.party();
      checks.check(KEY_CEREMONY, c.verifies(digest), where,
          "the signature does not confirm this outcome (session, qualified dealers, key, verification keys)");
    }
    checks.check(KEY_CEREMONY, t.confirmations().size() >= e.quorum(), "key ceremony",
        t.confirmations().size() + " parties confirmed the outcome, at least the quorum " + e.quorum() + " needed");
  }
}
