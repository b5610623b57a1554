package org.tabella.voting.tally;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.DiscreteLogException;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Group;
import org.tabella.voting.Ballot;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;

/**
 * The one tally-and-decrypt body (SPEC.md §4.4), for elections in memory and over the network
 * alike: multiply the ballots per (contest, option); in unanimous mode shift by the number of
 * voters and let the trustees blind; collect decryption shares; keep exactly the valid shares the
 * combination used; and turn the plaintext into the outcome.
 */
public final class TallyDecryption {
  private TallyDecryption() {}

  /**
   * Tallies and decrypts every entry, in election order. In unanimous mode the shift is by the
   * election's eligible voters, not by the ballots present: a missing ballot is dissent.
   *
   * @param ballots the accepted ballots (already verified by the board)
   * @throws InsufficientSharesException if fewer than k valid shares came for an entry, or (unanimous
   *     mode) fewer than k valid blinding steps
   */
  public static List<DecryptedEntry> run(ElectionParameters election, ThresholdKey key, List<Ballot> ballots,
      Trustees trustees) throws InsufficientSharesException, InterruptedException {
    return decrypt(election, key, EncryptedTally.of(election, ballots), ballots.size(), trustees);
  }

  /**
   * Decrypts every entry of an encrypted tally (the product of the accepted ballots' selections,
   * [contest][option], as a board keeps it) of {@code ballots} ballots, in election order; otherwise
   * as {@link #run(ElectionParameters, ThresholdKey, List, Trustees)}.
   *
   * @throws InsufficientSharesException as there
   */
  public static List<DecryptedEntry> decrypt(ElectionParameters election, ThresholdKey key,
      List<List<Ciphertext>> tally, int ballots, Trustees trustees) throws InsufficientSharesException,
      InterruptedException {
    Group g = election.group();
    List<DecryptedEntry> entries = new ArrayList<>();
    for (int c = 0; c < election.contests().size(); c++) {
      Contest contest = election.contests().get(c);
      for (int k = 0; k < contest.options(); k++) {
        String entry = contest.id() + "/" + k;
        byte[] context = TallyContexts.decryption(election, contest.id(), k);
        Ciphertext start = tally.get(c).get(k);
        List<BlindingStep> steps = List.of();
        if (election.unanimous()) {
          start = TallyContexts.unanimity(g, start, election.voters());
          steps = trustees.blind(entry, start, context);
          if (steps.size() < election.quorum() || !JointBlinding.verifyChain(start, steps, context)) {
            throw new InsufficientSharesException("entry " + entry + ": " + steps.size()
                + " valid blinding steps, at least " + election.quorum() + " needed");
          }
        }
        Ciphertext target = steps.isEmpty() ? start : steps.get(steps.size() - 1).output();
        List<DecryptionShare> shares = trustees.decryptionShares(entry, target, context);
        DecryptionResult result;
        try {
          result = ThresholdDecryption.combine(key, target, shares, context);
        } catch (InsufficientSharesException e) {
          throw new InsufficientSharesException("entry " + entry + ": " + e.getMessage() + " (shares came from trustees "
              + shares.stream().map(DecryptionShare::trustee).sorted().toList() + ")");
        }
        List<DecryptionShare> used = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (DecryptionShare s : shares) {
          if (result.usedTrustees().contains(s.trustee()) && seen.add(s.trustee())) {
            used.add(s);
          }
        }
        used.sort(java.util.Comparator.comparingInt(DecryptionShare::trustee));
        entries.add(new DecryptedEntry(contest.id(), k, start, steps, used, outcome(election, result, ballots)));
      }
    }
    return entries;
  }

  private static EntryOutcome outcome(ElectionParameters election, DecryptionResult result, int ballots) {
    if (election.unanimous()) {
      return new EntryOutcome.Unanimity(result.plaintextElement().isIdentity());
    }
    try {
      return new EntryOutcome.Count(DiscreteLog.forBound(election.group(), ballots).solve(result.plaintextElement()));
    } catch (DiscreteLogException e) {
      // Valid shares of a product of proven 0/1 ballots cannot decrypt outside 0..V.
      throw new IllegalStateException("the tally decrypted outside 0.." + ballots, e);
    }
  }
}
