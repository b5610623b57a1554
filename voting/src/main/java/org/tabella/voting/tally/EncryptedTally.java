package org.tabella.voting.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.groups.Group;
import org.tabella.voting.Ballot;
import org.tabella.voting.ElectionParameters;

/**
 * The homomorphic tally: for every contest and option, the product of that selection's ciphertext
 * over all accepted ballots (computed in parallel on all cores). Decrypting an entry reveals only
 * that option's count.
 */
public final class EncryptedTally {
  private EncryptedTally() {}

  /** Returns tally[contest][option]; the ballots must match the election's contests. */
  public static List<List<Ciphertext>> of(ElectionParameters election, List<Ballot> ballots) {
    Group g = election.group();
    List<List<Ciphertext>> out = new ArrayList<>();
    for (int c = 0; c < election.contests().size(); c++) {
      int contest = c;
      List<Ciphertext> options = new ArrayList<>();
      for (int k = 0; k < election.contests().get(c).options(); k++) {
        int option = k;
        Ciphertext sum = IntStream.range(0, ballots.size()).parallel()
            .mapToObj(i -> ballots.get(i).contests().get(contest).selections().get(option).ciphertext())
            .reduce(Ciphertext.zero(g), Ciphertext::add);
        options.add(sum);
      }
      out.add(options);
    }
    return out;
  }
}
