package org.tabella.electionguard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One encrypted ballot of an egk record ({@code encrypted_ballots/<device>/eballot-<id>.json}),
 * read strictly (file and JSON path on any refusal).
 *
 * @param file where it was read from (for findings)
 * @param id ballot_id
 * @param electionId the H_E it claims
 * @param confirmationCode its confirmation code
 * @param codeBaux the auxiliary bytes hashed into the code
 * @param state CAST or SPOILED
 * @param preEncrypted whether it is a pre-encrypted ballot (not supported yet)
 * @param contests its contests
 */
public record EgBallot(String file, String id, byte[] electionId, byte[] confirmationCode, byte[] codeBaux, String state,
    boolean preEncrypted, List<Contest> contests) {

  /** A Z_p pair and its compact range proof (c_j, v_j), j = 0..R. */
  public record Encrypted(BigInteger alpha, BigInteger beta, List<BigInteger> challenges, List<BigInteger> responses) {}

  /** A contest: its index, limit, claimed hash, selections and the limit proof on their product. */
  public record Contest(String id, int sequenceOrder, int votesAllowed, byte[] contestHash, List<Selection> selections,
      List<BigInteger> limitChallenges, List<BigInteger> limitResponses) {}

  /** A selection. */
  public record Selection(String id, int sequenceOrder, Encrypted vote) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  /** Every ballot under {@code dir/encrypted_ballots} (none if it is absent), in path order. */
  public static List<EgBallot> readAll(Path dir) throws IOException, EgRecordException {
    Path root = dir.resolve("encrypted_ballots");
    List<EgBallot> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      out.add(read(f, dir.relativize(f).toString()));
    }
    return out;
  }

  static EgBallot read(Path f, String name) throws IOException, EgRecordException {
    JsonNode b;
    try {
      b = JSON.readTree(Files.readString(f));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new EgRecordException(name, "$", "not JSON: " + e.getOriginalMessage());
    }
    Reader r = new Reader(name);
    r.fields("$", b, Set.of("ballot_id", "ballot_style_id", "encrypting_device", "timestamp", "code_baux",
        "confirmation_code", "election_id", "contests", "state", "encrypted_sn", "is_preencrypt"));
    List<Contest> contests = new ArrayList<>();
    JsonNode cs = r.array("$.contests", b.get("contests"));
    for (int i = 0; i < cs.size(); i++) {
      String at = "$.contests[" + i + "]";
      JsonNode c = cs.get(i);
      r.fields(at, c, Set.of("contest_id", "sequence_order", "votes_allowed", "contest_hash", "selections", "proof",
          "encrypted_contest_data"));
      List<Selection> selections = new ArrayList<>();
      JsonNode ss = r.array(at + ".selections", c.get("selections"));
      for (int j = 0; j < ss.size(); j++) {
        String sat = at + ".selections[" + j + "]";
        JsonNode s = ss.get(j);
        r.fields(sat, s, Set.of("selection_id", "sequence_order", "encrypted_vote", "proof"));
        JsonNode v = s.get("encrypted_vote");
        r.fields(sat + ".encrypted_vote", v, Set.of("pad", "data"));
        List<BigInteger> ch = new ArrayList<>();
        List<BigInteger> re = new ArrayList<>();
        r.proof(sat + ".proof", s.get("proof"), ch, re);
        selections.add(new Selection(r.text(sat + ".selection_id", s.get("selection_id")),
            r.integer(sat + ".sequence_order", s.get("sequence_order")),
            new Encrypted(r.hex(sat + ".encrypted_vote.pad", v.get("pad"), 512), r.hex(sat + ".encrypted_vote.data",
                v.get("data"), 512), ch, re)));
      }
      List<BigInteger> ch = new ArrayList<>();
      List<BigInteger> re = new ArrayList<>();
      r.proof(at + ".proof", c.get("proof"), ch, re);
      contests.add(new Contest(r.text(at + ".contest_id", c.get("contest_id")), r.integer(at + ".sequence_order",
          c.get("sequence_order")), r.integer(at + ".votes_allowed", c.get("votes_allowed")),
          r.bytes(at + ".contest_hash", c.get("contest_hash"), 32, true), selections, ch, re));
    }
    JsonNode pre = b.get("is_preencrypt");
    if (!pre.isBoolean()) {
      throw new EgRecordException(name, "$.is_preencrypt", "a boolean is required");
    }
    return new EgBallot(name, r.text("$.ballot_id", b.get("ballot_id")), r.bytes("$.election_id", b.get("election_id"), 32, true),
        r.bytes("$.confirmation_code", b.get("confirmation_code"), 32, true), r.bytes("$.code_baux", b.get("code_baux"), 1 << 16,
            false), r.text("$.state", b.get("state")), pre.asBoolean(), contests);
  }

  private record Reader(String file) {
    void fields(String at, JsonNode o, Set<String> allowed) throws EgRecordException {
      if (o == null || !o.isObject()) {
        throw new EgRecordException(file, at, "an object is required");
      }
      for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
        String f = it.next();
        if (!allowed.contains(f)) {
          throw new EgRecordException(file, at + "." + f, "unknown field");
        }
      }
      for (String f : allowed) {
        if (!o.has(f)) {
          throw new EgRecordException(file, at + "." + f, "missing field");
        }
      }
    }

    JsonNode array(String at, JsonNode a) throws EgRecordException {
      if (a == null || !a.isArray()) {
        throw new EgRecordException(file, at, "an array is required");
      }
      return a;
    }

    String text(String at, JsonNode v) throws EgRecordException {
      if (v == null || !v.isTextual()) {
        throw new EgRecordException(file, at, "a string is required");
      }
      return v.asText();
    }

    int integer(String at, JsonNode v) throws EgRecordException {
      if (v == null || !v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
        throw new EgRecordException(file, at, "a non-negative integer is required");
      }
      return v.asInt();
    }

    byte[] bytes(String at, JsonNode v, int max, boolean exact) throws EgRecordException {
      String s = text(at, v);
      if (!s.matches("([0-9A-F]{2})*") || s.length() > 2 * max || (exact && s.length() != 2 * max)) {
        throw new EgRecordException(file, at, "uppercase hex of " + (exact ? "" : "at most ") + max + " bytes is required");
      }
      return HexFormat.of().parseHex(s);
    }

    BigInteger hex(String at, JsonNode v, int max) throws EgRecordException {
      return new BigInteger(1, bytes(at, v, max, false));
    }

    void proof(String at, JsonNode p, List<BigInteger> challenges, List<BigInteger> responses) throws EgRecordException {
      fields(at, p, Set.of("proofs"));
      JsonNode ps = array(at + ".proofs", p.get("proofs"));
      if (ps.isEmpty() || ps.size() > 1 << 10) {
        throw new EgRecordException(file, at + ".proofs", "1..1024 proof parts are required");
      }
      for (int j = 0; j < ps.size(); j++) {
        String pat = at + ".proofs[" + j + "]";
        fields(pat, ps.get(j), Set.of("challenge", "response"));
        challenges.add(hex(pat + ".challenge", ps.get(j).get("challenge"), 32));
        responses.add(hex(pat + ".response", ps.get(j).get("response"), 32));
      }
    }
  }
}
