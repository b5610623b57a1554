package org.tabella.app.board;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bulletin board's HTTPS service (SPEC.md §4.8): Netty's HTTP/1.1 codec behind TLS 1.3 with
 * the board's certificate ({@link BoardTls}), in front of a {@link BoardService}. Limits: request
 * bodies of at most {@link #MAX_BODY} bytes (413 beyond), at most {@link #MAX_CONNECTIONS}
 * connections at once (more are closed on accept), a token bucket of requests per client address
 * (429 when empty), and {@link #IDLE_SECONDS} s of silence per connection ({@link Limits}). The admin token that closes voting is
 * {@code DATA/admin.token} (mode 0600, made on first start).
 */
public final class BoardServer implements AutoCloseable {
  /** The largest request body accepted. */
  public static final int MAX_BODY = 1 << 20;
  /** The most connections served at once. */
  public static final int MAX_CONNECTIONS = 512;
  /** Seconds of silence after which a connection is closed. */
  public static final int IDLE_SECONDS = 30;

  /**
   * Connection limits: at most {@code maxConnections} at once (more are closed on accept) and
   * {@code idleSeconds} of silence per connection.
   */
  public record Limits(int maxConnections, int idleSeconds) {
    /** The defaults: {@link #MAX_CONNECTIONS} and {@link #IDLE_SECONDS}. */
    public static final Limits DEFAULT = new Limits(MAX_CONNECTIONS, IDLE_SECONDS);

    /** Checks both are positive. */
    public Limits {
      if (maxConnections < 1 || idleSeconds < 1) {
        throw new IllegalArgumentException("connection limits must be positive");
      }
    }
  }

  private final EventLoopGroup group;
  private final Channel server;
  private final BoardTls tls;
  private final BoardService service;

  private BoardServer(EventLoopGroup group, Channel server, BoardTls tls, BoardService service) {
    this.group = group;
    this.server = server;
    this.tls = tls;
    this.service = service;
  }

  /**
   * Starts serving {@code service} on {@code port} (0: any free port) of every address.
   *
   * @param definitionDir the election definition's directory (its files are served as they are)
   */
  public static BoardServer start(BoardService service, Path definitionDir, Path data, BoardTls tls, int port,
      RateLimiter.Rate rate) throws IOException, InterruptedException {
    return start(service, definitionDir, data, tls, port, rate, Limits.DEFAULT);
  }

  /** As {@link #start(BoardService, Path, Path, BoardTls, int, RateLimiter.Rate)}, with other connection limits. */
  public static BoardServer start(BoardService service, Path definitionDir, Path data, BoardTls tls, int port,
      RateLimiter.Rate rate, Limits limits) throws IOException, InterruptedException {
    String token = adminToken(data);
    SslContext ssl = SslContextBuilder.forServer(tls.key(), tls.certificate()).protocols("TLSv1.3").build();
    BoardApi api = new BoardApi(service, definitionDir, token, new RateLimiter(rate));
    AtomicInteger connections = new AtomicInteger();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (connections.incrementAndGet() > limits.maxConnections()) {
              connections.decrementAndGet();
              ch.close();
              return;
            }
            ch.closeFuture().addListener(f -> connections.decrementAndGet());
            ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new ReadTimeoutHandler(limits.idleSeconds()), new HttpServerCodec(),
                new HttpObjectAggregator(MAX_BODY), api.newHandler());
          }
        });
    Channel server;
    try {
      server = b.bind(new InetSocketAddress(port)).sync().channel();
    } catch (RuntimeException e) {
      group.shutdownGracefully();
      throw new IOException("cannot listen on port " + port + ": " + e.getMessage(), e);
    }
    return new BoardServer(group, server, tls, service);
  }

  /** The admin token in {@code data/admin.token}, made (mode 0600) on first start. */
  static String adminToken(Path data) throws IOException {
    Path file = data.resolve("admin.token");
    if (!Files.exists(file)) {
      byte[] t = new byte[32];
      new SecureRandom().nextBytes(t);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, HexFormat.of().formatHex(t) + "\n");
    }
    return Files.readString(file).trim();
  }

  /** The port served. */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** The certificate's SHA-256 fingerprint. */
  public String fingerprint() {
    return tls.fingerprint();
  }

  /** The service behind it. */
  public BoardService service() {
    return service;
  }

  /** Stops listening and closes every connection (the service stays open). */
  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully().syncUninterruptibly();
  }
}
