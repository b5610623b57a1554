package org.tabella.voting;

import java.util.List;
import java.util.Objects;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.encoding.Utf8;
import org.tabella.crypto.proofs.RangeProof;

/**
 * One contest of a ballot: each selection encrypted with its 0/1 proof and, when the contest has
 * more than one option, a proof that the selections add up to at most the limit.
 *
 * @param contestId the contest (1..64 bytes of UTF-8)
 * @param selections one proven ciphertext per option (at most {@link Contest#MAX_OPTIONS})
 * @param sumProof the range proof for the product of the selections (0..limit), or null for a
 *     single-option contest
 */
public record ContestBallot(String contestId, List<ProvenCiphertext> selections, RangeProof sumProof) {
  /** Copies the list and checks the codec's limits. */
  public ContestBallot {
    Objects.requireNonNull(contestId, "contestId");
    Utf8.checkLength(contestId, 1, Contest.MAX_ID_BYTES, "a contest id");
    selections = List.copyOf(selections);
    if (selections.size() > Contest.MAX_OPTIONS) {
      throw new IllegalArgumentException("a contest has at most " + Contest.MAX_OPTIONS + " selections");
    }
    for (ProvenCiphertext s : selections) {
      checkProof(s.proof());
    }
    if (sumProof != null) {
      checkProof(sumProof);
    }
  }

  private static void checkProof(RangeProof p) {
    if (p.maximum() > Contest.MAX_OPTIONS) {
      throw new IllegalArgumentException("a ballot's range proofs go up to at most " + Contest.MAX_OPTIONS);
    }
  }
}
