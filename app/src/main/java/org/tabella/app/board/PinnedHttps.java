package org.tabella.app.board;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * An HTTPS client that trusts exactly one server certificate, named by its SHA-256 fingerprint —
 * what a voter or trustee gets from the board's operator out of band (SPEC.md §4.8). No CA, no
 * host name: the pin is the whole of the server's authentication.
 */
public final class PinnedHttps {
  private PinnedHttps() {}

  /** A client pinned to {@code fingerprint} (64 hex digits, either case). */
  public static HttpClient client(String fingerprint) {
    String pin = fingerprint.toLowerCase(Locale.ROOT);
    if (!pin.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a certificate fingerprint is 64 hex digits (SHA-256)");
    }
    try {
      SSLContext ctx = SSLContext.getInstance("TLSv1.3");
      ctx.init(null, new javax.net.ssl.TrustManager[] {new Pin(pin)}, new SecureRandom());
      return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(10)).build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("TLS 1.3 unavailable", e);
    }
  }

  private static final class Pin extends X509ExtendedTrustManager {
    private final String pin;

    Pin(String pin) {
      this.pin = pin;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0 || !BoardTls.fingerprint(chain[0]).equals(pin)) {
        throw new CertificateException("the server's certificate is not the pinned one");
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      throw new CertificateException("a client, not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("a client, not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("a client, not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
