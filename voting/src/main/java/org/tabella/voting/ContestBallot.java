package org.tabella.voting;

import java.util.List;
import java.util.Objects;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.proofs.RangeProof;

/**
 * One contest of a ballot: each selection encrypted with its 0/1 proof and, when the contest has
 * more than one option, a proof that the selections add up to at most the limit.
 *
 * @param contestId the contest
 * @param selections one proven ciphertext per option
 * @param sumProof the range proof for the product of the selections (0..limit), or null for a
 *     single-option contest
 */
public record ContestBallot(String contestId, List<ProvenCiphertext> selections, RangeProof sumProof) {
  /** Copies the list. */
  public ContestBallot {
    Objects.requireNonNull(contestId, "contestId");
    selections = List.copyOf(selections);
  }
}
