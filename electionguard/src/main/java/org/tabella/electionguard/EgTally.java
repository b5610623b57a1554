package org.tabella.electionguard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An egk record's {@code encrypted_tally.json}: per contest and selection the aggregate (A, B), the
 * ids of the cast ballots it claims to aggregate, and the election it belongs to; read strictly.
 *
 * @param electionId the H_E it names
 * @param castBallotIds the ballots aggregated
 * @param selections every (contest, selection) with its aggregate, in file order
 */
public record EgTally(byte[] electionId, List<String> castBallotIds, List<Aggregate> selections) {
  /** One selection's aggregate. */
  public record Aggregate(String contestId, String selectionId, BigInteger alpha, BigInteger beta) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  static final String FILE = "encrypted_tally.json";

  /** Reads {@code dir/encrypted_tally.json}, or returns null if the record has none. */
  public static EgTally read(Path dir) throws IOException, EgRecordException {
    JsonNode t;
    try {
      t = JSON.readTree(Files.readString(dir.resolve(FILE)));
    } catch (NoSuchFileException e) {
      return null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new EgRecordException(FILE, "$", "not JSON: " + e.getOriginalMessage());
    }
    fields("$", t, Set.of("tally_id", "contests", "cast_ballot_ids", "election_id"));
    List<Aggregate> out = new ArrayList<>();
    JsonNode cs = array("$.contests", t.get("contests"));
    for (int i = 0; i < cs.size(); i++) {
      String at = "$.contests[" + i + "]";
      JsonNode c = cs.get(i);
      fields(at, c, Set.of("contest_id", "sequence_order", "selections"));
      JsonNode ss = array(at + ".selections", c.get("selections"));
      for (int j = 0; j < ss.size(); j++) {
        String sat = at + ".selections[" + j + "]";
        JsonNode s = ss.get(j);
        fields(sat, s, Set.of("selection_id", "sequence_order", "encrypted_vote"));
        JsonNode v = s.get("encrypted_vote");
        fields(sat + ".encrypted_vote", v, Set.of("pad", "data"));
        out.add(new Aggregate(text(at + ".contest_id", c.get("contest_id")), text(sat + ".selection_id", s.get("selection_id")),
            new BigInteger(1, hex(sat + ".encrypted_vote.pad", v.get("pad"))), new BigInteger(1, hex(sat + ".encrypted_vote.data",
                v.get("data")))));
      }
    }
    List<String> ids = new ArrayList<>();
    JsonNode is = array("$.cast_ballot_ids", t.get("cast_ballot_ids"));
    for (int i = 0; i < is.size(); i++) {
      ids.add(text("$.cast_ballot_ids[" + i + "]", is.get(i)));
    }
    byte[] eid = hex("$.election_id", t.get("election_id"));
    if (eid.length != 32) {
      throw new EgRecordException(FILE, "$.election_id", "a 32-byte hash is required");
    }
    return new EgTally(eid, ids, out);
  }

  private static void fields(String at, JsonNode o, Set<String> allowed) throws EgRecordException {
    if (o == null || !o.isObject()) {
      throw new EgRecordException(FILE, at, "an object is required");
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new EgRecordException(FILE, at + "." + f, "unknown field");
      }
    }
    for (String f : allowed) {
      if (!o.has(f)) {
        throw new EgRecordException(FILE, at + "." + f, "missing field");
      }
    }
  }

  private static JsonNode array(String at, JsonNode a) throws EgRecordException {
    if (a == null || !a.isArray()) {
      throw new EgRecordException(FILE, at, "an array is required");
    }
    return a;
  }

  private static String text(String at, JsonNode v) throws EgRecordException {
    if (v == null || !v.isTextual()) {
      throw new EgRecordException(FILE, at, "a string is required");
    }
    return v.asText();
  }

  private static byte[] hex(String at, JsonNode v) throws EgRecordException {
    String s = text(at, v);
    if (!s.matches("([0-9A-F]{2})+") || s.length() > 1024) {
      throw new EgRecordException(FILE, at, "uppercase hex of at most 512 bytes is required");
    }
    return HexFormat.of().parseHex(s);
  }
}
