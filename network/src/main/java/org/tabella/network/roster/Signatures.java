package org.tabella.network.roster;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** ECDSA P-256 / SHA-256 signatures over message bytes (JCA). */
public final class Signatures {
  private Signatures() {}

  /** Signs {@code data}. */
  public static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  /** Returns whether {@code signature} is the certificate holder's signature of {@code data}. */
  public static boolean verify(X509Certificate certificate, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initVerify(certificate.getPublicKey());
      s.update(data);
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
