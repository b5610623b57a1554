package org.tabella.voting.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.tabella.voting.Fixtures.DEALT;
import static org.tabella.voting.Fixtures.REFERENDUM;
import static org.tabella.voting.Fixtures.yesNo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.voting.Ballot;

/**
 * The board's log at every offset: a crash can only cut or damage the last frame, which is cut;
 * damage anywhere else is refused with the file untouched, never "repaired" by truncation.
 */
@DisplayName("the board log under corruption")
class BoardLogTest {
  @TempDir
  Path dir;
  Path file;
  byte[] log;
  /** Offsets where each frame starts, and the file's end. */
  final List<Long> frames = new ArrayList<>();
  final List<String> ids = List.of("a", "b", "c");

  @BeforeEach
  void writeThreeFrames() throws Exception {
    file = dir.resolve("b.log");
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, DEALT.key().publicKey())) {
      for (String id : ids) {
        frames.add(Files.size(file));
        board.submit(yesNo(REFERENDUM, id, true));
      }
    }
    log = Files.readAllBytes(file);
    frames.add((long) log.length);
  }

  @Test
  @DisplayName("truncated at every length: exactly the complete frames survive, and the tail is cut")
  void truncation() throws Exception {
    for (int n = BoardLog.HEADER_LENGTH; n <= log.length; n++) {
      Files.write(file, Arrays.copyOf(log, n));
      int complete = 0;
      while (complete < ids.size() && frames.get(complete + 1) <= n) {
        complete++;
      }
      try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, DEALT.key().publicKey())) {
        assertEquals(ids.subList(0, complete), board.ballots().stream().map(Ballot::ballotId).toList(), "length " + n);
      }
      assertEquals((long) frames.get(complete), Files.size(file), "the torn tail is cut at length " + n);
    }
  }

  @Test
  @DisplayName("one bit flipped at every offset: refused with the file unchanged, unless it lies in the last frame")
  void bitFlips() throws Exception {
    long lastFrame = frames.get(ids.size() - 1);
    int cut = 0;
    int refused = 0;
    for (int at = 0; at < log.length; at++) {
      byte[] damaged = log.clone();
      damaged[at] ^= 0x10;
      Files.write(file, damaged);
      try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, DEALT.key().publicKey())) {
        if (at < lastFrame) {
          fail("a flip at offset " + at + ", before the last frame, was accepted");
        }
        assertEquals(ids.subList(0, 2), board.ballots().stream().map(Ballot::ballotId).toList());
        cut++;
      } catch (BoardCorruptedException e) {
        assertArrayEquals(damaged, Files.readAllBytes(file), "a refused log is left as it was (offset " + at + ")");
        assertTrue(e.getMessage().contains("offset") || e.getMessage().contains("another") || e.getMessage().contains("header")
            || e.getMessage().contains("board"), e.getMessage());
        refused++;
      }
    }
    assertTrue(cut > 0 && refused > lastFrame, cut + " cut, " + refused + " refused");
  }

  @Test
  @DisplayName("a tail of zero bytes (size extended, data never written) is cut")
  void zeroTail() throws Exception {
    Files.write(file, Arrays.copyOf(log, log.length + 4096));
    try (BulletinBoard board = BulletinBoard.open(file, REFERENDUM, DEALT.key().publicKey())) {
      assertEquals(3, board.size());
      assertEquals(4096, board.truncatedBytes());
    }
  }
}
