package org.tabella.crypto.dkg;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.SortedSet;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.signatures.EcdsaP256;
import org.tabella.crypto.threshold.ThresholdKey;

/**
 * One party's signed confirmation that a key ceremony ended with exactly this outcome (SPEC.md
 * §2.10, step 5): its ECDSA P-256 signature ({@link EcdsaP256}) over the ceremony digest. Records
 * carry every confirmation, so a verifier sees which parties vouched for the key.
 *
 * @param party the confirming party's id
 * @param publicKey its signing key, compressed SEC1 (33 bytes) — its roster certificate's key
 * @param signature its canonical signature of {@link #digest}
 */
public record Confirmation(int party, byte[] publicKey, byte[] signature) {
  /** Copies and checks presence. */
  public Confirmation {
    publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
    signature = Objects.requireNonNull(signature, "signature").clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * The ceremony digest: {@code SHA-256(LP("tabella-dkg-confirm-v1") ‖ LP(session) ‖ I2OSP(|QUAL|,4)
   * ‖ I2OSP(d,4)… ‖ LP(encode(h)) ‖ I2OSP(n,4) ‖ LP(encode(X_1)) … LP(encode(X_n)))}: the session
   * (with the run's nonce), the qualified dealers, the joint key and every verification key.
   */
  public static byte[] digest(byte[] sessionId, SortedSet<Integer> qualified, ThresholdKey key) {
    ByteWriter w = new ByteWriter().writeString("tabella-dkg-confirm-v1").writeBytes(sessionId)
        .writeInt(qualified.size());
    qualified.forEach(w::writeInt);
    w.writeElement(key.publicKey().element()).writeInt(key.verificationKeys().size());
    key.verificationKeys().values().forEach(w::writeElement);
    try {
      return MessageDigest.getInstance("SHA-256").digest(w.toByteArray());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the signature is valid for {@code digest} under {@link #publicKey}. */
  public boolean verifies(byte[] digest) {
    return EcdsaP256.verify(publicKey, digest, signature);
  }
}
