package org.tabella.network.roster;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One party of a roster.
 *
 * @param id 1..n
 * @param host where it listens
 * @param port its TCP port
 * @param certificate its TLS and signing certificate (pinned: the only one accepted for this id)
 */
public record PartyEntry(int id, String host, int port, X509Certificate certificate) {
  /** Checks the fields. */
  public PartyEntry {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(certificate, "certificate");
    if (id < 1) {
      throw new IllegalArgumentException("party id must be positive");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** SHA-256 of the certificate's DER encoding. */
  public byte[] fingerprint() {
    return fingerprint(certificate);
  }

  /** SHA-256 of a certificate's DER encoding. */
  public static byte[] fingerprint(X509Certificate c) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
