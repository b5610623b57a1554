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
 * An egk record's {@code tally.json}: the published counts, each with T = K^t ({@code b_over_m}),
 * the aggregate (A, B) it decrypts and the guardians' joint Chaum–Pedersen proof (c, v) that
 * M = B · T^-1 is A raised to the joint secret; read strictly.
 *
 * @param id the tally's id
 * @param electionId the H_E it names
 * @param selections every (contest, selection) in file order
 */
public record EgDecryptedTally(String id, byte[] electionId, List<Count> selections) {
  /** One selection's published count and its proof. */
  public record Count(String contestId, String selectionId, int tally, BigInteger bOverM, BigInteger alpha, BigInteger beta,
      BigInteger challenge, BigInteger response) {}

  static final String FILE = "tally.json";

  /** Copies. */
  public EgDecryptedTally {
    electionId = electionId.clone();
    selections = List.copyOf(selections);
  }

  /** Reads {@code dir/tally.json}, or returns null if the record has none. */
  public static EgDecryptedTally read(Path dir) throws IOException, EgRecordException {
    EgJson json = new EgJson(FILE);
    JsonNode t;
    try {
      t = json.parse(dir.resolve(FILE));
    } catch (NoSuchFileException e) {
      return null;
    }
    json.fields("$", t, Set.of("id", "contests", "election_id"));
    List<Count> out = new ArrayList<>();
    JsonNode cs = json.array("$.contests", t.get("contests"));
    for (int i = 0; i < cs.size(); i++) {
      String at = "$.contests[" + i + "]";
      JsonNode c = cs.get(i);
      json.fields(at, c, Set.of("contest_id", "selections"));
      String contest = json.text(at + ".contest_id", c.get("contest_id"));
      JsonNode ss = json.array(at + ".selections", c.get("selections"));
      for (int j = 0; j < ss.size(); j++) {
        String sat = at + ".selections[" + j + "]";
        JsonNode s = ss.get(j);
        json.fields(sat, s, Set.of("selection_id", "tally", "b_over_m", "encrypted_vote", "proof"));
        JsonNode v = s.get("encrypted_vote");
        json.fields(sat + ".encrypted_vote", v, Set.of("pad", "data"));
        JsonNode p = s.get("proof");
        json.fields(sat + ".proof", p, Set.of("challenge", "response"));
        out.add(new Count(contest, json.text(sat + ".selection_id", s.get("selection_id")),
            json.integer(sat + ".tally", s.get("tally"), 0, Integer.MAX_VALUE), json.number(sat + ".b_over_m", s.get("b_over_m"), 512),
            json.number(sat + ".encrypted_vote.pad", v.get("pad"), 512), json.number(sat + ".encrypted_vote.data", v.get("data"), 512),
            json.number(sat + ".proof.challenge", p.get("challenge"), 32), json.number(sat + ".proof.response", p.get("response"), 32)));
      }
    }
    return new EgDecryptedTally(json.text("$.id", t.get("id")), json.bytes("$.election_id", t.get("election_id"), 32, true), out);
  }
}
