package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One encrypted ballot of an egk or egk-ec record
 * ({@code encrypted_ballots/<device>/eballot-<id>.json}), read strictly (file and JSON path on any
 * refusal); elements in their stored form ({@link EgGroup}).
 *
 * @param file where it was read from (for findings)
 * @param id ballot_id
 * @param electionId the H_E it claims
 * @param confirmationCode its confirmation code
 * @param codeBaux the auxiliary bytes hashed into the code
 * @param state CAST, CHALLENGED, SPOILED or UNKNOWN
 * @param preEncrypted whether it is a pre-encrypted ballot (not supported yet)
 * @param contests its contests
 * @param device the encrypting device (a chain of confirmation codes is per device)
 * @param serialNumber the encrypted ballot serial number (α, β), as stored
 */
public record EgBallot(String file, String id, byte[] electionId, byte[] confirmationCode, byte[] codeBaux, String state,
    boolean preEncrypted, List<Contest> contests, String device, BigInteger[] serialNumber) {

  /** A Z_p pair and its compact range proof (c_j, v_j), j = 0..R. */
  public record Encrypted(BigInteger alpha, BigInteger beta, List<BigInteger> challenges, List<BigInteger> responses) {}

  /**
   * A contest: its index, the limit it states (egk does, egk-ec does not: the manifest's applies),
   * claimed hash, selections and the limit proof on their product.
   */
  public record Contest(String id, int sequenceOrder, java.util.OptionalInt votesAllowed, byte[] contestHash, List<Selection> selections,
      List<BigInteger> limitChallenges, List<BigInteger> limitResponses, ContestData contestData) {}

  /** A contest's encrypted contest data: hashed ElGamal (C0, C1, C2) of numBytes bytes. */
  public record ContestData(BigInteger c0, byte[] c1, byte[] c2, int numBytes) {
    /** Copies. */
    public ContestData {
      c1 = c1.clone();
      c2 = c2.clone();
    }

    /** Whether this is the same ciphertext as {@code other}'s. */
    public boolean sameAs(BigInteger otherC0, byte[] otherC1, byte[] otherC2, int otherNumBytes) {
      return c0.equals(otherC0) && java.util.Arrays.equals(c1, otherC1) && java.util.Arrays.equals(c2, otherC2)
          && numBytes == otherNumBytes;
    }
  }

  /** A selection. */
  public record Selection(String id, int sequenceOrder, Encrypted vote) {}

  /** Every ballot under {@code dir/encrypted_ballots} (none if it is absent), in path order. */
  public static List<EgBallot> readAll(Path dir) throws IOException, EgRecordException {
    return readAll(dir, EgFormat.read(dir));
  }

  /** The same, in a format already read. */
  public static List<EgBallot> readAll(Path dir, EgFormat format) throws IOException, EgRecordException {
    List<Path> files = EgJson.jsonFiles(dir.resolve("encrypted_ballots"));
    List<EgBallot> out = new ArrayList<>();
    for (Path f : files) {
      out.add(read(f, dir.relativize(f).toString(), format));
    }
    return out;
  }

  static EgBallot read(Path f, String name, EgFormat format) throws IOException, EgRecordException {
    EgJson r = new EgJson(name, format);
    boolean hex = format.encoding() == EgFormat.Encoding.HEX;
    JsonNode b = r.parse(f);
    r.fields("$", b, Set.of("ballot_id", "ballot_style_id", "encrypting_device", "timestamp", "code_baux",
        "confirmation_code", "election_id", "contests", "state", "encrypted_sn", "is_preencrypt"));
    List<Contest> contests = new ArrayList<>();
    JsonNode cs = r.array("$.contests", b.get("contests"));
    for (int i = 0; i < cs.size(); i++) {
      String at = "$.contests[" + i + "]";
      JsonNode c = cs.get(i);
      r.fields(at, c, hex ? Set.of("contest_id", "sequence_order", "votes_allowed", "contest_hash", "selections", "proof",
          "encrypted_contest_data") : Set.of("contest_id", "sequence_order", "contest_hash", "selections", "proof",
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
        proof(r, sat + ".proof", s.get("proof"), ch, re);
        selections.add(new Selection(r.text(sat + ".selection_id", s.get("selection_id")),
            r.integer(sat + ".sequence_order", s.get("sequence_order"), 0, Integer.MAX_VALUE),
            new Encrypted(r.element(sat + ".encrypted_vote.pad", v.get("pad")), r.element(sat + ".encrypted_vote.data",
                v.get("data")), ch, re)));
      }
      List<BigInteger> ch = new ArrayList<>();
      List<BigInteger> re = new ArrayList<>();
      proof(r, at + ".proof", c.get("proof"), ch, re);
      String dat = at + ".encrypted_contest_data";
      JsonNode d = c.get("encrypted_contest_data");
      r.fields(dat, d, Set.of("c0", "c1", "c2", "numBytes"));
      ContestData data = new ContestData(r.element(dat + ".c0", d.get("c0")), r.blob(dat + ".c1", d.get("c1"), 1 << 16),
          r.hash(dat + ".c2", d.get("c2")), r.integer(dat + ".numBytes", d.get("numBytes"), 0, 1 << 16));
      contests.add(new Contest(r.text(at + ".contest_id", c.get("contest_id")), r.integer(at + ".sequence_order",
          c.get("sequence_order"), 0, Integer.MAX_VALUE), hex ? java.util.OptionalInt.of(r.integer(at + ".votes_allowed",
          c.get("votes_allowed"), 0, 1 << 10)) : java.util.OptionalInt.empty(), r.hash(at + ".contest_hash",
          c.get("contest_hash")), selections, ch, re, data));
    }
    boolean pre = r.bool("$.is_preencrypt", b.get("is_preencrypt"));
    JsonNode sn = b.get("encrypted_sn");
    r.fields("$.encrypted_sn", sn, Set.of("pad", "data"));
    BigInteger[] serial = {r.element("$.encrypted_sn.pad", sn.get("pad")), r.element("$.encrypted_sn.data", sn.get("data"))};
    // code_baux is uppercase hex in both layouts: egk-ec writes it with toHex() beside its base64
    return new EgBallot(name, r.text("$.ballot_id", b.get("ballot_id")), r.hash("$.election_id", b.get("election_id")),
        r.hash("$.confirmation_code", b.get("confirmation_code")), r.bytes("$.code_baux", b.get("code_baux"), 1 << 16, false), state(r, b.get("state")), pre, contests, r.text("$.encrypting_device", b.get("encrypting_device")),
        serial);
  }

  /** The states egk and egk-ec write. */
  static final Set<String> STATES = Set.of("CAST", "CHALLENGED", "SPOILED", "UNKNOWN");

  private static String state(EgJson r, JsonNode v) throws EgRecordException {
    String s = r.text("$.state", v);
    if (!STATES.contains(s)) {
      throw r.fail("$.state", "one of " + new java.util.TreeSet<>(STATES) + " is required, not " + s);
    }
    return s;
  }

  /** A compact proof's parts (c_j, v_j), 1..1024 of them. */
  private static void proof(EgJson r, String at, JsonNode p, List<BigInteger> challenges, List<BigInteger> responses)
      throws EgRecordException {
    r.fields(at, p, Set.of("proofs"));
    JsonNode ps = r.array(at + ".proofs", p.get("proofs"));
    if (ps.isEmpty() || ps.size() > 1 << 10) {
      throw r.fail(at + ".proofs", "1..1024 proof parts are required");
    }
    for (int j = 0; j < ps.size(); j++) {
      String pat = at + ".proofs[" + j + "]";
      r.fields(pat, ps.get(j), Set.of("challenge", "response"));
      challenges.add(r.scalar(pat + ".challenge", ps.get(j).get("challenge")));
      responses.add(r.scalar(pat + ".response", ps.get(j).get("response")));
    }
  }
}
