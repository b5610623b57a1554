package org.tabella.network.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.tabella.network.roster.PartyEntry;
import org.tabella.network.roster.Roster;

/**
 * After the TLS handshake, maps the peer's certificate to its roster id and stores it on the
 * channel; a client also checks it reached the party it dialled. Anything else closes the
 * connection. One instance per channel.
 */
final class PeerAuthenticator extends ChannelInboundHandlerAdapter {
  static final AttributeKey<Integer> PEER = AttributeKey.valueOf("tabella.peer");
  private static final System.Logger LOG = System.getLogger(PeerAuthenticator.class.getName());

  private final Roster roster;
  private final int expectedPeer;
  private final int self;
  private final Runnable onAuthenticated;

  /**
   * @param expectedPeer the dialled party, or −1 on the server side
   * @param onAuthenticated run once the peer is known (may be null)
   */
  PeerAuthenticator(Roster roster, int self, int expectedPeer, Runnable onAuthenticated) {
    this.roster = roster;
    this.self = self;
    this.expectedPeer = expectedPeer;
    this.onAuthenticated = onAuthenticated;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof SslHandshakeCompletionEvent e) {
      if (!e.isSuccess()) {
        LOG.log(System.Logger.Level.WARNING, "party {0}: TLS handshake with {1} failed: {2}",
            self, ctx.channel().remoteAddress(), e.cause().getMessage());
        ctx.close();
        return;
      }
      Certificate[] peer = ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
      int id = roster.idOf(PartyEntry.fingerprint((X509Certificate) peer[0]));
      if (id < 1 || id == self || (expectedPeer > 0 && id != expectedPeer)) {
        LOG.log(System.Logger.Level.WARNING, "party {0}: refusing peer claiming id {1}", self, id);
        ctx.close();
        return;
      }
      ctx.channel().attr(PEER).set(id);
      if (onAuthenticated != null) {
        onAuthenticated.run();
      }
    }
    super.userEventTriggered(ctx, evt);
  }
}
