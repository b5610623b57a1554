package org.tabella.voting.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ballots/NNNNNN.json} (SPEC.md §4.4): chunk i holds the canonical bytes of the ballots at
 * board positions {@code i·10000} … {@code i·10000 + 9999} (fewer in the last chunk).
 */
final class BallotChunkJson {
  static final String DIRECTORY = "ballots";
  private static final int MAX_BALLOT_BYTES = 1 << 20;
  private static final Set<String> FIELDS = RecordFiles.fields("chunk", "first_position", "ballots");

  private BallotChunkJson() {}

  /** The chunk's path relative to the record directory. */
  static String file(int index) {
    return DIRECTORY + "/" + String.format(Locale.ROOT, "%06d", index) + ".json";
  }

  static ObjectNode write(int index, List<byte[]> ballots) {
    ObjectNode o = RecordFiles.root("ballot-chunk");
    o.put("chunk", index);
    o.put("first_position", (long) index * RecordBallots.CHUNK_SIZE);
    ArrayNode list = o.putArray("ballots");
    for (byte[] b : ballots) {
      list.add(StrictJson.hex(b));
    }
    return o;
  }

  /** Reads chunk {@code index}, which must hold exactly {@code expected} ballots. */
  static List<byte[]> read(String text, int index, int expected) throws InvalidRecordException {
    String file = file(index);
    StrictJson.Obj o = StrictJson.parse(file, text, FIELDS);
    RecordFiles.checkHeader(o, "ballot-chunk");
    if (o.integer("chunk", 0, Integer.MAX_VALUE) != index) {
      throw o.fail("$.chunk", "expected chunk " + index + " in " + file);
    }
    if (o.integer("first_position", 0, Long.MAX_VALUE) != (long) index * RecordBallots.CHUNK_SIZE) {
      throw o.fail("$.first_position", "chunk " + index + " starts at board position "
          + (long) index * RecordBallots.CHUNK_SIZE);
    }
    List<StrictJson.Item> items = o.array("ballots", RecordBallots.CHUNK_SIZE);
    if (items.size() != expected) {
      throw o.fail("$.ballots", "chunk " + index + " must hold " + expected + " ballots (ballots.json counts "
          + "them), not " + items.size());
    }
    List<byte[]> ballots = new ArrayList<>(items.size());
    for (StrictJson.Item item : items) {
      ballots.add(item.hex(MAX_BALLOT_BYTES));
    }
    return ballots;
  }
}
