package org.tabella.crypto.elgamal;

import java.util.Objects;
import org.tabella.crypto.proofs.RangeProof;

/**
 * A ciphertext with a proof that its plaintext lies in 0..L (L = 1: a 0/1 vote).
 *
 * @param ciphertext the encryption
 * @param proof the range proof, bound to the context it was made for
 */
public record ProvenCiphertext(Ciphertext ciphertext, RangeProof proof) {

  /** Checks both are present. */
  public ProvenCiphertext {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(proof, "proof");
  }

  /**
   * Returns whether the proof shows, for {@code publicKey} and {@code context}, that the
   * plaintext is in 0..{@code maximum} (the caller's bound: a proof for a wider range is false);
   * also rejects a = identity (nonce 0).
   */
  public boolean verify(ElGamalPublicKey publicKey, int maximum, byte[] context) {
    if (!ciphertext.group().equals(publicKey.group()) || ciphertext.a().isIdentity()) {
      return false;
    }
    return proof.verify(publicKey.element(), ciphertext.a(), ciphertext.b(), maximum, context);
  }
}
