package org.tabella.network.roster;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A party's long-term identity: an ECDSA P-256 key and a self-signed certificate. The key
 * authenticates TLS connections and signs every message the party sends; the roster pins the
 * certificate. {@code toString} never shows the key.
 *
 * @param id the party id
 * @param privateKey the signing key
 * @param certificate the pinned certificate
 */
public record Identity(int id, PrivateKey privateKey, X509Certificate certificate) {
  /** Checks presence. */
  public Identity {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** Generates a fresh identity valid for ten years. */
  public static Identity generate(int id) {
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
      kpg.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair kp = kpg.generateKeyPair();
      X500Name name = new X500Name("CN=tabella-party-" + id);
      Instant now = Instant.now();
      var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
          name, kp.getPublic());
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate());
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      return new Identity(id, kp.getPrivate(), cert);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create an identity", e);
    }
  }

  /** Writes the private key as PEM, readable by the owner only. */
  public void savePrivateKey(Path file) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, Pem.privateKey(privateKey));
  }

  /**
   * Loads party {@code id}'s key and takes its certificate from the roster; checks they match.
   *
   * @throws IOException if the key is unreadable or does not belong to the roster's certificate
   */
  public static Identity load(Roster roster, int id, Path keyFile) throws IOException {
    PrivateKey key;
    try {
      key = Pem.parsePrivateKey(Files.readString(keyFile));
    } catch (IllegalArgumentException e) {
      throw new IOException("unreadable private key " + keyFile, e);
    }
    X509Certificate cert = roster.party(id).certificate();
    Identity identity = new Identity(id, key, cert);
    byte[] probe = "tabella-key-check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (!Signatures.verify(cert, probe, Signatures.sign(key, probe))) {
      throw new IOException("the private key in " + keyFile + " does not match party " + id + "'s certificate");
    }
    return identity;
  }

  @Override
  public String toString() {
    return "Identity(" + id + ", " + certificate.getSubjectX500Principal() + ", key ***)";
  }
}
