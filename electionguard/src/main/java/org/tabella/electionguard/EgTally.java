package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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

  static final String FILE = "encrypted_tally.json";

  /** Reads {@code dir/encrypted_tally.json}, or returns null if the record has none. */
  public static EgTally read(Path dir) throws IOException, EgRecordException {
    EgJson json = new EgJson(FILE);
    JsonNode t;
    try {
      t = json.parse(dir.resolve(FILE));
    } catch (NoSuchFileException e) {
      return null;
    }
    json.fields("$", t, Set.of("tally_id", "contests", "cast_ballot_ids", "election_id"));
    List<Aggregate> out = new ArrayList<>();
    JsonNode cs = json.array("$.contests", t.get("contests"));
    for (int i = 0; i < cs.size(); i++) {
      String at = "$.contests[" + i + "]";
      JsonNode c = cs.get(i);
      json.fields(at, c, Set.of("contest_id", "sequence_order", "selections"));
      JsonNode ss = json.array(at + ".selections", c.get("selections"));
      for (int j = 0; j < ss.size(); j++) {
        String sat = at + ".selections[" + j + "]";
        JsonNode s = ss.get(j);
        json.fields(sat, s, Set.of("selection_id", "sequence_order", "encrypted_vote"));
        JsonNode v = s.get("encrypted_vote");
        json.fields(sat + ".encrypted_vote", v, Set.of("pad", "data"));
        out.add(new Aggregate(json.text(at + ".contest_id", c.get("contest_id")), json.text(sat + ".selection_id", s.get("selection_id")),
            json.number(sat + ".encrypted_vote.pad", v.get("pad"), 512), json.number(sat + ".encrypted_vote.data", v.get("data"), 512)));
      }
    }
    List<String> ids = new ArrayList<>();
    JsonNode is = json.array("$.cast_ballot_ids", t.get("cast_ballot_ids"));
    for (int i = 0; i < is.size(); i++) {
      ids.add(json.text("$.cast_ballot_ids[" + i + "]", is.get(i)));
    }
    return new EgTally(json.bytes("$.election_id", t.get("election_id"), 32, true), ids, out);
  }

}
