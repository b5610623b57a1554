package org.tabella.app.board;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Pem;

/**
 * The board's TLS identity: its own self-signed ECDSA P-256 certificate, made on first start in the
 * data directory ({@code board.key.pem}, mode 0600, and {@code board.cert.pem}), or the operator's
 * ({@code --tls-cert/--tls-key}). Clients pin its SHA-256 fingerprint ({@link #fingerprint}).
 *
 * @param key the private key
 * @param certificate the certificate
 */
public record BoardTls(PrivateKey key, X509Certificate certificate) {
  /** Loads the data directory's identity, making it on first start. */
  public static BoardTls inDataDirectory(Path data) throws IOException {
    Path keyFile = data.resolve("board.key.pem");
    Path certFile = data.resolve("board.cert.pem");
    if (!Files.exists(keyFile)) {
      Files.createDirectories(data);
      Identity made = Identity.generate(1);
      made.savePrivateKey(keyFile);
      Files.writeString(certFile, Pem.certificate(made.certificate()));
    }
    return load(certFile, keyFile);
  }

  /** Loads a certificate and its private key from PEM files. */
  public static BoardTls load(Path certFile, Path keyFile) throws IOException {
    return new BoardTls(Pem.parsePrivateKey(Files.readString(keyFile)), Pem.parseCertificate(Files.readString(certFile)));
  }

  /** SHA-256 of the certificate's DER encoding, lowercase hex: what clients pin. */
  public String fingerprint() {
    return fingerprint(certificate);
  }

  /** SHA-256 of a certificate's DER encoding, lowercase hex. */
  public static String fingerprint(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
