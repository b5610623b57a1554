package org.tabella.app.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.threshold.SealedKeyShare;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;

/**
 * The board's JSON API (SPEC.md §4.8) as a Netty handler: routing, strict request reading, and
 * the mapping of every outcome to its status code. Every response is JSON; every error is
 * {@code {"error": "…"}} with the reason.
 */
final class BoardApi {
  static final int MAX_PAGE = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BoardService service;
  private final JsonNode electionJson;
  private final JsonNode keyJson;
  private final byte[] adminToken;
  private final RateLimiter limiter;

  BoardApi(BoardService service, Path definitionDir, String adminToken, RateLimiter limiter) throws IOException {
    this.service = service;
    this.electionJson = JSON.readTree(Files.readString(definitionDir.resolve("election.json")));
    this.keyJson = JSON.readTree(Files.readString(definitionDir.resolve("key.json")));
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.limiter = limiter;
  }

  ChannelHandler newHandler() {
    return new Handler();
  }

  /** A JSON response; {@code allow} is the Allow header of a 405 (else null). */
  private record Response(HttpResponseStatus status, JsonNode body, String allow) {
    Response(HttpResponseStatus status, JsonNode body) {
      this(status, body, null);
    }
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      if (!req.decoderResult().isSuccess()) {
        send(ctx, false, error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request"));
        return;
      }
      if (ctx.channel().remoteAddress() instanceof InetSocketAddress a && !limiter.allow(a.getAddress())) {
        send(ctx, keepAlive, error(HttpResponseStatus.TOO_MANY_REQUESTS, "too many requests from this address; slow down"));
        return;
      }
      QueryStringDecoder uri = new QueryStringDecoder(req.uri());
      String path = uri.path();
      HttpMethod m = req.method();
      try {
        if (path.equals("/") || path.equals("/check")) {
          if (m != HttpMethod.GET) {
            send(ctx, keepAlive, notAllowed("GET"));
          } else {
            page(ctx, keepAlive, path.equals("/check") ? uri.parameters().get("code") : null);
          }
        } else if (path.equals("/static/app.js") || path.equals("/static/style.css")) {
          staticFile(ctx, keepAlive, path.substring("/static/".length()));
        } else if (path.equals("/api/election")) {
          send(ctx, keepAlive, m == HttpMethod.GET ? election() : notAllowed("GET"));
        } else if (path.equals("/api/ballots")) {
          if (m == HttpMethod.POST) {
            postBallot(ctx, keepAlive, req);
          } else if (m == HttpMethod.GET) {
            send(ctx, keepAlive, page(uri));
          } else {
            send(ctx, keepAlive, notAllowed("GET, POST"));
          }
        } else if (path.startsWith("/api/ballots/")) {
          send(ctx, keepAlive, m == HttpMethod.GET ? lookup(path.substring("/api/ballots/".length())) : notAllowed("GET"));
        } else if (path.equals("/api/close")) {
          send(ctx, keepAlive, m == HttpMethod.POST ? close(req) : notAllowed("POST"));
        } else if (path.equals("/api/tally")) {
          send(ctx, keepAlive, m == HttpMethod.GET ? tally() : notAllowed("GET"));
        } else if (path.equals("/api/decryption")) {
          send(ctx, keepAlive, m == HttpMethod.POST ? decryption(req) : notAllowed("POST"));
        } else if (path.equals("/api/record")) {
          send(ctx, keepAlive, m == HttpMethod.GET ? record() : notAllowed("GET"));
        } else {
          send(ctx, keepAlive, error(HttpResponseStatus.NOT_FOUND, "no such resource: " + path));
        }
      } catch (IOException | RuntimeException e) {
        send(ctx, keepAlive, error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error"));
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private Response election() {
    ObjectNode o = JSON.createObjectNode();
    o.set("election", electionJson);
    o.set("key", keyJson);
    o.put("key_fingerprint", HexFormat.of().formatHex(SealedKeyShare.fingerprint(service.definition().key().key())));
    o.put("state", service.isClosed() ? "closed" : "open");
    o.put("decrypted", service.record() != null);
    o.put("ballots", service.size());
    o.put("head", HexFormat.of().formatHex(service.head()));
    return new Response(HttpResponseStatus.OK, o);
  }

  private void postBallot(ChannelHandlerContext ctx, boolean keepAlive, FullHttpRequest req) {
    Ballot b;
    try {
      JsonNode body = JSON.readTree(req.content().toString(StandardCharsets.UTF_8));
      if (body == null || !body.isObject() || body.size() != 1 || !body.has("ballot") || !body.get("ballot").isTextual()) {
        send(ctx, keepAlive, error(HttpResponseStatus.BAD_REQUEST, "the body is {\"ballot\": \"<hex of the ballot's bytes>\"}"));
        return;
      }
      String hex = body.get("ballot").asText();
      if (!hex.matches("([0-9a-f]{2})+")) {
        send(ctx, keepAlive, error(HttpResponseStatus.BAD_REQUEST, "ballot: lowercase hex of an even length expected"));
        return;
      }
      b = BallotCodec.decode(service.definition().election().group(), HexFormat.of().parseHex(hex));
    } catch (IOException e) {
      send(ctx, keepAlive, error(HttpResponseStatus.BAD_REQUEST, "malformed JSON"));
      return;
    } catch (MalformedEncodingException | RuntimeException e) {
      send(ctx, keepAlive, error(HttpResponseStatus.BAD_REQUEST, "not a ballot: " + e.getMessage()));
      return;
    }
    service.submit(b).whenComplete((outcome, failure) -> ctx.channel().eventLoop().execute(() -> {
      if (failure != null) {
        send(ctx, keepAlive, error(HttpResponseStatus.SERVICE_UNAVAILABLE, "the board could not take the ballot; retry"));
      } else if (outcome instanceof BoardService.Outcome.Accepted a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ballot_id", a.receipt().ballotId());
        o.put("tracking_code", a.receipt().trackingCode());
        o.put("position", a.receipt().position());
        o.put("head", HexFormat.of().formatHex(a.head()));
        send(ctx, keepAlive, new Response(HttpResponseStatus.CREATED, o));
      } else if (outcome instanceof BoardService.Outcome.Conflict c) {
        send(ctx, keepAlive, error(HttpResponseStatus.CONFLICT, c.reason()));
      } else if (outcome instanceof BoardService.Outcome.Closed) {
        send(ctx, keepAlive, error(HttpResponseStatus.FORBIDDEN, "voting is closed"));
      } else {
        send(ctx, keepAlive, error(HttpResponseStatus.BAD_REQUEST, ((BoardService.Outcome.Refused) outcome).reason()));
      }
    }));
  }

  private Response page(QueryStringDecoder uri) {
    int from;
    int limit;
    try {
      from = intParam(uri, "from", 0);
      limit = intParam(uri, "limit", MAX_PAGE);
    } catch (IllegalArgumentException e) {
      return error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
    }
    if (from < 0 || limit < 1 || limit > MAX_PAGE) {
      return error(HttpResponseStatus.BAD_REQUEST, "from ≥ 0 and 1 ≤ limit ≤ " + MAX_PAGE);
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("from", from);
    ArrayNode list = o.putArray("ballots");
    for (BoardService.Entry e : service.ballots(from, limit)) {
      list.addObject().put("position", e.position()).put("ballot_id", e.ballotId()).put("tracking_code", e.trackingCode())
          .put("ballot", HexFormat.of().formatHex(e.ballot()));
    }
    o.put("total", service.size());
    o.put("head", HexFormat.of().formatHex(service.head()));
    return new Response(HttpResponseStatus.OK, o);
  }

  private static int intParam(QueryStringDecoder uri, String name, int otherwise) {
    List<String> v = uri.parameters().get(name);
    if (v == null) {
      return otherwise;
    }
    if (v.size() != 1 || !v.get(0).matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(name + " is one non-negative integer");
    }
    return Integer.parseInt(v.get(0));
  }

  private Response lookup(String code) {
    BoardService.Entry e = service.find(code);
    if (e == null) {
      return error(HttpResponseStatus.NOT_FOUND, "no ballot with tracking code " + code.substring(0, Math.min(code.length(), 80)));
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("position", e.position());
    o.put("ballot_id", e.ballotId());
    o.put("tracking_code", e.trackingCode());
    o.put("head_after", HexFormat.of().formatHex(e.headAfter()));
    if (e.acceptedAt() >= 0) {
      o.put("accepted_at", java.time.Instant.ofEpochMilli(e.acceptedAt()).toString());
    } else {
      o.putNull("accepted_at");
    }
    o.put("head", HexFormat.of().formatHex(service.head()));
    return new Response(HttpResponseStatus.OK, o);
  }

  private Response close(FullHttpRequest req) throws IOException {
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    byte[] given = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (!MessageDigest.isEqual(given, adminToken)) {
      return error(HttpResponseStatus.UNAUTHORIZED, "closing needs the admin token (Authorization: Bearer <DATA/admin.token>)");
    }
    if (!service.closeVoting()) {
      return error(HttpResponseStatus.CONFLICT, "voting is already closed");
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("state", "closed");
    o.put("ballots", service.size());
    o.put("head", HexFormat.of().formatHex(service.head()));
    return new Response(HttpResponseStatus.OK, o);
  }

  private Response tally() {
    if (!service.isClosed()) {
      return error(HttpResponseStatus.CONFLICT, "voting is still open: the tally exists once it is closed");
    }
    var election = service.definition().election();
    List<List<Ciphertext>> t = service.tally();
    ObjectNode o = JSON.createObjectNode();
    o.put("ballots", service.size());
    o.put("head", HexFormat.of().formatHex(service.head()));
    ArrayNode entries = o.putArray("entries");
    for (int c = 0; c < t.size(); c++) {
      for (int opt = 0; opt < t.get(c).size(); opt++) {
        Ciphertext x = t.get(c).get(opt);
        entries.addObject().put("contest", election.contests().get(c).id()).put("option", opt)
            .put("a", HexFormat.of().formatHex(x.a().encode())).put("b", HexFormat.of().formatHex(x.b().encode()));
      }
    }
    return new Response(HttpResponseStatus.OK, o);
  }

  /** A trustee posts the decrypted tally (a record's tally.json); it is published only if the whole record verifies. */
  private Response decryption(FullHttpRequest req) throws IOException {
    if (!service.isClosed()) {
      return error(HttpResponseStatus.CONFLICT, "voting is still open");
    }
    java.util.List<org.tabella.voting.tally.DecryptedEntry> entries;
    try {
      entries = org.tabella.voting.record.RecordIo.parseTally(req.content().toString(StandardCharsets.UTF_8),
          service.definition().election());
    } catch (org.tabella.voting.record.InvalidRecordException e) {
      return error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
    }
    org.tabella.voting.record.VerificationReport report;
    try {
      report = service.publish(entries);
    } catch (IllegalStateException e) {
      return error(HttpResponseStatus.CONFLICT, e.getMessage());
    }
    if (!report.valid()) {
      return error(HttpResponseStatus.BAD_REQUEST, "the record would not verify: " + report.findings().get(0));
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("published", true);
    return new Response(HttpResponseStatus.CREATED, o);
  }

  /** The complete record as one object: its four files and its ballot chunks, in order. */
  private Response record() throws IOException {
    Path dir = service.record();
    if (dir == null) {
      return error(HttpResponseStatus.CONFLICT, "no record yet: the tally is not decrypted");
    }
    ObjectNode o = JSON.createObjectNode();
    for (String f : new String[] {"election", "key", "ballots", "tally"}) {
      o.set(f, JSON.readTree(Files.readString(dir.resolve(f + ".json"))));
    }
    var chunks = o.putArray("ballot_chunks");
    try (var listing = Files.list(dir.resolve("ballots"))) {
      for (Path chunk : listing.sorted().toList()) {
        chunks.add(JSON.readTree(Files.readString(chunk)));
      }
    }
    return new Response(HttpResponseStatus.OK, o);
  }

  private void page(ChannelHandlerContext ctx, boolean keepAlive, List<String> code) throws IOException {
    BoardService.Published p = service.published();
    BoardPage.Lookup lookup = null;
    if (code != null && code.size() == 1 && !code.get(0).isBlank()) {
      String c = code.get(0).trim();
      lookup = new BoardPage.Lookup(c.substring(0, Math.min(c.length(), 200)), service.find(c));
    }
    String html = BoardPage.render(service, p == null ? null : p.record(), p == null ? null : p.report(), lookup);
    sendBytes(ctx, keepAlive, HttpResponseStatus.OK, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private static final Map<String, byte[]> STATIC = new java.util.concurrent.ConcurrentHashMap<>();

  private void staticFile(ChannelHandlerContext ctx, boolean keepAlive, String name) throws IOException {
    byte[] body = STATIC.get(name);
    if (body == null) {
      try (var in = BoardApi.class.getResourceAsStream("web/" + name)) {
        if (in == null) {
          send(ctx, keepAlive, error(HttpResponseStatus.NOT_FOUND, "no such resource"));
          return;
        }
        body = in.readAllBytes();
      }
      STATIC.put(name, body);
    }
    sendBytes(ctx, keepAlive, HttpResponseStatus.OK,
        name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8", body);
  }

  private static void sendBytes(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String type,
      byte[] body) {
    write(ctx, keepAlive, status, type, body, null);
  }

  /** Every response goes out here: content type and length, the page's security headers, keep-alive. */
  private static void write(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String type, byte[] body,
      String allow) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    res.headers().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
    res.headers().set("X-Content-Type-Options", "nosniff");
    if (allow != null) {
      res.headers().set(HttpHeaderNames.ALLOW, allow);
    }
    if (keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(res);
    } else {
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static Response error(HttpResponseStatus status, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", message);
    return new Response(status, o);
  }

  private static Response notAllowed(String allowed) {
    return new Response(HttpResponseStatus.METHOD_NOT_ALLOWED,
        error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed here; use " + allowed).body(), allowed);
  }

  private static void send(ChannelHandlerContext ctx, boolean keepAlive, Response r) {
    byte[] body;
    try {
      body = (JSON.writeValueAsString(r.body()) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      body = "{\"error\": \"internal error\"}\n".getBytes(StandardCharsets.UTF_8);
    }
    write(ctx, keepAlive, r.status(), "application/json; charset=utf-8", body, r.allow());
  }
}
