package org.tabella.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.proofs.ProofBatch;

/**
 * Verifies many ballots on all cores: the ballots are cut into chunks (at most {@value #CHUNK}
 * ballots, at least two per core), each chunk's proofs are checked in one batch (one
 * multi-exponentiation), and a failed chunk is re-checked proof by proof so that exactly the bad
 * ballots are named.
 */
public final class BallotVerifier {
  /**
   * The most ballots per batch: large enough that a chunk's multi-exponentiation (thousands of
   * terms) takes the bucket method, whose cost per term falls as the terms grow (a record chunk of
   * 10,000 ballots is four batches of 2,500 on two cores); a failed chunk is re-checked proof by
   * proof, so its size costs nothing when every ballot is valid.
   */
  private static final int CHUNK = 4096;

  private BallotVerifier() {}

  /** Returns, for each ballot with a problem, its index and the problems; empty when all are valid. */
  public static Map<Integer, List<String>> problems(ElectionParameters election, ElGamalPublicKey key,
      List<Ballot> ballots) {
    // At most CHUNK ballots per batch, but small batches (a board's admission of a few dozen) are
    // still cut so that every core gets some.
    int cores = Runtime.getRuntime().availableProcessors();
    int chunk = Math.max(4, Math.min(CHUNK, (ballots.size() + 2 * cores - 1) / (2 * cores)));
    int chunks = (ballots.size() + chunk - 1) / chunk;
    List<Map<Integer, List<String>>> parts = IntStream.range(0, chunks).parallel().mapToObj(c -> {
      Map<Integer, List<String>> found = new TreeMap<>();
      ProofBatch batch = new ProofBatch(key.group());
      List<int[]> ranges = new ArrayList<>();
      int end = Math.min(ballots.size(), (c + 1) * chunk);
      for (int i = c * chunk; i < end; i++) {
        int start = batch.size();
        List<String> p = Ballots.addTo(batch, election, key, ballots.get(i));
        ranges.add(new int[] {i, start, batch.size()});
        if (!p.isEmpty()) {
          found.put(i, new ArrayList<>(p));
        }
      }
      List<Integer> bad = batch.invalid();
      for (int[] r : ranges) {
        if (bad.stream().anyMatch(x -> x >= r[1] && x < r[2])) {
          found.computeIfAbsent(r[0], k -> new ArrayList<>()).add("invalid proof");
        }
      }
      return found;
    }).toList();
    Map<Integer, List<String>> all = new TreeMap<>();
    parts.forEach(all::putAll);
    return all;
  }
}
