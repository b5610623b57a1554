package org.tabella.voting.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.voting.Ballot;
import org.tabella.voting.Fixtures;
import org.tabella.voting.LocalElection;

/**
 * Records whose ballots span chunk files (SPEC.md §4.4): written and read back chunk by chunk,
 * boundaries exact, the listing strict, and a fault in a later chunk found by the verifier at its
 * board position.
 */
@DisplayName("record ballot chunks")
class RecordChunksTest {
  @TempDir
  static Path dir;
  static Path valid;

  /** 10,001 real ballots: two chunks, the second holding one ballot. */
  @BeforeAll
  static void twoChunkRecord() throws Exception {
    var e = Fixtures.referendum("chunks-1", org.tabella.voting.TallyMode.COUNT);
    List<Ballot> ballots = IntStream.range(0, RecordBallots.CHUNK_SIZE + 1).parallel()
        .mapToObj(i -> Fixtures.yesNo(e, "v" + i, i % 4 == 0)).toList();
    ElectionRecord r;
    try (LocalElection le = new LocalElection(e, Fixtures.DEALT.key(), dir.resolve("board.log"))) {
      for (int from = 0; from < ballots.size(); from += 2048) {
        le.board().submitAll(new ArrayList<>(ballots.subList(from, Math.min(ballots.size(), from + 2048))));
      }
      r = le.tally(Fixtures.DEALT.shares().subList(0, 3));
    }
    valid = dir.resolve("valid");
    RecordIo.write(r, valid);
    head = r.boardHead();
    tally = r.entries().get(0).ciphertext();
  }

  static byte[] head;
  static org.tabella.crypto.elgamal.Ciphertext tally;

  @Test
  @DisplayName("the board replays 10,001 ballots in batches to the same chain head and running tally")
  void boardReplay() throws Exception {
    var e = Fixtures.referendum("chunks-1", org.tabella.voting.TallyMode.COUNT);
    try (var board = org.tabella.voting.board.BulletinBoard.open(dir.resolve("board.log"), e,
        Fixtures.DEALT.key().publicKey())) {
      assertEquals(RecordBallots.CHUNK_SIZE + 1, board.size());
      assertTrue(java.util.Arrays.equals(head, board.head()));
      assertEquals(tally, board.encryptedTally().get(0).get(0));
      assertEquals("v10000", board.ballotId(10000));
      assertEquals("v10000", board.ballot(10000).ballotId());
    }
  }

  @Test
  @DisplayName("10,001 ballots: two chunk files, read back in order, and the record verifies")
  void twoChunks() throws Exception {
    try (var files = Files.list(valid.resolve("ballots"))) {
      assertEquals(List.of("000000.json", "000001.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    ElectionRecord read = RecordIo.read(valid);
    assertEquals(RecordBallots.CHUNK_SIZE + 1, read.ballots().size());
    RecordBallots.Chunks chunks = read.ballots().chunks();
    assertEquals(RecordBallots.CHUNK_SIZE, chunks.next().size());
    assertEquals("ballots/000000.json", chunks.source());
    assertEquals(1, chunks.next().size());
    assertEquals(null, chunks.next());
    VerificationReport report = RecordVerifier.verify(read);
    assertTrue(report.valid(), report.findings().toString());
    // i % 4 == 0 for i in 0..10000: 2,501 yes votes.
    assertEquals(new org.tabella.voting.tally.EntryOutcome.Count(2501), read.entries().get(0).outcome());
    SchemaCheck.assertConforms(valid);
  }

  @Test
  @DisplayName("a ballot changed in the second chunk is a finding at its board position")
  void laterChunkFault() throws Exception {
    Path copy = RecordVerifierTest.copyRecord(valid, Files.createTempDirectory(dir, "late"));
    RecordVerifierTest.edit(copy.resolve("ballots/000001.json"), o -> {
      ArrayNode list = (ArrayNode) o.get("ballots");
      String hex = list.get(0).asText();
      char last = hex.charAt(hex.length() - 1);
      list.set(0, o.textNode(hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0')));
    });
    VerificationReport report = RecordVerifier.verify(RecordIo.read(copy));
    assertFalse(report.valid());
    assertTrue(report.findings().stream().anyMatch(f -> f.location().startsWith("ballot 10000")),
        report.findings().toString());
    assertFalse(report.findings(VerificationStep.BOARD_CHAIN).isEmpty(), "the chain no longer ends at the head");
  }

  @Test
  @DisplayName("a malformed chunk is a finding naming its file; the chain is then reported unchecked")
  void malformedChunk() throws Exception {
    Path copy = RecordVerifierTest.copyRecord(valid, Files.createTempDirectory(dir, "bad"));
    RecordVerifierTest.edit(copy.resolve("ballots/000001.json"), o -> o.put("chunk", 0));
    VerificationReport report = RecordVerifier.verify(RecordIo.read(copy));
    assertTrue(report.findings(VerificationStep.BALLOT_ENCODING).stream()
        .anyMatch(f -> f.location().equals("ballots/000001.json $.chunk")), report.findings().toString());
    assertTrue(report.findings(VerificationStep.BOARD_CHAIN).stream()
        .anyMatch(f -> f.message().contains("not checked")), report.findings().toString());
  }

  @Test
  @DisplayName("the ballots/ listing must be exactly the counted chunks")
  void strictListing() throws Exception {
    Path extra = RecordVerifierTest.copyRecord(valid, Files.createTempDirectory(dir, "extra"));
    Files.copy(extra.resolve("ballots/000001.json"), extra.resolve("ballots/000002.json"));
    var e = assertThrows(InvalidRecordException.class, () -> RecordIo.read(extra));
    assertEquals("ballots.json", e.file());
    assertTrue(e.getMessage().contains("000002.json"), e.getMessage());
    Path missing = RecordVerifierTest.copyRecord(valid, Files.createTempDirectory(dir, "missing"));
    Files.delete(missing.resolve("ballots/000001.json"));
    e = assertThrows(InvalidRecordException.class, () -> RecordIo.read(missing));
    assertTrue(e.getMessage().contains("000001.json is missing"), e.getMessage());
  }

  @Test
  @DisplayName("writing a smaller record over a larger one leaves no stale chunk; bytes round-trip")
  void rewriteAndRoundTrip() throws Exception {
    ElectionRecord read = RecordIo.read(valid);
    Path target = RecordVerifierTest.copyRecord(valid, Files.createTempDirectory(dir, "rewrite"));
    SecureRandom rng = new SecureRandom();
    List<byte[]> few = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] b = new byte[1 + rng.nextInt(40)];
      rng.nextBytes(b);
      few.add(b);
    }
    ElectionRecord small = new ElectionRecord(read.election(), read.key(), read.qualified(), Optional.empty(), few,
        read.boardHead(), read.entries());
    RecordIo.write(small, target);
    ElectionRecord back = RecordIo.read(target);
    List<byte[]> got = back.ballots().toList();
    assertEquals(3, got.size());
    for (int i = 0; i < 3; i++) {
      assertTrue(java.util.Arrays.equals(few.get(i), got.get(i)));
    }
    try (var files = Files.list(target.resolve("ballots"))) {
      assertEquals(1, files.count());
    }
  }
}
