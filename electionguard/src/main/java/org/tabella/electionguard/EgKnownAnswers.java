package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;

/**
 * Checks egk's ballot-side ElectionGuard 2.0 test vectors, converted into our format
 * (test-vectors/electionguard, kinds {@code eg-ballot-encryption}, {@code eg-confirmation-code},
 * {@code eg-decrypt-with-nonce}, {@code eg-threshold-decryption} and {@code eg-aggregation};
 * SPEC.md §5–6), with this module's own formulas: selection nonces
 * ξ = H_q(H_E; 0x20 ‖ ξ_B ‖ contest ‖ option) (labels as UTF-8, or indices as I2OSP(·, 4), as each
 * vector states), encryptions (g^ξ, K^(m+ξ)), compact range and limit proofs, contest hashes
 * χ = H(H_E; 0x23 ‖ contest ‖ K ‖ α_1 ‖ β_1 ‖ …), confirmation codes H(H_E; 0x24 ‖ χ_1 ‖ … ‖ B_aux)
 * and the chain of B_aux. Each method returns whether every value of the vector reproduces. The
 * vectors' nonces are published test data, so the tables' public (variable-time) path serves them.
 */
public final class EgKnownAnswers {
  private EgKnownAnswers() {}

  private static final EgParameters PARAMETERS = EgParameters.standard();

  /** Encryption, nonces and proofs of an {@code eg-ballot-encryption} vector. */
  public static boolean ballotEncryption(JsonNode v) throws InvalidEncodingException {
    Group g = EgParameters.modpGroup();
    BigInteger q = PARAMETERS.q();
    BigInteger k = EgVectorValues.num(v.get("joint_public_key"));
    byte[] he = EgVectorValues.bytes(v.get("extended_base_hash"));
    EgVerifier.Bases bases = EgVerifier.Bases.of(EgVectorValues.element(g, k));
    boolean ok = v.get("ballots").size() > 0;
    for (JsonNode ballot : v.get("ballots")) {
      byte[] ballotNonce = EgVectorValues.bytes(ballot.get("ballot_nonce"));
      for (JsonNode contest : ballot.get("contests")) {
        Element productA = g.identity();
        Element productB = g.identity();
        for (JsonNode s : contest.get("selections")) {
          BigInteger xi = nonce(he, ballotNonce, contest, s, "labels");
          ok &= xi.equals(EgVectorValues.num(s.get("nonce")));
          Element alpha = bases.g().expPublic(g.scalar(xi));
          Element beta = bases.k().expPublic(g.scalar(xi.add(BigInteger.valueOf(s.get("vote").asInt())).mod(q)));
          ok &= alpha.equals(EgVectorValues.element(g, EgVectorValues.num(s.get("pad")))) && beta.equals(EgVectorValues.element(g, EgVectorValues.num(s.get("data"))));
          ok &= proof(k, he, bases, alpha, beta, 1, s.get("proof"));
          productA = productA.mul(alpha);
          productB = productB.mul(beta);
        }
        ok &= proof(k, he, bases, productA, productB, contest.get("votes_allowed").asInt(), contest.get("limit_proof"));
      }
    }
    return ok;
  }

  /** Contest hashes, confirmation codes and (with {@code baux0}) the chain of an {@code eg-confirmation-code} vector. */
  public static boolean confirmationCodes(JsonNode v) throws InvalidEncodingException {
    Group g = EgParameters.modpGroup();
    BigInteger q = PARAMETERS.q();
    BigInteger k = EgVectorValues.num(v.get("joint_public_key"));
    byte[] he = EgVectorValues.bytes(v.get("extended_base_hash"));
    EgVerifier.Bases bases = EgVerifier.Bases.of(EgVectorValues.element(g, k));
    String nonceForm = v.get("nonce_form").asText();
    boolean labelHash = "label".equals(v.get("contest_hash_form").asText());
    byte[] baux0 = v.has("baux0") ? EgVectorValues.bytes(v.get("baux0")) : null;
    byte[] previous = null;
    boolean ok = v.get("ballots").size() > 0;
    for (JsonNode ballot : v.get("ballots")) {
      byte[] ballotNonce = EgVectorValues.bytes(ballot.get("ballot_nonce"));
      EgHash.Message code = new EgHash.Message(0x24);
      for (JsonNode contest : ballot.get("contests")) {
        EgHash.Message chi = new EgHash.Message(0x23);
        if (labelHash) {
          chi.bytes(contest.get("label").asText().getBytes(StandardCharsets.UTF_8));
        } else {
          chi.int4(contest.get("index").asInt());
        }
        chi.number(k, 512);
        for (JsonNode s : contest.get("selections")) {
          BigInteger xi = nonce(he, ballotNonce, contest, s, nonceForm);
          chi.bytes(bases.g().expPublic(g.scalar(xi)).encode())
              .bytes(bases.k().expPublic(g.scalar(xi.add(BigInteger.valueOf(s.get("vote").asInt())).mod(q))).encode());
        }
        byte[] contestHash = EgHash.h(he, chi.toByteArray());
        ok &= MessageDigest.isEqual(contestHash, EgVectorValues.bytes(contest.get("contest_hash")));
        code.bytes(contestHash);
      }
      byte[] baux = EgVectorValues.bytes(ballot.get("code_baux"));
      if (baux0 != null) {
        byte[] expected = previous == null ? EgHash.h(he, new EgHash.Message(0x24).bytes(baux0).toByteArray())
            : EgVerifier.chainLink(previous, baux0);
        ok &= MessageDigest.isEqual(expected, baux);
      }
      byte[] confirmation = EgHash.h(he, code.bytes(baux).toByteArray());
      ok &= MessageDigest.isEqual(confirmation, EgVectorValues.bytes(ballot.get("confirmation_code")));
      previous = confirmation;
    }
    return ok;
  }

  /**
   * An {@code eg-decrypt-with-nonce} vector: for each selection, ξ from the ballot's primary nonce
   * and the labels gives α = g^ξ, and β·K^-ξ = K^m for the stated vote (decryption by the voter's
   * device, spec 2.0 §3.3, without any guardian).
   */
  public static boolean decryptWithNonce(JsonNode v) throws InvalidEncodingException {
    Group g = EgParameters.modpGroup();
    BigInteger k = EgVectorValues.num(v.get("joint_public_key"));
    byte[] he = EgVectorValues.bytes(v.get("extended_base_hash"));
    EgVerifier.Bases bases = EgVerifier.Bases.of(EgVectorValues.element(g, k));
    byte[] ballotNonce = EgVectorValues.bytes(v.get("ballot_nonce"));
    boolean ok = v.get("selections").size() > 0;
    for (JsonNode s : v.get("selections")) {
      BigInteger xi = labelNonce(he, ballotNonce, s.get("contest").asText(), s.get("option").asText());
      Element alpha = EgVectorValues.element(g, EgVectorValues.num(s.get("pad")));
      Element beta = EgVectorValues.element(g, EgVectorValues.num(s.get("data")));
      ok &= bases.g().expPublic(g.scalar(xi)).equals(alpha);
      Element plaintext = beta.div(bases.k().expPublic(g.scalar(xi)));
      ok &= plaintext.equals(bases.k().expPublic(g.scalar(s.get("vote").asInt())));
    }
    return ok;
  }

  /**
   * An {@code eg-threshold-decryption} vector: every quorum of the guardians decrypts each selection
   * to its count ({@link EgThresholdDecryption}), and no set of k − 1 guardians does.
   */
  public static boolean thresholdDecryption(JsonNode v) throws InvalidEncodingException {
    Group g = EgParameters.modpGroup();
    Element k = EgVectorValues.element(g, EgVectorValues.num(v.get("joint_public_key")));
    int quorum = v.get("quorum").asInt();
    java.util.Map<Integer, BigInteger> shares = new java.util.TreeMap<>();
    for (JsonNode guardian : v.get("guardians")) {
      shares.put(guardian.get("x").asInt(), EgVectorValues.num(guardian.get("key_share")));
    }
    List<Element[]> selections = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (JsonNode s : v.get("selections")) {
      selections.add(new Element[] {EgVectorValues.element(g, EgVectorValues.num(s.get("pad"))), EgVectorValues.element(g, EgVectorValues.num(s.get("data")))});
      counts.add(s.get("count").asInt());
    }
    List<Integer> xs = new ArrayList<>(shares.keySet());
    boolean ok = !selections.isEmpty();
    for (int mask = 0; mask < 1 << xs.size(); mask++) {
      int size = Integer.bitCount(mask);
      if (size == quorum || (size == quorum - 1 && quorum > 1)) {
        List<Integer> subset = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
          if ((mask >> i & 1) != 0) {
            subset.add(xs.get(i));
          }
        }
        ok &= decryptsTo(k, selections, counts, shares, subset) == (size == quorum);
      }
    }
    return ok;
  }

  private static boolean decryptsTo(Element k, List<Element[]> selections, List<Integer> counts,
      java.util.Map<Integer, BigInteger> shares, List<Integer> subset) {
    for (int i = 0; i < selections.size(); i++) {
      java.util.Map<Integer, Element> partials = new java.util.TreeMap<>();
      for (int x : subset) {
        partials.put(x, EgThresholdDecryption.partial(selections.get(i)[0], shares.get(x)));
      }
      var t = EgThresholdDecryption.count(k, selections.get(i)[1], EgThresholdDecryption.combine(partials), 1000);
      if (t.isEmpty() || t.getAsInt() != counts.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** An {@code eg-aggregation} vector: the tally is the product, per selection, of the ballots' encryptions. */
  public static boolean aggregation(JsonNode v) throws InvalidEncodingException {
    Group g = EgParameters.modpGroup();
    JsonNode tally = v.get("tally");
    boolean ok = tally.size() > 0;
    for (int i = 0; i < tally.size(); i++) {
      Element a = g.identity();
      Element b = g.identity();
      for (JsonNode ballot : v.get("ballots")) {
        a = a.mul(EgVectorValues.element(g, EgVectorValues.num(ballot.get(i).get("pad"))));
        b = b.mul(EgVectorValues.element(g, EgVectorValues.num(ballot.get(i).get("data"))));
      }
      ok &= a.equals(EgVectorValues.element(g, EgVectorValues.num(tally.get(i).get("pad")))) && b.equals(EgVectorValues.element(g, EgVectorValues.num(tally.get(i).get("data"))));
    }
    return ok;
  }

  private static BigInteger nonce(byte[] he, byte[] ballotNonce, JsonNode contest, JsonNode selection, String form) {
    if ("labels".equals(form)) {
      return labelNonce(he, ballotNonce, contest.get("label").asText(), selection.get("label").asText());
    }
    return EgHash.hq(he, new EgHash.Message(0x20).bytes(ballotNonce).int4(contest.get("index").asInt())
        .int4(selection.get("index").asInt()).toByteArray(), PARAMETERS.q());
  }

  /** ξ = H_q(H_E; 0x20 ‖ ξ_B ‖ contest label ‖ option label), labels in UTF-8 without length. */
  private static BigInteger labelNonce(byte[] he, byte[] ballotNonce, String contest, String option) {
    return EgHash.hq(he, new EgHash.Message(0x20).bytes(ballotNonce).bytes(contest.getBytes(StandardCharsets.UTF_8))
        .bytes(option.getBytes(StandardCharsets.UTF_8)).toByteArray(), PARAMETERS.q());
  }

  private static boolean proof(BigInteger k, byte[] he, EgVerifier.Bases bases, Element alpha, Element beta,
      int limit, JsonNode parts) {
    List<BigInteger> challenges = new ArrayList<>();
    List<BigInteger> responses = new ArrayList<>();
    for (JsonNode p : parts) {
      challenges.add(EgVectorValues.num(p.get("c")));
      responses.add(EgVectorValues.num(p.get("v")));
    }
    return EgVerifier.rangeProof(k, he, bases, alpha, beta, limit, challenges, responses);
  }
}
