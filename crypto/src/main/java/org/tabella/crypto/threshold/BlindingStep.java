package org.tabella.crypto.threshold;

import java.util.Objects;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.proofs.DleqProof;

/**
 * One trustee's step of joint blinding: output = (a^s, b^s) for a secret non-zero s, with a proof
 * that both components were raised to the same exponent.
 *
 * @param trustee the trustee index
 * @param input the ciphertext the trustee received
 * @param output the blinded ciphertext
 * @param proof DLEQ(s; a, a^s, b, b^s)
 */
public record BlindingStep(int trustee, Ciphertext input, Ciphertext output, DleqProof proof) {
  /** Checks the fields are present. */
  public BlindingStep {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(proof, "proof");
  }
}
