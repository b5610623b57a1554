package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.app.board.BoardClient;
import org.tabella.app.board.BoardServer;
import org.tabella.app.board.BoardService;
import org.tabella.app.board.BoardTls;
import org.tabella.app.board.PinnedHttps;
import org.tabella.app.board.RateLimiter;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.voting.Ballot;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.Fixtures;
import org.tabella.voting.record.ElectionKeyFile;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.tally.EncryptedTally;

/**
 * The bulletin-board service over real HTTPS on loopback (SPEC.md §4.8): concurrent voters, a
 * retried ballot getting the same receipt, a reused id (409), garbage (400), an oversized body
 * (413), a wrong certificate pin (no connection), paging and tracking-code lookup, closing with
 * and without the admin token, the encrypted tally, and a restart that resumes closed with every
 * acknowledged ballot.
 */
@DisplayName("the bulletin-board service over HTTPS")
@Timeout(180)
class BoardServiceTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  Fixtures.Ceremony ceremony;

  Path definition() throws Exception {
    ceremony = Fixtures.ceremony();
    var key = ceremony.key();
    ElectionParameters e = ElectionParameters.builder("board-test", key.group()).trustees(3).quorum(2)
        .contest(Contest.referendum("budget")).contest(Contest.choice("mayor", 3)).build();
    Path d = dir.resolve("definition");
    RecordIo.writeDefinition(new RecordIo.Definition(e, key), d);
    return d;
  }

  static HttpResponse<String> post(HttpClient c, URI uri, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(HttpClient c, URI uri) throws Exception {
    return c.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void votersCloseTallyAndRestart() throws Exception {
    Path def = definition();
    Path data = dir.resolve("data");
    RecordIo.Definition d = RecordIo.readDefinition(def);
    BoardTls tls = BoardTls.inDataDirectory(data);
    BoardService service = BoardService.open(d, data);
    BoardServer server = BoardServer.start(service, def, data, tls, 0, new RateLimiter.Rate(10_000, 10_000));
    URI base = URI.create("https://127.0.0.1:" + server.port() + "/");
    HttpClient http = PinnedHttps.client(server.fingerprint());
    BoardClient client = new BoardClient(base, server.fingerprint());
    String token = Files.readString(data.resolve("admin.token")).trim();
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(data.resolve("admin.token"))));

    RecordIo.Definition fetched = client.election();
    assertEquals(d.election(), fetched.election());

    // 24 voters at once, over 8 connections' worth of threads.
    List<Ballot> ballots = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      ballots.add(BoardClient.encrypt(fetched, Map.of("budget", new int[] {i % 2}, "mayor", new int[] {i % 3 == 0 ? 1 : 0,
          i % 3 == 1 ? 1 : 0, 0})));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<BoardClient.Receipt>> fs = new ArrayList<>();
    for (Ballot b : ballots) {
      fs.add(pool.submit(() -> client.submit(b, 3)));
    }
    Set<String> codes = new HashSet<>();
    Set<Long> positions = new HashSet<>();
    for (var f : fs) {
      BoardClient.Receipt r = f.get();
      codes.add(r.trackingCode());
      positions.add(r.position());
    }
    pool.shutdown();
    assertEquals(24, codes.size());
    assertEquals(24, positions.size());

    // The same ballot again: the same receipt (a client may retry safely).
    BoardClient.Receipt first = client.submit(ballots.get(0), 1);
    assertTrue(codes.contains(first.trackingCode()));
    assertEquals(24, service.size());
    // Another ballot under a used id: 409.
    Ballot sameId = org.tabella.voting.Ballots.encrypt(fetched.election(), fetched.key().key().publicKey(),
        ballots.get(1).ballotId(), Map.of("budget", new int[] {1}, "mayor", new int[] {0, 0, 1}));
    BoardClient.RefusedException conflict = assertThrows(BoardClient.RefusedException.class, () -> client.submit(sameId, 1));
    assertEquals(409, conflict.status());
    // Garbage, a missing field, an unknown field, an oversized body.
    assertEquals(400, post(http, base.resolve("api/ballots"), "{\"ballot\": \"00ff\"}", null).statusCode());
    assertEquals(400, post(http, base.resolve("api/ballots"), "not json", null).statusCode());
    assertEquals(400, post(http, base.resolve("api/ballots"), "{\"ballot\": \"00\", \"extra\": 1}", null).statusCode());
    assertEquals(413, post(http, base.resolve("api/ballots"), "{\"ballot\": \"" + "00".repeat(1 << 20) + "\"}", null)
        .statusCode());
    assertEquals(24, service.size(), "nothing refused changed the board");
    // A client pinned to another certificate does not connect at all.
    HttpClient wrongPin = PinnedHttps.client("00".repeat(32));
    assertThrows(java.io.IOException.class, () -> get(wrongPin, base.resolve("api/election")));

    // Paging and lookup.
    JsonNode page = JSON.readTree(get(http, base.resolve("api/ballots?from=20&limit=10")).body());
    assertEquals(4, page.get("ballots").size());
    assertEquals(24, page.get("total").asInt());
    assertEquals(400, get(http, base.resolve("api/ballots?from=-1")).statusCode());
    JsonNode found = client.lookup(first.trackingCode());
    assertNotNull(found);
    assertTrue(found.get("accepted_at").asText().matches("20\\d\\d-.*Z"), found.toString());
    JsonNode last = JSON.readTree(get(http, base.resolve("api/ballots?from=23")).body()).get("ballots").get(0);
    assertEquals(page.get("head").asText(), client.lookup(last.get("tracking_code").asText()).get("head_after").asText(),
        "the head after the last ballot is the board's head");
    assertNull(client.lookup("not-a-real-code"));
    // A ballot made for another election (its proofs bind that election's hash): 400, nothing stored.
    ElectionParameters other = ElectionParameters.builder("another-election", d.election().group()).trustees(3).quorum(2)
        .contest(Contest.referendum("budget")).contest(Contest.choice("mayor", 3)).build();
    Ballot foreign = org.tabella.voting.Ballots.encrypt(other, d.key().key().publicKey(), "foreign-1",
        Map.of("budget", new int[] {1}, "mayor", new int[] {1, 0, 0}));
    assertEquals(400, assertThrows(BoardClient.RefusedException.class, () -> client.submit(foreign, 1)).status());
    assertEquals(24, service.size());
    assertEquals(409, get(http, base.resolve("api/tally")).statusCode(), "no tally while voting is open");

    // The web page reads without JavaScript: the no-script lookup, escaped; the static files.
    String html = get(http, base.resolve("/")).body();
    assertTrue(html.contains("<span id=\"ballot-count\">24</span>") && html.contains("board-test"), html);
    assertTrue(get(http, base.resolve("/check?code=" + first.trackingCode())).body().contains("Found: ballot"));
    String xss = get(http, base.resolve("/check?code=%3Cscript%3Ealert(1)%3C%2Fscript%3E")).body();
    assertTrue(xss.contains("Not found") && !xss.contains("<script>alert(1)") && xss.contains("&lt;script&gt;"), xss);
    assertTrue(get(http, base.resolve("/static/app.js")).body().contains("/api/election"));
    assertEquals(404, get(http, base.resolve("/static/nothing.js")).statusCode());

    // Closing: the token is needed, it happens once, and then no ballot is taken.
    assertEquals(401, post(http, base.resolve("api/close"), "", null).statusCode());
    assertEquals(401, post(http, base.resolve("api/close"), "", "0".repeat(64)).statusCode());
    assertEquals(200, post(http, base.resolve("api/close"), "", token).statusCode());
    assertEquals(409, post(http, base.resolve("api/close"), "", token).statusCode());
    Ballot late = BoardClient.encrypt(fetched, Map.of("budget", new int[] {1}, "mayor", new int[] {1, 0, 0}));
    assertEquals(403, assertThrows(BoardClient.RefusedException.class, () -> client.submit(late, 1)).status());

    // The encrypted tally is the product of the ballots on the board.
    JsonNode tally = JSON.readTree(get(http, base.resolve("api/tally")).body());
    assertEquals(4, tally.get("entries").size());
    List<List<Ciphertext>> expected = EncryptedTally.of(d.election(), service.ballots(0, 1000).stream().map(e -> {
      try {
        return org.tabella.voting.BallotCodec.decode(d.election().group(), e.ballot());
      } catch (Exception x) {
        throw new IllegalStateException(x);
      }
    }).toList());
    assertEquals(java.util.HexFormat.of().formatHex(expected.get(1).get(2).b().encode()),
        tally.get("entries").get(3).get("b").asText());

    // Decryption: a tally that does not make the record verify is refused; the real one is published.
    List<Ballot> onBoard = service.ballots(0, 1000).stream().map(e -> {
      try {
        return org.tabella.voting.BallotCodec.decode(d.election().group(), e.ballot());
      } catch (Exception x) {
        throw new IllegalStateException(x);
      }
    }).toList();
    var entries = org.tabella.voting.tally.TallyDecryption.run(d.election(), d.key().key(), onBoard,
        new org.tabella.voting.tally.LocalTrustees(List.of(ceremony.results().get(1).share(), ceremony.results().get(2).share())));
    ElectionRecord record = new ElectionRecord(d.election(), d.key().key(), d.key().qualified(),
        java.util.Optional.of(d.key().ceremony()), service.ballots(0, 1000).stream().map(BoardService.Entry::ballot).toList(),
        service.head(), entries);
    String tallyJson = RecordIo.tallyText(record);
    assertEquals(409, get(http, base.resolve("api/record")).statusCode(), "no record before decryption");
    // A claimed count the shares do not support, and a share that is not a trustee's (its proof is
    // for another value): both would make the record fail, so the board refuses them.
    String wrongCount = tallyJson.replaceFirst("\"count\" : (\\d+)", "\"count\" : 999");
    assertEquals(400, assertThrows(BoardClient.RefusedException.class, () -> client.postDecryption(wrongCount)).status());
    String share = record.entries().get(0).shares().get(0).share().encode().length > 0
        ? java.util.HexFormat.of().formatHex(record.entries().get(0).shares().get(0).share().encode()) : null;
    String otherShare = java.util.HexFormat.of().formatHex(d.election().group().generator().encode());
    String forgedShare = tallyJson.replaceFirst(share, otherShare);
    assertEquals(400, assertThrows(BoardClient.RefusedException.class, () -> client.postDecryption(forgedShare)).status());
    assertEquals(400, post(http, base.resolve("api/decryption"), "{}", null).statusCode());
    client.postDecryption(tallyJson);
    client.postDecryption(tallyJson); // the same again: accepted, nothing changes
    ElectionRecord published = RecordIo.read(client.fetchRecord());
    assertTrue(org.tabella.voting.record.RecordVerifier.verify(published).valid());
    assertEquals(24, published.ballots().size());

    // A restart resumes: closed, with every acknowledged ballot.
    server.close();
    service.close();
    BoardService again = BoardService.open(d, data);
    try {
      assertTrue(again.isClosed());
      assertEquals(24, again.size());
      assertNotNull(again.find(first.trackingCode()));
    } finally {
      again.close();
    }
  }
}
