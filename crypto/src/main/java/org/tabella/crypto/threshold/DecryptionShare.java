package org.tabella.crypto.threshold;

import java.util.Objects;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.groups.Element;

/**
 * Trustee i's share d_i = a^{x_i} of a ciphertext's decryption, with a Chaum–Pedersen proof that
 * log_g X_i = log_a d_i (SPEC.md §2.8).
 *
 * @param trustee the trustee index i
 * @param share d_i
 * @param proof the DLEQ proof, bound to the ciphertext, the trustee and the caller's context
 */
public record DecryptionShare(int trustee, Element share, DleqProof proof) {

  /** Checks the fields are present. */
  public DecryptionShare {
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(proof, "proof");
  }

}
