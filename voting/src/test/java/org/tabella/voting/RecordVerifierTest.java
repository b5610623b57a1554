package org.tabella.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.record.RecordVerifier;
import org.tabella.voting.record.VerificationReport;

@DisplayName("the election record and its verifier")
class RecordVerifierTest {
  @TempDir
  Path dir;

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("a mixed election (referendum, 1-of-3, approval 2-of-4) tallies right and verifies")
  void valid() throws Exception {
    ElectionRecord r = Fixtures.mixedRecord(dir);
    List<Long> counts = r.entries().stream().map(e -> e.count()).toList();
    // q1 yes: a, c, d = 3; mayor: 0 ← a, c; 2 ← b; council: [1, 3, 0, 1]
    assertEquals(List.of(3L, 2L, 0L, 1L, 1L, 3L, 0L, 1L), counts);
    Path rec = dir.resolve("record");
    RecordIo.write(r, rec);
    VerificationReport report = RecordVerifier.verify(RecordIo.read(rec));
    assertTrue(report.valid(), report.failures().toString());
  }

  @Test
  @DisplayName("unanimous mode: all-yes is unanimous, one no is not, and both records verify")
  void unanimous() throws Exception {
    var e = ElectionParameters.referendum("u-1", "ristretto255", 5, 3, true);
    for (boolean dissent : new boolean[] {false, true}) {
      Path sub = dir.resolve("u" + dissent);
      Files.createDirectories(sub);
      try (LocalElection le = new LocalElection(e, Fixtures.DEALT.key(), sub.resolve("b.log"))) {
        for (int i = 0; i < 4; i++) {
          le.cast(Ballots.referendum(e, Fixtures.DEALT.key().publicKey(), "v" + i, !(dissent && i == 2)));
        }
        ElectionRecord r = le.tally(List.of(Fixtures.DEALT.shares().get(1), Fixtures.DEALT.shares().get(3),
            Fixtures.DEALT.shares().get(4)));
        assertEquals(!dissent, r.entries().get(0).unanimous());
        RecordIo.write(r, sub.resolve("rec"));
        assertTrue(RecordVerifier.verify(RecordIo.read(sub.resolve("rec"))).valid());
      }
    }
  }

  /** Every single-field change must make the record fail (to read, or to verify). */
  @Test
  @DisplayName("a record with any single field changed fails")
  void tampering() throws Exception {
    ElectionRecord r = Fixtures.mixedRecord(dir);
    Path good = dir.resolve("good");
    RecordIo.write(r, good);
    assertRejected(good, "election.json", o -> o.put("trustees", 6));
    assertRejected(good, "election.json", o -> ((ObjectNode) o.get("contests").get(1)).put("limit", 2));
    assertRejected(good, "key.json", o -> o.put("public_key", ((ObjectNode) o.get("verification_keys")).get("1").asText()));
    assertRejected(good, "key.json", o -> ((ObjectNode) o.get("verification_keys")).put("2",
        ((ObjectNode) o.get("verification_keys")).get("3").asText()));
    assertRejected(good, "key.json", o -> ((ArrayNode) o.get("qualified_dealers")).add(3));
    assertRejected(good, "ballots.json", o -> ((ArrayNode) o.get("ballots")).remove(1));
    assertRejected(good, "ballots.json", o -> ((ArrayNode) o.get("ballots")).add(o.get("ballots").get(0).asText()));
    assertRejected(good, "ballots.json", o -> {
      String b0 = o.get("ballots").get(0).asText();
      ((ArrayNode) o.get("ballots")).set(0, o.get("ballots").get(1));
      ((ArrayNode) o.get("ballots")).set(1, JSON.getNodeFactory().textNode(b0));
    });
    assertRejected(good, "ballots.json", o -> {
      String b = o.get("ballots").get(2).asText();
      int i = b.length() - 10;
      char flipped = b.charAt(i) == '0' ? '1' : '0';
      ((ArrayNode) o.get("ballots")).set(2, JSON.getNodeFactory().textNode(b.substring(0, i) + flipped + b.substring(i + 1)));
    });
    assertRejected(good, "ballots.json", o -> o.put("board_head", "00" + o.get("board_head").asText().substring(2)));
    assertRejected(good, "tally.json", o -> ((ObjectNode) o.get("entries").get(0)).put("count", 4));
    assertRejected(good, "tally.json", o -> ((ObjectNode) o.get("entries").get(0)).put("ciphertext",
        o.get("entries").get(1).get("ciphertext").asText()));
    assertRejected(good, "tally.json", o -> ((ObjectNode) o.get("entries").get(2).get("shares").get(0)).put("share",
        o.get("entries").get(3).get("shares").get(0).get("share").asText()));
    assertRejected(good, "tally.json", o -> ((ObjectNode) o.get("entries").get(2).get("shares").get(1)).put("z",
        o.get("entries").get(2).get("shares").get(0).get("z").asText()));
    assertRejected(good, "tally.json", o -> ((ArrayNode) o.get("entries").get(0).get("shares")).remove(0));
    assertRejected(good, "tally.json", o -> ((ArrayNode) o.get("entries")).remove(7));
  }

  private void assertRejected(Path good, String file, Consumer<ObjectNode> change) throws IOException {
    Path copy = Files.createTempDirectory(dir, "tampered");
    for (String f : List.of("election.json", "key.json", "ballots.json", "tally.json")) {
      Files.copy(good.resolve(f), copy.resolve(f));
    }
    ObjectNode o = (ObjectNode) JSON.readTree(copy.resolve(file).toFile());
    change.accept(o);
    Files.writeString(copy.resolve(file), JSON.writeValueAsString(o));
    boolean rejected;
    try {
      rejected = !RecordVerifier.verify(RecordIo.read(copy)).valid();
    } catch (IOException e) {
      rejected = true;
    }
    assertTrue(rejected, "tampered " + file + " was accepted");
    assertFalse(copy.equals(good));
  }
}
