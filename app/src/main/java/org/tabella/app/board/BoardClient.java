package org.tabella.app.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;
import org.tabella.voting.Ballots;
import org.tabella.voting.record.InvalidRecordException;
import org.tabella.voting.record.RecordIo;

/**
 * A voter's side of the board's API (SPEC.md §4.8), for {@code tabella vote} and integrators: fetch
 * and check the election, encrypt, submit — retrying the same ballot until the board answers, which
 * is safe because the same ballot posted twice gets the same receipt — and look the ballot up.
 */
public final class BoardClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the board acknowledged. */
  public record Receipt(String ballotId, String trackingCode, long position, String head) {}

  /** The board refused the ballot (the status and its reason). */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    RefusedException(int status, String reason) {
      super(reason);
      this.status = status;
    }

    /** The HTTP status (400, 403, 409, 413, …). */
    public int status() {
      return status;
    }
  }

  private final URI base;
  private final HttpClient http;

  /** A client for the board at {@code base} (e.g. {@code https://host:8443/}) pinned to its certificate. */
  public BoardClient(URI base, String fingerprint) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.http = PinnedHttps.client(fingerprint);
  }

  /** A field of the board's answer, present and of the expected kind, or an IOException naming it. */
  private static JsonNode field(JsonNode o, String name, boolean textual) throws IOException {
    JsonNode v = o == null ? null : o.get(name);
    if (v == null || v.isNull() || (textual && !v.isTextual()) || (!textual && !(v.isArray() || v.isNumber()))) {
      throw new IOException("the board's answer has no valid " + name);
    }
    return v;
  }

  private static byte[] hexField(JsonNode o, String name) throws IOException {
    try {
      return HexFormat.of().parseHex(field(o, name, true).asText());
    } catch (IllegalArgumentException e) {
      throw new IOException("the board's answer has a malformed " + name);
    }
  }

  /**
   * Fetches the election definition and checks its key (steps V1–V3).
   *
   * @throws InvalidRecordException if what the board serves is not a valid definition
   */
  public RecordIo.Definition election() throws IOException, InterruptedException, InvalidRecordException {
    JsonNode o = get("api/election");
    return RecordIo.parseDefinition(JSON.writeValueAsString(o.get("election")), JSON.writeValueAsString(o.get("key")));
  }

  /** Encrypts {@code choices} (contest → one 0/1 per option) under a fresh random ballot id. */
  public static Ballot encrypt(RecordIo.Definition d, Map<String, int[]> choices) {
    byte[] id = new byte[16];
    new SecureRandom().nextBytes(id);
    return Ballots.encrypt(d.election(), d.key().key().publicKey(), HexFormat.of().formatHex(id), choices);
  }

  /**
   * Submits a ballot, retrying it (up to {@code attempts} times, backing off) while the board is
   * unreachable or busy.
   *
   * @throws RefusedException if the board refuses it
   */
  public Receipt submit(Ballot b, int attempts) throws IOException, InterruptedException, RefusedException {
    String body = JSON.createObjectNode().put("ballot", HexFormat.of().formatHex(BallotCodec.encode(b))).toString();
    IOException last = null;
    for (int i = 0; i < attempts; i++) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/ballots"))
            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode o = JSON.readTree(r.body());
        if (r.statusCode() == 201) {
          return new Receipt(field(o, "ballot_id", true).asText(), field(o, "tracking_code", true).asText(),
              field(o, "position", false).asLong(), field(o, "head", true).asText());
        }
        if (r.statusCode() != 503 && r.statusCode() != 429 && !(r.statusCode() == 400 && o.path("error").asText().contains("retry"))) {
          throw new RefusedException(r.statusCode(), o.path("error").asText("HTTP " + r.statusCode()));
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(Math.min(5000, 100L << Math.min(i, 6)));
    }
    throw last != null ? last : new IOException("the board stayed busy");
  }

  /**
   * Fetches the published record into a fresh temporary directory (its four files and ballot
   * chunks, as served) and returns it; the caller verifies it.
   *
   * @throws IOException if there is none yet or the board cannot be reached
   */
  public java.nio.file.Path fetchRecord() throws IOException, InterruptedException {
    JsonNode o = get("api/record");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tabella-record");
    for (String f : new String[] {"election", "key", "ballots", "tally"}) {
      if (!o.has(f)) {
        throw new IOException("the board's record has no " + f + ".json");
      }
      java.nio.file.Files.writeString(dir.resolve(f + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o.get(f)));
    }
    JsonNode chunks = o.get("ballot_chunks");
    if (chunks == null || !chunks.isArray()) {
      throw new IOException("the board's record has no ballot chunks");
    }
    java.nio.file.Path ballots = java.nio.file.Files.createDirectory(dir.resolve("ballots"));
    for (int i = 0; i < chunks.size(); i++) {
      // Named by position; the verifier checks each chunk's own index and the count in ballots.json.
      java.nio.file.Files.writeString(ballots.resolve(String.format(java.util.Locale.ROOT, "%06d.json", i)),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(chunks.get(i)));
    }
    return dir;
  }

  /** Every ballot on the board, in board order, with the head the board reports. */
  public record BoardBallots(java.util.List<byte[]> ballots, String head) {}

  /** Fetches every ballot, page by page. */
  public BoardBallots allBallots() throws IOException, InterruptedException {
    java.util.List<byte[]> out = new java.util.ArrayList<>();
    String head = null;
    while (true) {
      JsonNode page = get("api/ballots?from=" + out.size() + "&limit=1000");
      JsonNode list = field(page, "ballots", false);
      for (JsonNode b : list) {
        out.add(hexField(b, "ballot"));
      }
      head = field(page, "head", true).asText();
      if (list.size() == 0 || out.size() >= field(page, "total", false).asInt()) {
        return new BoardBallots(out, head);
      }
    }
  }

  /** The board's encrypted tally response (after close). */
  public JsonNode tally() throws IOException, InterruptedException {
    return get("api/tally");
  }

  /**
   * Posts the decrypted tally (a record's tally.json text).
   *
   * @throws RefusedException if the board refuses it (the record would not verify, or another is published)
   */
  public void postDecryption(String tallyJson) throws IOException, InterruptedException, RefusedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/decryption"))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(tallyJson)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new RefusedException(r.statusCode(), JSON.readTree(r.body()).path("error").asText("HTTP " + r.statusCode()));
    }
  }

  /** The board's entry for a tracking code, or null if it holds none. */
  public JsonNode lookup(String trackingCode) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/ballots/" + trackingCode))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 404 ? null : JSON.readTree(r.body());
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }
}
