package org.tabella.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.util.concurrent.TimeUnit;
import org.tabella.network.roster.Identity;

/** A misbehaving client for tests: TLS with any identity (or none), then arbitrary bytes. */
final class RogueClient implements AutoCloseable {
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel channel;
  private final SslHandler ssl;

  /** Connects with TLS, presenting {@code identity} (null: raw TCP, no TLS). */
  RogueClient(int port, Identity identity) throws Exception {
    SslContext ctx = identity == null ? null : SslContextBuilder.forClient()
        .keyManager(identity.privateKey(), identity.certificate())
        .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.3").build();
    SslHandler[] holder = new SslHandler[1];
    channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (ctx != null) {
              holder[0] = ctx.newHandler(ch.alloc(), "127.0.0.1", port);
              ch.pipeline().addLast(holder[0]);
            }
          }
        }).connect("127.0.0.1", port).sync().channel();
    ssl = holder[0];
  }

  /** Waits for the TLS handshake; returns whether it succeeded. */
  boolean handshake() {
    return ssl != null && ssl.handshakeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS)
        && ssl.handshakeFuture().isSuccess();
  }

  void send(byte[] bytes) {
    channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  void send(ByteBuf buf) {
    channel.writeAndFlush(buf).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** Returns whether the server closed the connection within the time. */
  boolean closedWithin(long millis) {
    return channel.closeFuture().awaitUninterruptibly(millis) && !channel.isActive();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
