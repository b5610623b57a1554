package org.tabella.network.transport;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.tabella.network.roster.PartyEntry;
import org.tabella.network.roster.Roster;

/**
 * Trusts exactly the certificates the roster pins (by SHA-256 fingerprint), nothing else: no CA,
 * no hostname. Which party a connection belongs to is decided after the handshake by
 * {@link PeerAuthenticator}.
 */
final class PinnedTrustManager implements X509TrustManager {
  private final Roster roster;

  PinnedTrustManager(Roster roster) {
    this.roster = roster;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0 || roster.idOf(PartyEntry.fingerprint(chain[0])) < 0) {
      throw new CertificateException("certificate not pinned by the roster");
    }
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
