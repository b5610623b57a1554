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
 * An egk or egk-ec record's {@code encrypted_tally.json}: per contest and selection the aggregate
 * (A, B), the ids of the cast ballots it claims to aggregate, and the election it belongs to; read
 * strictly. egk-ec also states per contest how many ballots it aggregates ({@code ballot_count}).
 *
 * @param electionId the H_E it names
 * @param ballotCounts per contest id, the ballot_count stated (empty for egk)
 * @param castBallotIds the ballots aggregated
 * @param selections every (contest, selection) with its aggregate, in file order
 */
public record EgTally(byte[] electionId, List<String> castBallotIds, List<Aggregate> selections,
    java.util.Map<String, Integer> ballotCounts) {
  /** One selection's aggregate, with the contest's and the option's sequence numbers. */
  public record Aggregate(String contestId, int contestOrder, String selectionId, int selectionOrder, BigInteger alpha,
      BigInteger beta) {}

  static final String FILE = "encrypted_tally.json";

  /** Reads {@code dir/encrypted_tally.json}, or returns null if the record has none. */
  public static EgTally read(Path dir) throws IOException, EgRecordException {
    return read(dir, EgFormat.read(dir));
  }

  /** The same, in a format already read. */
  public static EgTally read(Path dir, EgFormat format) throws IOException, EgRecordException {
    EgJson json = new EgJson(FILE, format);
    boolean hex = format.encoding() == EgFormat.Encoding.HEX;
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
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
      json.fields(at, c, hex ? Set.of("contest_id", "sequence_order", "selections")
          : Set.of("contest_id", "sequence_order", "selections", "ballot_count"));
      if (!hex && counts.put(json.text(at + ".contest_id", c.get("contest_id")),
          json.integer(at + ".ballot_count", c.get("ballot_count"), 0, Integer.MAX_VALUE)) != null) {
        throw json.fail(at + ".contest_id", "a contest appears twice");
      }
      JsonNode ss = json.array(at + ".selections", c.get("selections"));
      for (int j = 0; j < ss.size(); j++) {
        String sat = at + ".selections[" + j + "]";
        JsonNode s = ss.get(j);
        json.fields(sat, s, Set.of("selection_id", "sequence_order", "encrypted_vote"));
        JsonNode v = s.get("encrypted_vote");
        json.fields(sat + ".encrypted_vote", v, Set.of("pad", "data"));
        out.add(new Aggregate(json.text(at + ".contest_id", c.get("contest_id")),
            json.integer(at + ".sequence_order", c.get("sequence_order"), 0, Integer.MAX_VALUE),
            json.text(sat + ".selection_id", s.get("selection_id")),
            json.integer(sat + ".sequence_order", s.get("sequence_order"), 0, Integer.MAX_VALUE),
            json.element(sat + ".encrypted_vote.pad", v.get("pad")), json.element(sat + ".encrypted_vote.data", v.get("data"))));
      }
    }
    List<String> ids = new ArrayList<>();
    JsonNode is = json.array("$.cast_ballot_ids", t.get("cast_ballot_ids"));
    for (int i = 0; i < is.size(); i++) {
      ids.add(json.text("$.cast_ballot_ids[" + i + "]", is.get(i)));
    }
    return new EgTally(json.hash("$.election_id", t.get("election_id")), ids, out, counts);
  }

}
