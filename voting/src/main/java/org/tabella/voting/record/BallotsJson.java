package org.tabella.voting.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * {@code ballots.json} (SPEC.md §4.4): how many ballots the board accepted and its chain head; the
 * ballots themselves are in the chunk files {@code ballots/NNNNNN.json} ({@link BallotChunkJson}).
 */
final class BallotsJson {
  static final String FILE = "ballots.json";
  /** Largest number of ballots a record holds. */
  static final int MAX_BALLOTS = 50_000_000;
  private static final Set<String> FIELDS = RecordFiles.fields("ballot_count", "chunk_size", "board_head");

  private BallotsJson() {}

  /** What ballots.json holds. */
  record Contents(int count, byte[] head) {}

  static ObjectNode write(int count, byte[] head) {
    ObjectNode o = RecordFiles.root("ballots");
    o.put("ballot_count", count);
    o.put("chunk_size", RecordBallots.CHUNK_SIZE);
    o.put("board_head", StrictJson.hex(head));
    return o;
  }

  static Contents read(String text) throws InvalidRecordException {
    StrictJson.Obj o = StrictJson.parse(FILE, text, FIELDS);
    RecordFiles.checkHeader(o, "ballots");
    int count = (int) o.integer("ballot_count", 0, MAX_BALLOTS);
    if (o.integer("chunk_size", 0, Integer.MAX_VALUE) != RecordBallots.CHUNK_SIZE) {
      throw o.fail("$.chunk_size", "chunks hold " + RecordBallots.CHUNK_SIZE + " ballots");
    }
    byte[] head = o.hex("board_head", 32);
    if (head.length != 32) {
      throw o.fail("$.board_head", "a SHA-256 digest is 32 bytes");
    }
    return new Contents(count, head);
  }
}
