package org.tabella.voting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabella.voting.Fixtures.DEALT;
import static org.tabella.voting.Fixtures.REFERENDUM;

import java.io.IOException;
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

@DisplayName("the bulletin board")
class BulletinBoardTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("accepts valid ballots, refuses invalid, duplicate and copied ones with a reason")
  void acceptsAndRefuses() throws Exception {
    var pk = DEALT.key().publicKey();
    try (BulletinBoard board = BulletinBoard.open(dir.resolve("b.log"), REFERENDUM, pk)) {
      Ballot a = Ballots.referendum(REFERENDUM, pk, "a", true);
      Receipt r = board.submit(a);
      assertEquals(0, r.position());
      assertEquals(Ballots.trackingCode(REFERENDUM, a), r.trackingCode());
      var dup = assertThrows(BallotRejectedException.class, () -> board.submit(Ballots.referendum(REFERENDUM, pk, "a", false)));
      assertTrue(dup.getMessage().contains("duplicate"));
      var copied = assertThrows(BallotRejectedException.class, () -> board.submit(new Ballot("b", a.contests())));
      assertTrue(copied.getMessage().contains("proof") || copied.getMessage().contains("copied"));
      var other = ElectionParameters.referendum("ref-2", "ristretto255", 5, 3, false);
      assertThrows(BallotRejectedException.class, () -> board.submit(Ballots.referendum(other, pk, "c", true)));
      List<Object> batch = board.submitAll(List.of(Ballots.referendum(REFERENDUM, pk, "d", true),
          new Ballot("e", Ballots.referendum(REFERENDUM, pk, "x", true).contests()),
          Ballots.referendum(REFERENDUM, pk, "f", false)));
      assertTrue(batch.get(0) instanceof Receipt);
      assertTrue(batch.get(1) instanceof BallotRejectedException);
      assertTrue(batch.get(2) instanceof Receipt);
      assertEquals(3, board.size());
    }
  }

  @Test
  @DisplayName("reopens with every ballot and the same chain head; cuts a torn tail; refuses another election's log")
  void persistence() throws Exception {
    var pk = DEALT.key().publicKey();
    Path file = dir.resolve("b.log");
    byte[] head;
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, pk)) {
      for (int i = 0; i < 5; i++) {
        board.submit(Ballots.referendum(REFERENDUM, pk, "p" + i, i % 2 == 0));
      }
      head = board.head();
    }
    Files.write(file, new byte[] {0, 0, 1, 0, 1, 2, 3}, StandardOpenOption.APPEND);
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, pk)) {
      assertEquals(5, board.size());
      assertArrayEquals(head, board.head());
      assertEquals(7, board.truncatedBytes());
      board.submit(Ballots.referendum(REFERENDUM, pk, "p5", true));
    }
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, pk)) {
      assertEquals(6, board.size());
    }
    var other = ElectionParameters.referendum("ref-2", "ristretto255", 5, 3, false);
    assertThrows(IOException.class, () -> BulletinBoard.open(file, other, pk));
  }

  @Test
  @Timeout(120)
  @DisplayName("kill -9 while ballots stream in: every acknowledged ballot survives")
  void crashRecovery() throws Exception {
    Path file = dir.resolve("crash.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        BoardWriterProcess.class.getName(), file.toString()).redirectErrorStream(true).start();
    List<String> acked = new ArrayList<>();
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
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
