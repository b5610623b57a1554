package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What verification needs of an ElectionGuard manifest: its contests in order, each with its id,
 * vote limit and option ids. The manifest is hashed as stored (H_M, step 1); here only these
 * fields are read (the rest is the election's description, which verification does not interpret),
 * but they must be present, well typed and unique.
 *
 * @param contests the contests in file order
 */
public record EgManifest(List<Contest> contests) {
  /**
   * One contest: its id and sequence number, how many options a voter may select, the votes one
   * option may take (option_selection_limit, 1 where the manifest does not say), and its options'
   * ids and sequence numbers in order.
   */
  public record Contest(String id, int sequenceOrder, int votesAllowed, int optionLimit, List<String> selections,
      List<Integer> selectionOrders) {
    /** Copies. */
    public Contest {
      selections = List.copyOf(selections);
      selectionOrders = List.copyOf(selectionOrders);
    }
  }

  /** Copies. */
  public EgManifest {
    contests = List.copyOf(contests);
  }

  /** Parses the manifest's bytes. */
  static EgManifest parse(byte[] manifest) throws EgRecordException {
    EgJson json = new EgJson("manifest.json", null);
    JsonNode m;
    try {
      m = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .readTree(manifest);
    } catch (IOException e) {
      throw json.fail("$", "not JSON: " + e.getMessage());
    }
    if (m == null || !m.isObject()) {
      throw json.fail("$", "an object is required");
    }
    JsonNode cs = json.array("$.contests", m.get("contests"));
    List<Contest> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < cs.size(); i++) {
      String at = "$.contests[" + i + "]";
      JsonNode c = cs.get(i);
      if (c == null || !c.isObject()) {
        throw json.fail(at, "an object is required");
      }
      String id = json.text(at + ".object_id", c.get("object_id"));
      if (!ids.add(id)) {
        throw json.fail(at + ".object_id", "contest id " + id + " is used twice");
      }
      int limit = json.integer(at + ".votes_allowed", c.get("votes_allowed"), 0, 1 << 10);
      JsonNode ss = json.array(at + ".ballot_selections", c.get("ballot_selections"));
      List<String> options = new ArrayList<>();
      List<Integer> orders = new ArrayList<>();
      for (int j = 0; j < ss.size(); j++) {
        JsonNode s = ss.get(j);
        String sat = at + ".ballot_selections[" + j + "]";
        if (s == null || !s.isObject()) {
          throw json.fail(sat, "an object is required");
        }
        String sid = json.text(sat + ".object_id", s.get("object_id"));
        if (options.contains(sid)) {
          throw json.fail(sat + ".object_id", "selection id " + sid + " is used twice in contest " + id);
        }
        options.add(sid);
        orders.add(json.integer(sat + ".sequence_order", s.get("sequence_order"), 0, Integer.MAX_VALUE));
      }
      // egk-ec states each option's limit (R of the selection range proofs); 2.0 records without it use 1
      int optionLimit = c.has("option_selection_limit")
          ? json.integer(at + ".option_selection_limit", c.get("option_selection_limit"), 1, 1 << 10) : 1;
      out.add(new Contest(id, json.integer(at + ".sequence_order", c.get("sequence_order"), 0, Integer.MAX_VALUE), limit,
          optionLimit, options, orders));
    }
    return new EgManifest(out);
  }
}
