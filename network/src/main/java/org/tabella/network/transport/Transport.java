package org.tabella.network.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.wire.Envelope;

/**
 * One party's connections: a TLS 1.3 server that every peer dials to deliver messages to this
 * party, and one outgoing TLS 1.3 connection to each peer for sending (redialled with exponential
 * backoff while the transport is open; messages wait in a bounded queue meanwhile). Both ends
 * authenticate with the roster-pinned certificates. Pipeline: TLS → framing (hard maximum) →
 * envelope codec → handler, each its own handler.
 */
public final class Transport implements AutoCloseable {
  /** Receives every envelope that arrives on an authenticated connection. */
  public interface Listener {
    /** Called on a Netty thread with the authenticated peer id and the envelope. */
    void onEnvelope(int peer, Envelope envelope);
  }

  private static final System.Logger LOG = System.getLogger(Transport.class.getName());
  /** Bytes queued for one peer at most (while it is disconnected or slow to read); oldest dropped first. */
  static final long MAX_QUEUED_BYTES = 64L << 20;

  private final Roster roster;
  private final Identity identity;
  private final Listener listener;
  private final int maxFrame;
  private final EventLoopGroup group;
  private final SslContext serverContext;
  private final SslContext clientContext;
  private final Map<Integer, PeerLink> links = new TreeMap<>();
  /** Every accepted connection, so that close() ends them too (peers then see the drop at once). */
  private final io.netty.channel.group.ChannelGroup accepted =
      new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
  private volatile Channel server;
  private volatile boolean closed;

  /**
   * Creates the transport (nothing is bound until {@link #start()}).
   *
   * @throws SSLException if the TLS contexts cannot be built from the identity
   */
  public Transport(Roster roster, Identity identity, Listener listener, int maxFrame) throws SSLException {
    this.roster = Objects.requireNonNull(roster, "roster");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.maxFrame = maxFrame;
    PinnedTrustManager trust = new PinnedTrustManager(roster);
    this.serverContext = SslContextBuilder.forServer(identity.privateKey(), identity.certificate())
        .clientAuth(ClientAuth.REQUIRE).trustManager(trust).protocols("TLSv1.3").build();
    this.clientContext = SslContextBuilder.forClient()
        .keyManager(identity.privateKey(), identity.certificate())
        .trustManager(trust).protocols("TLSv1.3").build();
    this.group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  }

  /** Binds the server on the roster's port for this party and starts dialling every peer. */
  public void start() throws InterruptedException {
    int self = identity.id();
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            accepted.add(ch);
            ch.pipeline().addLast("tls", serverContext.newHandler(ch.alloc()));
            ch.pipeline().addLast("peer", new PeerAuthenticator(roster, self, -1, null));
            Pipelines.addFraming(ch.pipeline(), maxFrame);
            ch.pipeline().addLast("inbound", new InboundHandler());
          }
        });
    server = b.bind(new InetSocketAddress(roster.party(self).port())).sync().channel();
    for (int peer : roster.parties().keySet()) {
      if (peer != self) {
        PeerLink link = new PeerLink(peer);
        links.put(peer, link);
        link.dial();
      }
    }
  }

  /** Sends an envelope to one peer (queued until that peer's connection is up). */
  public void send(int peer, Envelope envelope) {
    PeerLink link = links.get(peer);
    if (link == null) {
      throw new IllegalArgumentException("no peer " + peer);
    }
    link.send(envelope);
  }

  /** Returns whether the outgoing connection to {@code peer} is authenticated and open. */
  public boolean isConnected(int peer) {
    PeerLink link = links.get(peer);
    return link != null && link.ready;
  }

  /** Closes every connection, the server socket and the threads. */
  @Override
  public void close() {
    closed = true;
    if (server != null) {
      server.close().awaitUninterruptibly();
    }
    accepted.close().awaitUninterruptibly();
    for (PeerLink l : links.values()) {
      Channel c = l.channel;
      if (c != null) {
        c.close().awaitUninterruptibly();
      }
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  /** Delivers authenticated envelopes; drops anything on an unauthenticated channel. */
  private final class InboundHandler extends SimpleChannelInboundHandler<Envelope> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope msg) {
      Integer peer = ctx.channel().attr(PeerAuthenticator.PEER).get();
      if (peer == null) {
        LOG.log(System.Logger.Level.WARNING, "party {0}: envelope before authentication dropped", identity.id());
        return;
      }
      listener.onEnvelope(peer, msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: closing connection from {1}: {2}", identity.id(),
          ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }

  /** The outgoing connection to one peer, redialled with backoff. */
  private final class PeerLink {
    private final int peer;
    private final ArrayDeque<Envelope> queue = new ArrayDeque<>();
    private long queuedBytes;
    private volatile Channel channel;
    private volatile boolean ready;
    private long backoffMillis = 50;

    PeerLink(int peer) {
      this.peer = peer;
    }

    void dial() {
      if (closed) {
        return;
      }
      var entry = roster.party(peer);
      Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new io.netty.channel.WriteBufferWaterMark(4 << 20, 8 << 20))
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast("tls", clientContext.newHandler(ch.alloc(), entry.host(), entry.port()));
              ch.pipeline().addLast("peer", new PeerAuthenticator(roster, identity.id(), peer, PeerLink.this::authenticated));
              Pipelines.addFraming(ch.pipeline(), maxFrame);
              ch.pipeline().addLast("errors", new io.netty.channel.ChannelInboundHandlerAdapter() {
                @Override
                public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                  if (ctx.channel().isWritable()) {
                    flush();
                  }
                  ctx.fireChannelWritabilityChanged();
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                  ctx.close();
                }
              });
            }
          });
      b.connect(entry.host(), entry.port()).addListener(f -> {
        if (!f.isSuccess()) {
          retry();
          return;
        }
        Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
        channel = ch;
        ch.closeFuture().addListener(x -> {
          ready = false;
          retry();
        });
      });
    }

    private void retry() {
      if (closed) {
        return;
      }
      long delay = backoffMillis;
      backoffMillis = Math.min(2000, backoffMillis * 2);
      group.schedule(this::dial, delay, TimeUnit.MILLISECONDS);
    }

    void authenticated() {
      backoffMillis = 50;
      ready = true;
      flush();
    }

    synchronized void send(Envelope e) {
      long size = size(e);
      while (!queue.isEmpty() && queuedBytes + size > MAX_QUEUED_BYTES) {
        LOG.log(System.Logger.Level.WARNING, "party {0}: queue to {1} full, dropping oldest", identity.id(), peer);
        queuedBytes -= size(queue.poll());
      }
      queue.add(e);
      queuedBytes += size;
      if (ready) {
        flush();
      }
    }

    /** Writes queued envelopes while the channel is writable (Netty's water marks); resumes on writability. */
    synchronized void flush() {
      Channel ch = channel;
      if (ch == null || !ready) {
        return;
      }
      boolean wrote = false;
      while (!queue.isEmpty() && ch.isWritable()) {
        Envelope e = queue.poll();
        queuedBytes -= size(e);
        ch.write(e);
        wrote = true;
      }
      if (wrote) {
        ch.flush();
      }
    }

    private static long size(Envelope e) {
      return e.payload().length + 512L;
    }
  }
}
