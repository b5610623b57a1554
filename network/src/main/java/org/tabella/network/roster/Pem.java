package org.tabella.network.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/** PEM reading and writing of certificates and private keys (Bouncy Castle's bcpkix). */
public final class Pem {
  private Pem() {}

  /** Encodes a certificate as PEM. */
  public static String certificate(X509Certificate c) {
    return write(c);
  }

  /** Encodes a private key as PKCS#8 PEM. */
  public static String privateKey(PrivateKey k) {
    try {
      return write(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException("cannot encode the private key", e);
    }
  }

  private static String write(Object o) {
    StringWriter s = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(s)) {
      w.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  /**
   * Parses a PEM certificate.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static X509Certificate parseCertificate(String pem) {
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      Object o = p.readObject();
      if (!(o instanceof X509CertificateHolder h)) {
        throw new IllegalArgumentException("not a PEM certificate");
      }
      return new JcaX509CertificateConverter().getCertificate(h);
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("unreadable certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a PEM private key (PKCS#8 or a key pair).
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static PrivateKey parsePrivateKey(String pem) {
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      Object o = p.readObject();
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      if (o instanceof PrivateKeyInfo info) {
        return conv.getPrivateKey(info);
      }
      if (o instanceof PEMKeyPair pair) {
        return conv.getPrivateKey(pair.getPrivateKeyInfo());
      }
      throw new IllegalArgumentException("not a PEM private key");
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable private key", e);
    }
  }
}
