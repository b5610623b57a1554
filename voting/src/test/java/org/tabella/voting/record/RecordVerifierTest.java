package org.tabella.voting.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Element;
import org.tabella.voting.Fixtures;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.EntryOutcome;
import org.tabella.voting.tally.TallyContexts;

@DisplayName("the election record and its verifier")
class RecordVerifierTest {
  @TempDir
  Path dir;

  static final ObjectMapper JSON = new ObjectMapper();

  static List<Long> counts(ElectionRecord r) {
    return r.entries().stream().map(e -> ((EntryOutcome.Count) e.outcome()).value()).toList();
  }

  @Test
  @DisplayName("a mixed election (referendum, 1-of-3, approval 2-of-4) tallies right and verifies, step by step")
  void valid() throws Exception {
    ElectionRecord r = Fixtures.mixedRecord(dir);
    // q1 yes: a, c, d = 3; mayor: 0 ← a, c; 2 ← b; council: [1, 3, 0, 1]
    assertEquals(List.of(3L, 2L, 0L, 1L, 1L, 3L, 0L, 1L), counts(r));
    Path rec = dir.resolve("record");
    RecordIo.write(r, rec);
    VerificationReport report = RecordVerifier.verify(RecordIo.read(rec));
    assertTrue(report.valid(), report.findings().toString());
    for (VerificationStep s : VerificationStep.values()) {
      if (s != VerificationStep.KEY_CEREMONY && s != VerificationStep.JOINT_BLINDING) {
        assertTrue(report.checks().getOrDefault(s, 0) > 0, "step " + s + " made no check");
      }
    }
    assertEquals("2", report.results().get("mayor/0"));
  }

  @Test
  @DisplayName("a key-ceremony record verifies its transcript; one changed proof of possession is named")
  void ceremony() throws Exception {
    ElectionRecord r = Fixtures.ceremonyRecord(dir);
    assertTrue(RecordVerifier.verify(r).valid(), RecordVerifier.verify(r).findings().toString());
    assertTrue(RecordVerifier.verify(r).checks().get(VerificationStep.KEY_CEREMONY) > 0);
    var t = r.ceremony().orElseThrow();
    var d0 = t.dealers().get(0);
    var d1 = t.dealers().get(1);
    var swapped = new org.tabella.crypto.dkg.DealerBroadcast(d0.dealer(), d0.commitments(), d1.proofOfPossession());
    List<org.tabella.crypto.dkg.DealerBroadcast> dealers = new ArrayList<>(t.dealers());
    dealers.set(0, swapped);
    ElectionRecord bad = new ElectionRecord(r.election(), r.key(), r.qualified(),
        java.util.Optional.of(new CeremonyTranscript(t.sessionId(), dealers, t.confirmations())), r.ballots(), r.boardHead(),
        r.entries());
    assertFalse(RecordVerifier.verify(bad).findings(VerificationStep.KEY_CEREMONY).isEmpty());
    // A confirmation of another outcome, and too few confirmations, are named.
    List<org.tabella.crypto.dkg.Confirmation> wrong = new ArrayList<>(t.confirmations());
    wrong.set(1, Fixtures.confirm(2, new byte[32]));
    ElectionRecord badConfirmation = new ElectionRecord(r.election(), r.key(), r.qualified(),
        java.util.Optional.of(new CeremonyTranscript(t.sessionId(), t.dealers(), wrong)), r.ballots(), r.boardHead(),
        r.entries());
    assertTrue(RecordVerifier.verify(badConfirmation).findings(VerificationStep.KEY_CEREMONY).stream()
        .anyMatch(f -> f.location().contains("party 2")), RecordVerifier.verify(badConfirmation).findings().toString());
    ElectionRecord one = new ElectionRecord(r.election(), r.key(), r.qualified(),
        java.util.Optional.of(new CeremonyTranscript(t.sessionId(), t.dealers(), t.confirmations().subList(0, 1))),
        r.ballots(), r.boardHead(), r.entries());
    assertFalse(RecordVerifier.verify(one).findings(VerificationStep.KEY_CEREMONY).isEmpty());
  }

  @Test
  @DisplayName("unanimous mode: all-yes is unanimous, one no is not, and both records verify")
  void unanimous() throws Exception {
    for (boolean dissent : new boolean[] {false, true}) {
      Path sub = Files.createDirectories(dir.resolve("u" + dissent));
      ElectionRecord r = Fixtures.unanimousRecord(sub, dissent);
      assertEquals(new EntryOutcome.Unanimity(!dissent), r.entries().get(0).outcome());
      RecordIo.write(r, sub.resolve("rec"));
      VerificationReport report = RecordVerifier.verify(RecordIo.read(sub.resolve("rec")));
      assertTrue(report.valid(), report.findings().toString());
      assertTrue(report.checks().get(VerificationStep.JOINT_BLINDING) > 0);
    }
  }

  @Test
  @DisplayName("unanimous mode: a missing ballot is dissent (3 yes of 4 eligible voters is not unanimous); the board takes no 5th ballot")
  void missingBallotIsDissent() throws Exception {
    var e = Fixtures.referendum("u-missing", org.tabella.voting.TallyMode.UNANIMOUS);
    try (var le = new org.tabella.voting.LocalElection(e, Fixtures.DEALT.key(), dir.resolve("b.log"))) {
      for (int i = 0; i < 3; i++) {
        le.cast(Fixtures.yesNo(e, "v" + i, true));
      }
      ElectionRecord r = le.tally(List.of(Fixtures.DEALT.shares().get(0), Fixtures.DEALT.shares().get(1),
          Fixtures.DEALT.shares().get(2)));
      assertEquals(new EntryOutcome.Unanimity(false), r.entries().get(0).outcome());
      assertTrue(RecordVerifier.verify(r).valid());
      le.cast(Fixtures.yesNo(e, "v3", true));
      assertThrows(org.tabella.voting.board.BallotRejectedException.class, () -> le.cast(Fixtures.yesNo(e, "v4", true)));
      assertEquals(new EntryOutcome.Unanimity(true), le.tally(List.of(Fixtures.DEALT.shares().get(0),
          Fixtures.DEALT.shares().get(1), Fixtures.DEALT.shares().get(2))).entries().get(0).outcome());
    }
  }

  @Nested
  @DisplayName("the attacks of the security review (finding 1) fail")
  class Attacks {
    @Test
    @DisplayName("counts swapped between options through fake blinding steps in count mode")
    void swapThroughBlinding() throws Exception {
      ElectionRecord r = Fixtures.mixedRecord(dir);
      DecryptedEntry m0 = r.entries().get(1);
      DecryptedEntry m1 = r.entries().get(2);
      BlindingStep fake0 = new BlindingStep(1, m0.ciphertext(), m1.ciphertext(), m0.shares().get(0).proof());
      BlindingStep fake1 = new BlindingStep(1, m1.ciphertext(), m0.ciphertext(), m1.shares().get(0).proof());
      List<DecryptedEntry> entries = new ArrayList<>(r.entries());
      entries.set(1, new DecryptedEntry("mayor", 0, m0.ciphertext(), List.of(fake0), m1.shares(), m1.outcome()));
      entries.set(2, new DecryptedEntry("mayor", 1, m1.ciphertext(), List.of(fake1), m0.shares(), m0.outcome()));
      VerificationReport report = RecordVerifier.verify(withEntries(r, entries));
      assertFalse(report.valid());
      assertFalse(report.findings(VerificationStep.JOINT_BLINDING).isEmpty(), report.findings().toString());
      assertTrue(report.findings().stream().anyMatch(f -> f.location().equals("tally mayor/0")));
    }

    @Test
    @DisplayName("shares moved to another entry with its count do not verify: shares bind their entry")
    void sharesBindTheirEntry() throws Exception {
      ElectionRecord r = Fixtures.mixedRecord(dir);
      DecryptedEntry m0 = r.entries().get(1);
      DecryptedEntry m1 = r.entries().get(2);
      List<DecryptedEntry> entries = new ArrayList<>(r.entries());
      entries.set(1, new DecryptedEntry("mayor", 0, m1.ciphertext(), List.of(), m1.shares(), m1.outcome()));
      VerificationReport report = RecordVerifier.verify(withEntries(r, entries));
      assertFalse(report.findings(VerificationStep.TALLY_CIPHERTEXTS).isEmpty());
      assertFalse(report.findings(VerificationStep.DECRYPTION_SHARES).isEmpty(), report.findings().toString());
    }

    @Test
    @DisplayName("a result hidden by a duplicated entry, a missing entry and entries out of order are each named")
    void entries() throws Exception {
      ElectionRecord r = Fixtures.mixedRecord(dir);
      List<DecryptedEntry> dup = new ArrayList<>(r.entries());
      dup.set(3, r.entries().get(1));
      VerificationReport a = RecordVerifier.verify(withEntries(r, dup));
      assertTrue(a.findings(VerificationStep.TALLY_ENTRIES).stream().anyMatch(f -> f.message().contains("second entry")));
      assertTrue(a.findings(VerificationStep.TALLY_ENTRIES).stream().anyMatch(f -> f.location().equals("tally mayor/2")));
      List<DecryptedEntry> swapped = new ArrayList<>(r.entries());
      swapped.set(1, r.entries().get(2));
      swapped.set(2, r.entries().get(1));
      VerificationReport b = RecordVerifier.verify(withEntries(r, swapped));
      assertTrue(b.findings(VerificationStep.TALLY_ENTRIES).stream().anyMatch(f -> f.message().contains("order")));
    }

    @Test
    @DisplayName("verification keys beyond the first k that are off the polynomial are caught")
    void verificationKeysOffThePolynomial() throws Exception {
      ElectionRecord r = Fixtures.mixedRecord(dir);
      Map<Integer, Element> vks = new java.util.TreeMap<>(r.key().verificationKeys());
      vks.put(5, vks.get(5).mul(Fixtures.G.generator()));
      ThresholdKey bent = new ThresholdKey(r.key().publicKey(), r.key().threshold(), vks);
      ElectionRecord bad = new ElectionRecord(r.election(), bent, r.qualified(), r.ceremony(), r.ballots(),
          r.boardHead(), r.entries());
      assertFalse(RecordVerifier.verify(bad).findings(VerificationStep.KEY_POLYNOMIAL).isEmpty());
    }

    @Test
    @DisplayName("blinding trustees and share trustees outside 1..n are named, without an exception")
    void idsOutOfRange() throws Exception {
      ElectionRecord r = Fixtures.unanimousRecord(dir, false);
      DecryptedEntry d = r.entries().get(0);
      byte[] ctx = TallyContexts.decryption(r.election(), "question", 0);
      List<BlindingStep> steps = new ArrayList<>();
      var current = d.ciphertext();
      for (int t : new int[] {0, 7, -1}) {
        BlindingStep s = JointBlinding.blind(t, current, ctx);
        steps.add(s);
        current = s.output();
      }
      List<DecryptedEntry> entries = List.of(new DecryptedEntry("question", 0, d.ciphertext(), steps, d.shares(),
          d.outcome()));
      VerificationReport report = RecordVerifier.verify(withEntries(r, entries));
      assertTrue(report.findings(VerificationStep.JOINT_BLINDING).stream()
          .anyMatch(f -> f.message().contains("distinct ids in 1..5")), report.findings().toString());
    }
  }

  @Test
  @DisplayName("version-1 and version-2 records are refused with a message that says why")
  void olderVersions() throws Exception {
    Path rec = dir.resolve("record");
    RecordIo.write(Fixtures.mixedRecord(dir), rec);
    for (int version : new int[] {1, 2}) {
      for (String f : List.of("election.json", "key.json", "ballots.json", "tally.json")) {
        Path copy = copyOf(rec);
        edit(copy.resolve(f), o -> o.put("version", version));
        var e = assertThrows(InvalidRecordException.class, () -> RecordIo.read(copy));
        assertTrue(e.getMessage().contains("version " + version) && e.getMessage().contains(f), e.getMessage());
      }
    }
  }

  @Test
  @DisplayName("strict reading names the JSON path of an unknown, missing, duplicated or mistyped field")
  void strictReading() throws Exception {
    Path rec = dir.resolve("record");
    RecordIo.write(Fixtures.mixedRecord(dir), rec);
    assertPath(rec, "tally.json", "$.extra_counts", o -> o.putObject("extra_counts"));
    assertPath(rec, "tally.json", "$.entries[3].count", o -> ((ObjectNode) o.get("entries").get(3)).remove("count"));
    assertPath(rec, "tally.json", "$.entries[0].count", o -> ((ObjectNode) o.get("entries").get(0)).put("count", "3"));
    assertPath(rec, "key.json", "$.quorum", o -> o.put("quorum", 3.0));
    assertPath(rec, "election.json", "$.trustees", o -> o.put("trustees", true));
    assertPath(rec, "ballots.json", "$.board_head", o -> o.put("board_head", o.get("board_head").asText().toUpperCase()));
    Path copy = copyOf(rec);
    String text = Files.readString(copy.resolve("key.json"));
    Files.writeString(copy.resolve("key.json"), text.replaceFirst("\\{", "{\"quorum\": 3,"));
    var e = assertThrows(InvalidRecordException.class, () -> RecordIo.read(copy));
    assertEquals("key.json", e.file());
    assertTrue(e.getMessage().contains("quorum"), e.getMessage());
  }

  private void assertPath(Path rec, String file, String path, Consumer<ObjectNode> change) throws Exception {
    Path copy = copyOf(rec);
    edit(copy.resolve(file), change);
    var e = assertThrows(InvalidRecordException.class, () -> RecordIo.read(copy));
    assertEquals(file, e.file());
    assertEquals(path, e.path(), e.getMessage());
  }

  private Path copyOf(Path rec) throws Exception {
    return copyRecord(rec, Files.createTempDirectory(dir, "copy"));
  }

  /** Copies a record directory (its files and ballot chunks) into {@code copy}. */
  static Path copyRecord(Path rec, Path copy) throws Exception {
    for (String g : List.of("election.json", "key.json", "ballots.json", "tally.json")) {
      Files.copy(rec.resolve(g), copy.resolve(g));
    }
    Files.createDirectories(copy.resolve("ballots"));
    try (var chunks = Files.list(rec.resolve("ballots"))) {
      for (Path c : chunks.toList()) {
        Files.copy(c, copy.resolve("ballots").resolve(c.getFileName()));
      }
    }
    return copy;
  }

  static void edit(Path file, Consumer<ObjectNode> change) throws Exception {
    ObjectNode o = (ObjectNode) JSON.readTree(file.toFile());
    change.accept(o);
    Files.writeString(file, JSON.writeValueAsString(o));
  }

  static ElectionRecord withEntries(ElectionRecord r, List<DecryptedEntry> entries) {
    return new ElectionRecord(r.election(), r.key(), r.qualified(), r.ceremony(), r.ballots(), r.boardHead(), entries);
  }

  static ArrayNode array(ObjectNode o, String f) {
    return (ArrayNode) o.get(f);
  }
}
