package org.tabella.voting.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.groups.Group;

/** What every record file shares: its header fields and the DLEQ proof layout. */
final class RecordFiles {
  static final String FORMAT = "tabella-election-record";
  static final List<String> HEADER = List.of("format", "version", "file");

  private RecordFiles() {}

  /** A new file object with its header. */
  static ObjectNode root(String kind) {
    ObjectNode o = StrictJson.MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("version", ElectionRecord.VERSION);
    o.put("file", kind);
    return o;
  }

  /** The header fields plus {@code fields}. */
  static Set<String> fields(String... fields) {
    Set<String> s = new HashSet<>(HEADER);
    s.addAll(List.of(fields));
    return s;
  }

  /**
   * Checks the header: the format, version 3 (versions 1 and 2 are refused with the reason), and
   * the file kind.
   */
  static void checkHeader(StrictJson.Obj o, String kind) throws InvalidRecordException {
    if (!FORMAT.equals(o.text("format"))) {
      throw o.fail("$.format", "not a " + FORMAT + " file");
    }
    long version = o.integer("version", 0, Integer.MAX_VALUE);
    if (version == 1) {
      throw o.fail("$.version", "record version 1 is not accepted: its decryption shares do not bind their tally"
          + " entry (SPEC.md §4.4); this verifier reads version " + ElectionRecord.VERSION + " only");
    }
    if (version == 2) {
      throw o.fail("$.version", "record version 2 is not accepted: it kept every ballot in one file; version "
          + ElectionRecord.VERSION + " writes them in chunks of " + RecordBallots.CHUNK_SIZE + " (SPEC.md §4.4)");
    }
    if (version != ElectionRecord.VERSION) {
      throw o.fail("$.version", "record version " + version + " is not supported (expected " + ElectionRecord.VERSION + ")");
    }
    if (!kind.equals(o.text("file"))) {
      throw o.fail("$.file", "expected \"" + kind + "\"");
    }
  }

  static final Set<String> DLEQ = Set.of("r1", "r2", "z");

  static void putDleq(ObjectNode o, DleqProof p) {
    o.put("r1", StrictJson.hex(p.commitment1().encode()));
    o.put("r2", StrictJson.hex(p.commitment2().encode()));
    o.put("z", StrictJson.hex(p.response().encode()));
  }

  static DleqProof dleq(StrictJson.Obj o, Group g) throws InvalidRecordException {
    return new DleqProof(o.element("r1", g), o.element("r2", g), o.scalar("z", g));
  }

  /** {@code fields} plus the DLEQ fields. */
  static Set<String> withDleq(String... fields) {
    Set<String> s = new HashSet<>(DLEQ);
    s.addAll(List.of(fields));
    return s;
  }
}
