package org.tabella.voting.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabella.voting.Fixtures.DEALT;
import static org.tabella.voting.Fixtures.REFERENDUM;
import static org.tabella.voting.Fixtures.yesNo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;
import org.tabella.voting.Ballots;
import org.tabella.voting.Fixtures;
import org.tabella.voting.TallyMode;

@DisplayName("the bulletin board")
class BulletinBoardTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("accepts valid ballots, refuses invalid, reused-id and copied ones with a reason, as typed results")
  void acceptsAndRefuses() throws Exception {
    var pk = DEALT.key().publicKey();
    try (BulletinBoard board = BulletinBoard.open(dir.resolve("b.log"), REFERENDUM, pk)) {
      Ballot a = yesNo(REFERENDUM, "a", true);
      Receipt r = board.submit(a);
      assertEquals(0, r.position());
      assertEquals(Ballots.trackingCode(REFERENDUM, a), r.trackingCode());
      var dup = assertThrows(BallotRejectedException.class, () -> board.submit(yesNo(REFERENDUM, "a", false)));
      assertTrue(dup.getMessage().contains("already used"), dup.getMessage());
      var copied = assertThrows(BallotRejectedException.class, () -> board.submit(new Ballot("b", a.contests())));
      assertTrue(copied.getMessage().contains("proof") || copied.getMessage().contains("copied"));
      var other = Fixtures.referendum("ref-2", TallyMode.COUNT);
      assertThrows(BallotRejectedException.class, () -> board.submit(yesNo(other, "c", true)));
      List<Submission> batch = board.submitAll(List.of(yesNo(REFERENDUM, "d", true),
          new Ballot("e", yesNo(REFERENDUM, "x", true).contests()), yesNo(REFERENDUM, "f", false)));
      assertInstanceOf(Submission.Accepted.class, batch.get(0));
      assertInstanceOf(Submission.Rejected.class, batch.get(1));
      assertInstanceOf(Submission.Accepted.class, batch.get(2));
      assertEquals(3, board.size());
    }
  }

  @Test
  @DisplayName("the same ballot submitted again gets its first receipt and is stored once (safe retries)")
  void idempotent() throws Exception {
    try (BulletinBoard board = BulletinBoard.open(dir.resolve("b.log"), REFERENDUM, DEALT.key().publicKey())) {
      Ballot a = yesNo(REFERENDUM, "a", true);
      Receipt first = board.submit(a);
      board.submit(yesNo(REFERENDUM, "b", false));
      assertEquals(first, board.submit(a));
      assertEquals(first, board.submit(BallotCodec.decode(Fixtures.G, BallotCodec.encode(a))));
      assertEquals(2, board.size());
    }
  }

  @Test
  @DisplayName("reopens with every ballot and the same chain head; cuts a torn tail; refuses another election's or key's log")
  void persistence() throws Exception {
    var pk = DEALT.key().publicKey();
    Path file = dir.resolve("b.log");
    byte[] head;
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, pk)) {
      for (int i = 0; i < 5; i++) {
        board.submit(yesNo(REFERENDUM, "p" + i, i % 2 == 0));
      }
      head = board.head();
    }
    Files.write(file, new byte[] {0, 0, 1, 0, 1, 2, 3}, StandardOpenOption.APPEND);
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, pk)) {
      assertEquals(5, board.size());
      assertArrayEquals(head, board.head());
      assertEquals(7, board.truncatedBytes());
      board.submit(yesNo(REFERENDUM, "p5", true));
    }
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, pk)) {
      assertEquals(6, board.size());
    }
    byte[] before = Files.readAllBytes(file);
    var other = Fixtures.referendum("ref-2", TallyMode.COUNT);
    var e1 = assertThrows(BoardCorruptedException.class, () -> BulletinBoard.open(file, other, pk));
    assertTrue(e1.getMessage().contains("another election"), e1.getMessage());
    var otherKey = TrustedDealer.deal(Fixtures.G, 5, 3).key().publicKey();
    var e2 = assertThrows(BoardCorruptedException.class, () -> BulletinBoard.open(file, REFERENDUM, otherKey));
    assertTrue(e2.getMessage().contains("key"), e2.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file), "a refused board is left as it was");
  }

  @Test
  @DisplayName("replayed ballots are re-verified: a log holding a ballot whose proof fails is refused")
  void reverifiesOnOpen() throws Exception {
    var pk = DEALT.key().publicKey();
    Path file = dir.resolve("b.log");
    Ballot good = yesNo(REFERENDUM, "good", true);
    Ballot forged = new Ballot("forged", yesNo(REFERENDUM, "other", true).contests()); // proof bound to "other"
    try (BoardLog log = BoardLog.open(file, BulletinBoard.header(REFERENDUM, pk))) {
      log.append(List.of(BallotCodec.encode(good), BallotCodec.encode(forged)));
    }
    var e = assertThrows(BoardCorruptedException.class, () -> BulletinBoard.open(file, REFERENDUM, pk));
    assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
  }

  @Test
  @DisplayName("a second board on the same file is refused, in this process and in another")
  void locked() throws Exception {
    var pk = DEALT.key().publicKey();
    Path file = dir.resolve("b.log");
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, pk)) {
      var e = assertThrows(java.io.IOException.class, () -> BulletinBoard.open(file, REFERENDUM, pk));
      assertTrue(e.getMessage().contains("already open"), e.getMessage());
    }
    Process holder = BoardWriterProcess.start(file, "hold");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
      assertEquals("open", in.readLine());
      var e = assertThrows(java.io.IOException.class, () -> BulletinBoard.open(file, REFERENDUM, pk));
      assertTrue(e.getMessage().contains("already open"), e.getMessage());
    } finally {
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, pk)) {
      assertEquals(0, board.size(), "the lock dies with its process");
    }
  }

  @Test
  @Timeout(120)
  @DisplayName("kill -9 while ballots stream in: every acknowledged ballot survives")
  void crashRecovery() throws Exception {
    Path file = dir.resolve("crash.log");
    Process p = BoardWriterProcess.start(file, "write");
    List<String> acked = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("ack ")) {
          acked.add(line.substring(4));
          if (acked.size() == 25) {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, possibly mid-write
            break;
          }
        }
      }
    }
    p.waitFor(10, TimeUnit.SECONDS);
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, DEALT.key().publicKey())) {
      List<String> ids = board.ballots().stream().map(Ballot::ballotId).toList();
      assertTrue(ids.containsAll(acked), "acknowledged " + acked + " but the board has " + ids);
      assertTrue(ids.size() >= 25);
    }
  }
}
