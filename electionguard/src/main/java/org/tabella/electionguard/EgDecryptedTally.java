package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decrypted tally ({@code tally.json}: the published counts) or a decrypted challenged ballot
 * ({@code challenged_ballots/dballot-<id>.json}, egk-ec): for every selection T = K^t
 * ({@code b_over_m}), the (A, B) it decrypts and the guardians' joint Chaum–Pedersen proof (c, v)
 * that M = B · T^-1 is A raised to the joint secret; for a challenged ballot also each contest's
 * decrypted contest data. Read strictly; elements in their stored form ({@link EgGroup}).
 *
 * @param file where it was read from (for findings)
 * @param id the tally's or ballot's id
 * @param electionId the H_E it names
 * @param selections every (contest, selection) in file order
 * @param ballotCounts per contest id, the ballot_count stated (egk-ec; empty for egk)
 * @param contestData the decrypted contest data, per contest that has it
 */
public record EgDecryptedTally(String file, String id, byte[] electionId, List<Count> selections,
    Map<String, Integer> ballotCounts, List<ContestData> contestData) {
  /** One selection's published count and its proof. */
  public record Count(String contestId, String selectionId, int tally, BigInteger bOverM, BigInteger alpha, BigInteger beta,
      BigInteger challenge, BigInteger response) {}

  /**
   * A contest's decrypted contest data: the hashed-ElGamal ciphertext (C0, C1, C2) of numBytes
   * bytes, β = C0^s with its proof (c, v), and the plaintext published for it.
   */
  public record ContestData(String contestId, BigInteger c0, byte[] c1, byte[] c2, int numBytes, BigInteger beta,
      BigInteger challenge, BigInteger response, Plaintext plaintext) {
    /** Copies. */
    public ContestData {
      c1 = c1.clone();
      c2 = c2.clone();
    }
  }

  /** The published contest data: the over-voted option indices, the write-ins and the status. */
  public record Plaintext(List<Integer> overVotes, List<String> writeIns, String status) {
    /** Copies. */
    public Plaintext {
      overVotes = List.copyOf(overVotes);
      writeIns = List.copyOf(writeIns);
    }
  }

  static final String FILE = "tally.json";
  static final String CHALLENGED = "challenged_ballots";

  /** Copies. */
  public EgDecryptedTally {
    electionId = electionId.clone();
    selections = List.copyOf(selections);
    ballotCounts = Map.copyOf(ballotCounts);
    contestData = List.copyOf(contestData);
  }

  /** Reads {@code dir/tally.json}, or returns null if the record has none. */
  public static EgDecryptedTally read(Path dir) throws IOException, EgRecordException {
    return read(dir, EgFormat.read(dir));
  }

  /** The same, in a format already read. */
  public static EgDecryptedTally read(Path dir, EgFormat format) throws IOException, EgRecordException {
    try {
      return read(dir.resolve(FILE), FILE, format);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Every decrypted challenged ballot under {@code dir/challenged_ballots} (none if it is absent), in path order. */
  public static List<EgDecryptedTally> readChallenged(Path dir, EgFormat format) throws IOException, EgRecordException {
    List<Path> files = EgJson.jsonFiles(dir.resolve(CHALLENGED));
    List<EgDecryptedTally> out = new ArrayList<>();
    for (Path f : files) {
      out.add(read(f, dir.relativize(f).toString(), format));
    }
    return out;
  }

  static EgDecryptedTally read(Path f, String name, EgFormat format) throws IOException, EgRecordException {
    EgJson json = new EgJson(name, format);
    boolean hex = format.encoding() == EgFormat.Encoding.HEX;
    JsonNode t = json.parse(f);
    json.fields("$", t, Set.of("id", "contests", "election_id"));
    List<Count> out = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<ContestData> data = new ArrayList<>();
    JsonNode cs = json.array("$.contests", t.get("contests"));
    for (int i = 0; i < cs.size(); i++) {
      String at = "$.contests[" + i + "]";
      JsonNode c = cs.get(i);
      boolean hasData = c != null && c.has("decrypted_contest_data");
      json.fields(at, c, hex ? Set.of("contest_id", "selections") : hasData
          ? Set.of("contest_id", "selections", "ballot_count", "decrypted_contest_data")
          : Set.of("contest_id", "selections", "ballot_count"));
      String contest = json.text(at + ".contest_id", c.get("contest_id"));
      if (!hex && counts.put(contest, json.integer(at + ".ballot_count", c.get("ballot_count"), 0, Integer.MAX_VALUE)) != null) {
        throw json.fail(at + ".contest_id", "a contest appears twice");
      }
      if (hasData) {
        data.add(contestData(json, at + ".decrypted_contest_data", contest, c.get("decrypted_contest_data")));
      }
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
            json.integer(sat + ".tally", s.get("tally"), 0, Integer.MAX_VALUE), json.element(sat + ".b_over_m", s.get("b_over_m")),
            json.element(sat + ".encrypted_vote.pad", v.get("pad")), json.element(sat + ".encrypted_vote.data", v.get("data")),
            json.scalar(sat + ".proof.challenge", p.get("challenge")), json.scalar(sat + ".proof.response", p.get("response"))));
      }
    }
    return new EgDecryptedTally(name, json.text("$.id", t.get("id")), json.hash("$.election_id", t.get("election_id")), out,
        counts, data);
  }

  private static ContestData contestData(EgJson json, String at, String contest, JsonNode d) throws EgRecordException {
    json.fields(at, d, Set.of("contest_data", "encrypted_contest_data", "proof", "beta"));
    JsonNode e = d.get("encrypted_contest_data");
    json.fields(at + ".encrypted_contest_data", e, Set.of("c0", "c1", "c2", "numBytes"));
    int numBytes = json.integer(at + ".encrypted_contest_data.numBytes", e.get("numBytes"), 0, 1 << 16);
    byte[] c1 = json.blob(at + ".encrypted_contest_data.c1", e.get("c1"), 1 << 16);
    if (c1.length != (numBytes + 31) / 32 * 32) {
      throw json.fail(at + ".encrypted_contest_data.c1", "C1 must be numBytes rounded up to 32-byte blocks");
    }
    JsonNode p = d.get("proof");
    json.fields(at + ".proof", p, Set.of("challenge", "response"));
    JsonNode plain = d.get("contest_data");
    json.fields(at + ".contest_data", plain, Set.of("over_votes", "write_ins", "status"));
    List<Integer> over = new ArrayList<>();
    JsonNode ov = json.array(at + ".contest_data.over_votes", plain.get("over_votes"));
    for (int i = 0; i < ov.size(); i++) {
      over.add(json.integer(at + ".contest_data.over_votes[" + i + "]", ov.get(i), -1, Integer.MAX_VALUE));
    }
    List<String> writeIns = new ArrayList<>();
    JsonNode wi = json.array(at + ".contest_data.write_ins", plain.get("write_ins"));
    for (int i = 0; i < wi.size(); i++) {
      writeIns.add(json.text(at + ".contest_data.write_ins[" + i + "]", wi.get(i)));
    }
    return new ContestData(contest, json.element(at + ".encrypted_contest_data.c0", e.get("c0")), c1,
        json.hash(at + ".encrypted_contest_data.c2", e.get("c2")), numBytes, json.element(at + ".beta", d.get("beta")),
        json.scalar(at + ".proof.challenge", p.get("challenge")), json.scalar(at + ".proof.response", p.get("response")),
        new Plaintext(over, writeIns, json.text(at + ".contest_data.status", plain.get("status"))));
  }
}
