package org.tabella.voting.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code ballots.json} (SPEC.md §4.4): every accepted ballot's canonical bytes, in board order, and the chain head. */
final class BallotsJson {
  static final String FILE = "ballots.json";
  /** Largest number of ballots one file holds. */
  static final int MAX_BALLOTS = 50_000_000;
  private static final int MAX_BALLOT_BYTES = 1 << 20;
  private static final Set<String> FIELDS = RecordFiles.fields("ballots", "board_head");

  private BallotsJson() {}

  /** What ballots.json holds. */
  record Contents(List<byte[]> ballots, byte[] head) {}

  static ObjectNode write(ElectionRecord r) {
    ObjectNode o = RecordFiles.root("ballots");
    ArrayNode list = o.putArray("ballots");
    for (byte[] b : r.ballotBytes()) {
      list.add(StrictJson.hex(b));
    }
    o.put("board_head", StrictJson.hex(r.boardHead()));
    return o;
  }

  static Contents read(String text) throws InvalidRecordException {
    StrictJson.Obj o = StrictJson.parse(FILE, text, FIELDS);
    RecordFiles.checkHeader(o, "ballots");
    List<byte[]> ballots = new ArrayList<>();
    for (StrictJson.Item item : o.array("ballots", MAX_BALLOTS)) {
      ballots.add(item.hex(MAX_BALLOT_BYTES));
    }
    byte[] head = o.hex("board_head", 32);
    if (head.length != 32) {
      throw o.fail("$.board_head", "a SHA-256 digest is 32 bytes");
    }
    return new Contents(ballots, head);
  }
}
