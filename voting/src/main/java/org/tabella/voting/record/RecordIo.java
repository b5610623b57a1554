package org.tabella.voting.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;

/**
 * Reads and writes an election record as a directory of JSON files (SPEC.md §4.4; JSON Schema in
 * {@code voting/src/main/resources/org/tabella/voting/election-record.schema.json}):
 * {@code election.json}, {@code key.json}, {@code ballots.json}, {@code tally.json}. Reading
 * validates every group element and scalar; anything malformed is an {@link IOException} naming
 * the file and field.
 */
public final class RecordIo {
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordIo() {}

  /** Writes the record into {@code dir} (created if needed). */
  public static void write(ElectionRecord r, Path dir) throws IOException {
    Files.createDirectories(dir);
    ElectionParameters e = r.election();
    ObjectNode election = root("election");
    election.put("election_id", e.electionId());
    election.put("group", e.group());
    election.put("trustees", e.trustees());
    election.put("quorum", e.quorum());
    election.put("unanimous", e.unanimous());
    ArrayNode contests = election.putArray("contests");
    for (Contest c : e.contests()) {
      contests.addObject().put("id", c.id()).put("options", c.options()).put("limit", c.limit());
    }
    election.put("election_hash", HEX.formatHex(e.hash()));
    save(dir.resolve("election.json"), election);

    ObjectNode key = root("key");
    key.put("public_key", hex(r.key().publicKey().element()));
    key.put("quorum", r.key().threshold());
    ObjectNode vks = key.putObject("verification_keys");
    r.key().verificationKeys().forEach((i, x) -> vks.put(Integer.toString(i), hex(x)));
    ArrayNode q = key.putArray("qualified_dealers");
    r.qualified().forEach(q::add);
    if (r.ceremony() != null) {
      ObjectNode c = key.putObject("ceremony");
      c.put("session", HEX.formatHex(r.ceremony().sessionId()));
      ArrayNode dealers = c.putArray("dealers");
      for (var d : r.ceremony().dealers()) {
        ObjectNode o = dealers.addObject();
        o.put("dealer", d.dealer());
        ArrayNode cs = o.putArray("commitments");
        d.commitments().forEach(x -> cs.add(hex(x)));
        o.put("r", hex(d.proofOfPossession().commitment()));
        o.put("z", HEX.formatHex(d.proofOfPossession().response().encode()));
      }
    }
    save(dir.resolve("key.json"), key);

    ObjectNode ballots = root("ballots");
    ArrayNode list = ballots.putArray("ballots");
    for (byte[] b : r.ballots()) {
      list.add(HEX.formatHex(b));
    }
    ballots.put("board_head", HEX.formatHex(r.boardHead()));
    save(dir.resolve("ballots.json"), ballots);

    ObjectNode tally = root("tally");
    ArrayNode entries = tally.putArray("entries");
    for (DecryptedEntry d : r.entries()) {
      ObjectNode o = entries.addObject();
      o.put("contest", d.contestId());
      o.put("option", d.option());
      o.put("ciphertext", HEX.formatHex(d.ciphertext().encode()));
      ArrayNode steps = o.putArray("blinding");
      for (BlindingStep s : d.blinding()) {
        steps.addObject().put("trustee", s.trustee()).put("output", HEX.formatHex(s.output().encode()))
            .put("r1", hex(s.proof().commitment1())).put("r2", hex(s.proof().commitment2()))
            .put("z", HEX.formatHex(s.proof().response().encode()));
      }
      ArrayNode shares = o.putArray("shares");
      for (DecryptionShare s : d.shares()) {
        shares.addObject().put("trustee", s.trustee()).put("share", hex(s.share()))
            .put("r1", hex(s.proof().commitment1())).put("r2", hex(s.proof().commitment2()))
            .put("z", HEX.formatHex(s.proof().response().encode()));
      }
      if (r.election().unanimous()) {
        o.put("unanimous", d.unanimous());
      } else {
        o.put("count", d.count());
      }
    }
    save(dir.resolve("tally.json"), tally);
  }

  /**
   * Reads a record directory, validating every encoding.
   *
   * @throws IOException for missing files or malformed content (the message names the field)
   */
  public static ElectionRecord read(Path dir) throws IOException {
    JsonNode election = load(dir.resolve("election.json"), "election");
    List<Contest> contests = new ArrayList<>();
    for (JsonNode c : election.path("contests")) {
      contests.add(new Contest(c.path("id").asText(), c.path("options").asInt(), c.path("limit").asInt()));
    }
    ElectionParameters e;
    try {
      e = new ElectionParameters(election.path("election_id").asText(), election.path("group").asText(),
          election.path("trustees").asInt(), election.path("quorum").asInt(), contests,
          election.path("unanimous").asBoolean());
    } catch (IllegalArgumentException ex) {
      throw new IOException("election.json: " + ex.getMessage(), ex);
    }
    if (!HEX.formatHex(e.hash()).equals(election.path("election_hash").asText())) {
      throw new IOException("election.json: election_hash does not match the parameters");
    }
    Group g = e.groupObject();
    try {
      JsonNode key = load(dir.resolve("key.json"), "key");
      Map<Integer, Element> vks = new TreeMap<>();
      var it = key.path("verification_keys").fields();
      while (it.hasNext()) {
        var f = it.next();
        vks.put(Integer.parseInt(f.getKey()), g.decodeNonIdentity(bytes(f.getValue(), "verification key")));
      }
      ThresholdKey tk = new ThresholdKey(ElGamalPublicKey.of(g.decodeNonIdentity(bytes(key.path("public_key"), "public_key"))),
          key.path("quorum").asInt(), vks);
      List<Integer> qualified = new ArrayList<>();
      key.path("qualified_dealers").forEach(x -> qualified.add(x.asInt()));
      ElectionRecord.Ceremony ceremony = null;
      if (key.has("ceremony")) {
        List<org.tabella.crypto.dkg.DealerBroadcast> dealers = new ArrayList<>();
        for (JsonNode d : key.path("ceremony").path("dealers")) {
          List<Element> cs = new ArrayList<>();
          for (JsonNode x : d.path("commitments")) {
            cs.add(g.decodeNonIdentity(bytes(x, "commitment")));
          }
          dealers.add(new org.tabella.crypto.dkg.DealerBroadcast(d.path("dealer").asInt(), cs,
              new org.tabella.crypto.proofs.SchnorrProof(g.decode(bytes(d.path("r"), "r")),
                  g.decodeScalar(bytes(d.path("z"), "z")))));
        }
        ceremony = new ElectionRecord.Ceremony(bytes(key.path("ceremony").path("session"), "session"), dealers);
      }

      JsonNode ballots = load(dir.resolve("ballots.json"), "ballots");
      List<byte[]> bs = new ArrayList<>();
      for (JsonNode b : ballots.path("ballots")) {
        bs.add(bytes(b, "ballot"));
      }
      byte[] head = bytes(ballots.path("board_head"), "board_head");

      JsonNode tally = load(dir.resolve("tally.json"), "tally");
      List<DecryptedEntry> entries = new ArrayList<>();
      for (JsonNode o : tally.path("entries")) {
        Ciphertext c = Ciphertext.decode(g, bytes(o.path("ciphertext"), "ciphertext"));
        List<BlindingStep> steps = new ArrayList<>();
        Ciphertext input = null;
        for (JsonNode s : o.path("blinding")) {
          Ciphertext out = Ciphertext.decode(g, bytes(s.path("output"), "blinding output"));
          steps.add(new BlindingStep(s.path("trustee").asInt(), input == null ? c : input, out,
              new DleqProof(g.decode(bytes(s.path("r1"), "r1")), g.decode(bytes(s.path("r2"), "r2")),
                  g.decodeScalar(bytes(s.path("z"), "z")))));
          input = out;
        }
        List<DecryptionShare> shares = new ArrayList<>();
        for (JsonNode s : o.path("shares")) {
          shares.add(new DecryptionShare(s.path("trustee").asInt(), g.decode(bytes(s.path("share"), "share")),
              new DleqProof(g.decode(bytes(s.path("r1"), "r1")), g.decode(bytes(s.path("r2"), "r2")),
                  g.decodeScalar(bytes(s.path("z"), "z")))));
        }
        entries.add(new DecryptedEntry(o.path("contest").asText(), o.path("option").asInt(), c, steps, shares,
            o.path("count").asLong(-1), o.path("unanimous").asBoolean(false)));
      }
      return new ElectionRecord(e, tk, qualified, bs, head, entries, ceremony);
    } catch (InvalidEncodingException | IllegalArgumentException ex) {
      throw new IOException("invalid record: " + ex.getMessage(), ex);
    }
  }

  private static ObjectNode root(String kind) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", "tabella-election-record");
    o.put("version", ElectionRecord.VERSION);
    o.put("file", kind);
    return o;
  }

  private static void save(Path file, ObjectNode o) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
  }

  private static JsonNode load(Path file, String kind) throws IOException {
    JsonNode n = JSON.readTree(file.toFile());
    if (!"tabella-election-record".equals(n.path("format").asText()) || n.path("version").asInt() != ElectionRecord.VERSION
        || !kind.equals(n.path("file").asText())) {
      throw new IOException(file + " is not a version-" + ElectionRecord.VERSION + " " + kind + " file");
    }
    return n;
  }

  private static byte[] bytes(JsonNode n, String what) throws IOException {
    try {
      return HEX.parseHex(n.asText());
    } catch (IllegalArgumentException e) {
      throw new IOException(what + " is not hex", e);
    }
  }

  private static String hex(Element e) {
    return HEX.formatHex(e.encode());
  }
}
