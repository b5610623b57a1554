package org.tabella.network.roster;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.tabella.crypto.signatures.EcdsaP256;

/**
 * Envelope signatures: canonical ECDSA P-256 with SHA-256 ({@link EcdsaP256}, SPEC.md §3.2) with
 * the JCA keys of a party's identity and certificate. A signed message has exactly one valid
 * signature (low s), so a relayer cannot make a second one ({@code (r, n − s)}) to fake
 * equivocation.
 */
public final class Signatures {
  private Signatures() {}

  /** Signs SHA-256({@code data}). */
  public static byte[] sign(PrivateKey key, byte[] data) {
    if (!(key instanceof ECPrivateKey ec)) {
      throw new IllegalArgumentException("an EC P-256 private key is required");
    }
    return EcdsaP256.sign(ec.getS(), data);
  }

  /**
   * Returns whether {@code signature} is the certificate holder's canonical (low-s) signature of
   * {@code data}; a high-s signature is refused even though plain ECDSA would accept it.
   */
  public static boolean verify(X509Certificate certificate, byte[] data, byte[] signature) {
    if (!(certificate.getPublicKey() instanceof ECPublicKey ec)) {
      return false;
    }
    return EcdsaP256.verify(ec.getW().getAffineX(), ec.getW().getAffineY(), data, signature);
  }

  /** The certificate's public key as a compressed SEC1 encoding (for records). */
  public static byte[] publicKey(X509Certificate certificate) {
    ECPublicKey ec = (ECPublicKey) certificate.getPublicKey();
    return EcdsaP256.encodePublicKey(ec.getW().getAffineX(), ec.getW().getAffineY());
  }
}
