package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;

/**
 * Checks egk's ballot-side ElectionGuard 2.0 test vectors, converted into our format
 * (test-vectors/electionguard, kinds {@code eg-ballot-encryption}, {@code eg-confirmation-code} and
 * {@code eg-decrypt-with-nonce};
 * SPEC.md §5–6), with this module's own formulas: selection nonces
 * ξ = H_q(H_E; 0x20 ‖ ξ_B ‖ contest ‖ option) (labels as UTF-8, or indices as I2OSP(·, 4), as each
 * vector states), encryptions (g^ξ, K^(m+ξ)), compact range and limit proofs, contest hashes
 * χ = H(H_E; 0x23 ‖ contest ‖ K ‖ α_1 ‖ β_1 ‖ …), confirmation codes H(H_E; 0x24 ‖ χ_1 ‖ … ‖ B_aux)
 * and the chain of B_aux. Each method returns whether every value of the vector reproduces.
 */
public final class EgKnownAnswers {
  private EgKnownAnswers() {}

  private static final EgParameters PARAMETERS = EgParameters.standard();

  /** Encryption, nonces and proofs of an {@code eg-ballot-encryption} vector. */
  public static boolean ballotEncryption(JsonNode v) throws InvalidEncodingException {
    Group g = EgParameters.group();
    BigInteger q = PARAMETERS.q();
    BigInteger k = num(v.get("joint_public_key"));
    byte[] he = bytes(v.get("extended_base_hash"));
    EgVerifier.Bases bases = EgVerifier.Bases.of(element(g, k));
    boolean ok = v.get("ballots").size() > 0;
    for (JsonNode ballot : v.get("ballots")) {
      byte[] ballotNonce = bytes(ballot.get("ballot_nonce"));
      for (JsonNode contest : ballot.get("contests")) {
        Element productA = g.identity();
        Element productB = g.identity();
        for (JsonNode s : contest.get("selections")) {
          BigInteger xi = nonce(he, ballotNonce, contest, s, "labels");
          ok &= xi.equals(num(s.get("nonce")));
          Element alpha = bases.g().exp(g.scalar(xi));
          Element beta = bases.k().exp(g.scalar(xi.add(BigInteger.valueOf(s.get("vote").asInt())).mod(q)));
          ok &= alpha.equals(element(g, num(s.get("pad")))) && beta.equals(element(g, num(s.get("data"))));
          ok &= proof(q, k, he, bases, alpha, beta, 1, s.get("proof"));
          productA = productA.mul(alpha);
          productB = productB.mul(beta);
        }
        ok &= proof(q, k, he, bases, productA, productB, contest.get("votes_allowed").asInt(), contest.get("limit_proof"));
      }
    }
    return ok;
  }

  /** Contest hashes, confirmation codes and (with {@code baux0}) the chain of an {@code eg-confirmation-code} vector. */
  public static boolean confirmationCodes(JsonNode v) throws InvalidEncodingException {
    Group g = EgParameters.group();
    BigInteger q = PARAMETERS.q();
    BigInteger k = num(v.get("joint_public_key"));
    byte[] he = bytes(v.get("extended_base_hash"));
    EgVerifier.Bases bases = EgVerifier.Bases.of(element(g, k));
    String nonceForm = v.get("nonce_form").asText();
    boolean labelHash = "label".equals(v.get("contest_hash_form").asText());
    byte[] baux0 = v.has("baux0") ? bytes(v.get("baux0")) : null;
    byte[] previous = null;
    boolean ok = v.get("ballots").size() > 0;
    for (JsonNode ballot : v.get("ballots")) {
      byte[] ballotNonce = bytes(ballot.get("ballot_nonce"));
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
          chi.bytes(bases.g().exp(g.scalar(xi)).encode())
              .bytes(bases.k().exp(g.scalar(xi.add(BigInteger.valueOf(s.get("vote").asInt())).mod(q))).encode());
        }
        byte[] contestHash = EgHash.h(he, chi.toByteArray());
        ok &= MessageDigest.isEqual(contestHash, bytes(contest.get("contest_hash")));
        code.bytes(contestHash);
      }
      byte[] baux = bytes(ballot.get("code_baux"));
      if (baux0 != null) {
        byte[] expected = previous == null ? EgHash.h(he, new EgHash.Message(0x24).bytes(baux0).toByteArray())
            : EgVerifier.chainLink(previous, baux0);
        ok &= MessageDigest.isEqual(expected, baux);
      }
      byte[] confirmation = EgHash.h(he, code.bytes(baux).toByteArray());
      ok &= MessageDigest.isEqual(confirmation, bytes(ballot.get("confirmation_code")));
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
    Group g = EgParameters.group();
    BigInteger k = num(v.get("joint_public_key"));
    byte[] he = bytes(v.get("extended_base_hash"));
    EgVerifier.Bases bases = EgVerifier.Bases.of(element(g, k));
    byte[] ballotNonce = bytes(v.get("ballot_nonce"));
    boolean ok = v.get("selections").size() > 0;
    for (JsonNode s : v.get("selections")) {
      BigInteger xi = EgHash.hq(he, new EgHash.Message(0x20).bytes(ballotNonce)
          .bytes(s.get("contest").asText().getBytes(StandardCharsets.UTF_8))
          .bytes(s.get("option").asText().getBytes(StandardCharsets.UTF_8)).toByteArray(), PARAMETERS.q());
      Element alpha = element(g, num(s.get("pad")));
      Element beta = element(g, num(s.get("data")));
      ok &= bases.g().exp(g.scalar(xi)).equals(alpha);
      Element plaintext = beta.div(bases.k().exp(g.scalar(xi)));
      ok &= plaintext.equals(bases.k().expPublic(g.scalar(s.get("vote").asInt())));
    }
    return ok;
  }

  private static BigInteger nonce(byte[] he, byte[] ballotNonce, JsonNode contest, JsonNode selection, String form) {
    EgHash.Message m = new EgHash.Message(0x20).bytes(ballotNonce);
    if ("labels".equals(form)) {
      m.bytes(contest.get("label").asText().getBytes(StandardCharsets.UTF_8))
          .bytes(selection.get("label").asText().getBytes(StandardCharsets.UTF_8));
    } else {
      m.int4(contest.get("index").asInt()).int4(selection.get("index").asInt());
    }
    return EgHash.hq(he, m.toByteArray(), PARAMETERS.q());
  }

  private static boolean proof(BigInteger q, BigInteger k, byte[] he, EgVerifier.Bases bases, Element alpha, Element beta,
      int limit, JsonNode parts) {
    List<BigInteger> challenges = new ArrayList<>();
    List<BigInteger> responses = new ArrayList<>();
    for (JsonNode p : parts) {
      challenges.add(num(p.get("c")));
      responses.add(num(p.get("v")));
    }
    return EgVerifier.rangeProof(q, k, he, bases, alpha, beta, limit, challenges, responses);
  }

  private static BigInteger num(JsonNode n) {
    return new BigInteger(1, bytes(n));
  }

  private static byte[] bytes(JsonNode n) {
    return HexFormat.of().parseHex(n.asText());
  }

  private static Element element(Group g, BigInteger x) throws InvalidEncodingException {
    return g.decode(EgHash.fixed(x, g.elementLength()));
  }
}
