package org.tabella.voting.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.Set;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.TallyMode;
import org.tabella.groups.Groups;

/** {@code election.json} (SPEC.md §4.4): the election parameters and their hash. */
final class ElectionJson {
  static final String FILE = "election.json";
  private static final Set<String> FIELDS = RecordFiles.fields("election_id", "group", "trustees", "quorum", "mode",
      "voters", "contests", "election_hash");
  private static final Set<String> CONTEST = Set.of("id", "options", "limit");

  private ElectionJson() {}

  static ObjectNode write(ElectionParameters e) {
    ObjectNode o = RecordFiles.root("election");
    o.put("election_id", e.electionId());
    o.put("group", e.group().name());
    o.put("trustees", e.trustees());
    o.put("quorum", e.quorum());
    o.put("mode", e.mode() == TallyMode.UNANIMOUS ? "unanimous" : "count");
    o.put("voters", e.voters());
    ArrayNode contests = o.putArray("contests");
    for (Contest c : e.contests()) {
      contests.addObject().put("id", c.id()).put("options", c.options()).put("limit", c.limit());
    }
    o.put("election_hash", StrictJson.hex(e.hash()));
    return o;
  }

  static ElectionParameters read(String text) throws InvalidRecordException {
    StrictJson.Obj o = StrictJson.parse(FILE, text, FIELDS);
    RecordFiles.checkHeader(o, "election");
    ElectionParameters.Builder b;
    try {
      b = ElectionParameters.builder(o.text("election_id"), Groups.named(o.text("group")));
    } catch (IllegalArgumentException ex) {
      throw o.fail("$.group", ex.getMessage());
    }
    b.trustees((int) o.integer("trustees", 1, ElectionParameters.MAX_TRUSTEES));
    b.quorum((int) o.integer("quorum", 1, ElectionParameters.MAX_TRUSTEES));
    String mode = o.text("mode");
    if (!mode.equals("count") && !mode.equals("unanimous")) {
      throw o.fail("$.mode", "expected \"count\" or \"unanimous\"");
    }
    b.mode(mode.equals("count") ? TallyMode.COUNT : TallyMode.UNANIMOUS);
    b.voters((int) o.integer("voters", 0, ElectionParameters.MAX_VOTERS));
    for (StrictJson.Item item : o.array("contests", ElectionParameters.MAX_CONTESTS)) {
      StrictJson.Obj c = item.object(CONTEST);
      try {
        b.contest(new Contest(c.text("id"), (int) c.integer("options", 1, Contest.MAX_OPTIONS),
            (int) c.integer("limit", 1, Contest.MAX_OPTIONS)));
      } catch (IllegalArgumentException ex) {
        throw c.fail(item.path(), ex.getMessage());
      }
    }
    ElectionParameters e;
    try {
      e = b.build();
    } catch (IllegalArgumentException ex) {
      throw o.fail("$", ex.getMessage());
    }
    if (!MessageDigest.isEqual(o.hex("election_hash", 32), e.hash())) {
      throw o.fail("$.election_hash", "does not match the parameters (SHA-256 of their encoding, SPEC.md §4.1)");
    }
    return e;
  }
}
