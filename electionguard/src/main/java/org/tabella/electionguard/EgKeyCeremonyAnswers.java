package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;

/**
 * Checks egk's key-ceremony-side test vectors, converted into our format (test-vectors/electionguard,
 * kinds {@code eg-parameters}, {@code eg-key-ceremony} and {@code eg-share-encryption}; SPEC.md
 * §6.6). egk made them in July 2023, before spec 2.0 was final, and they follow that revision
 * (named {@code egk-2023-07} in the vectors; the records follow 2.0 as published): indices and the
 * KDF's length are 2 bytes, H_B hashes a date and a jurisdiction string, and H_E hashes every
 * coefficient commitment after K. A vector of another revision is refused. The vectors' secrets are
 * published test data, so the tables' public (variable-time) path serves them.
 */
public final class EgKeyCeremonyAnswers {
  private EgKeyCeremonyAnswers() {}

  /** The one revision these vectors follow. */
  public static final String REVISION = EgVectorValues.REVISION;

  /** H_P of the stated primes and version, and H_B in revision egk-2023-07. */
  public static boolean parameters(JsonNode v) {
    EgVectorValues.requireRevision(v);
    EgParameters p = new EgParameters(EgVectorValues.num(v.get("p")), EgVectorValues.num(v.get("q")), EgVectorValues.num(v.get("g")));
    byte[] hp = p.parameterBaseHash(v.get("version").asText());
    byte[] hb = EgHash.h(hp, new EgHash.Message(0x02).int2(v.get("guardians").asInt()).int2(v.get("quorum").asInt())
        .bytes(EgVectorValues.utf8(v.get("date"))).bytes(EgVectorValues.utf8(v.get("jurisdiction"))).bytes(EgVectorValues.bytes(v.get("manifest_hash"))).toByteArray());
    return p.isStandard() && MessageDigest.isEqual(hp, EgVectorValues.bytes(v.get("parameter_base_hash")))
        && MessageDigest.isEqual(hb, EgVectorValues.bytes(v.get("election_base_hash")));
  }

  /**
   * Each guardian's commitments K_ij = g^{a_ij} and Schnorr proofs (c, v) from the stated nonces
   * u_ij: c = H_q(H_P; 0x10 ‖ b(i,2) ‖ b(j,2) ‖ K_ij ‖ g^u), v = u − a·c, and the proof verifies as
   * step 2 checks it (g^v·K^c = g^u); the joint key K = Π K_i0; H_E = H(H_B; 0x12 ‖ K ‖ every K_ij).
   */
  public static boolean keyCeremony(JsonNode v) throws InvalidEncodingException {
    EgVectorValues.requireRevision(v);
    Group g = EgParameters.modpGroup();
    BigInteger q = g.order();
    byte[] hp = EgVectorValues.bytes(v.get("parameter_base_hash"));
    Element joint = g.identity();
    EgHash.Message he = new EgHash.Message(0x12);
    List<Element> commitments = new ArrayList<>();
    boolean ok = v.get("guardians").size() > 0;
    for (JsonNode guardian : v.get("guardians")) {
      int i = guardian.get("x").asInt();
      for (int j = 0; j < guardian.get("coefficients").size(); j++) {
        BigInteger a = EgVectorValues.num(guardian.get("coefficients").get(j));
        BigInteger u = EgVectorValues.num(guardian.get("proof_nonces").get(j));
        JsonNode proof = guardian.get("proofs").get(j);
        Element k = g.generatorTable().expPublic(g.scalar(a));
        Element h = g.generatorTable().expPublic(g.scalar(u));
        BigInteger c = EgHash.hq(hp, new EgHash.Message(0x10).int2(i).int2(j).bytes(k.encode()).bytes(h.encode()).toByteArray(), q);
        BigInteger response = u.subtract(a.multiply(c)).mod(q);
        ok &= k.equals(EgVectorValues.element(g, EgVectorValues.num(proof.get("commitment")))) && c.equals(EgVectorValues.num(proof.get("c")))
            && response.equals(EgVectorValues.num(proof.get("v")));
        ok &= g.generatorTable().expPublic(g.scalar(response)).mul(k.expPublic(g.scalar(c))).equals(h);
        commitments.add(k);
        if (j == 0) {
          joint = joint.mul(k);
        }
      }
    }
    ok &= joint.equals(EgVectorValues.element(g, EgVectorValues.num(v.get("joint_public_key"))));
    he.bytes(joint.encode());
    commitments.forEach(k -> he.bytes(k.encode()));
    return ok && MessageDigest.isEqual(EgHash.h(EgVectorValues.bytes(v.get("election_base_hash")), he.toByteArray()),
        EgVectorValues.bytes(v.get("extended_base_hash")));
  }

  /**
   * Every share P_i(l) is the sender's polynomial at l and encrypts, with the stated nonce ξ, to the
   * stated (C0, C1, C2) under K_l = g^{a_l0}: C0 = g^ξ, k = H(H_P; 0x11 ‖ b(i,2) ‖ b(l,2) ‖ K_l ‖ C0 ‖ K_l^ξ),
   * k_t = HMAC(k, b(t,1) ‖ "share_enc_keys" ‖ 0x00 ‖ "share_encrypt" ‖ b(i,2) ‖ b(l,2) ‖ b(512,2)),
   * C1 = b(P_i(l),32) ⊕ k_2, C2 = HMAC(k_1, C0 ‖ C1); the recipient, knowing a_l0, recovers P_i(l)
   * from (C0, C1, C2) alone after checking C2; and each guardian's key share is the sum of the
   * shares of it, its own included.
   */
  public static boolean shareEncryption(JsonNode v) throws InvalidEncodingException {
    EgVectorValues.requireRevision(v);
    Group g = EgParameters.modpGroup();
    BigInteger q = g.order();
    byte[] hp = EgVectorValues.bytes(v.get("parameter_base_hash"));
    Map<Integer, List<BigInteger>> polynomials = new HashMap<>();
    for (JsonNode guardian : v.get("guardians")) {
      List<BigInteger> a = new ArrayList<>();
      guardian.get("coefficients").forEach(c -> a.add(EgVectorValues.num(c)));
      polynomials.put(guardian.get("x").asInt(), a);
    }
    boolean ok = v.get("shares").size() > 0;
    for (JsonNode share : v.get("shares")) {
      int i = share.get("from").asInt();
      int l = share.get("to").asInt();
      BigInteger value = evaluate(polynomials.get(i), l, q);
      ok &= value.equals(EgVectorValues.num(share.get("value")));
      BigInteger xi = EgVectorValues.num(share.get("nonce"));
      BigInteger secret = polynomials.get(l).get(0);
      Element kl = g.generatorTable().expPublic(g.scalar(secret));
      Element c0 = g.generatorTable().expPublic(g.scalar(xi));
      ok &= c0.equals(EgVectorValues.element(g, EgVectorValues.num(share.get("c0"))));
      // the sender's view: β = K_l^ξ; the recipient's: β = C0^{a_l0}; the same key
      byte[] key = shareKey(hp, i, l, kl, c0, kl.expPublic(g.scalar(xi)));
      byte[] receiverKey = shareKey(hp, i, l, kl, c0, c0.expPublic(g.scalar(secret)));
      byte[] k1 = EgHash.h(key, kdfInput(1, i, l));
      byte[] k2 = EgHash.h(key, kdfInput(2, i, l));
      byte[] c1 = EgHash.fixed(value, 32);
      for (int t = 0; t < 32; t++) {
        c1[t] ^= k2[t];
      }
      byte[] c2 = EgHash.h(k1, EgHash.concat(c0.encode(), c1));
      ok &= MessageDigest.isEqual(c1, EgVectorValues.bytes(share.get("c1"))) && MessageDigest.isEqual(c2, EgVectorValues.bytes(share.get("c2")))
          && MessageDigest.isEqual(key, receiverKey);
    }
    for (JsonNode ks : v.get("key_shares")) {
      int x = ks.get("x").asInt();
      BigInteger sum = BigInteger.ZERO;
      for (List<BigInteger> a : polynomials.values()) {
        sum = sum.add(evaluate(a, x, q));
      }
      ok &= sum.mod(q).equals(EgVectorValues.num(ks.get("key_share")));
    }
    return ok;
  }

  private static byte[] shareKey(byte[] hp, int i, int l, Element kl, Element c0, Element beta) {
    return EgHash.h(hp, new EgHash.Message(0x11).int2(i).int2(l).bytes(kl.encode()).bytes(c0.encode()).bytes(beta.encode())
        .toByteArray());
  }

  /** b(t,1) ‖ "share_enc_keys" ‖ 0x00 ‖ "share_encrypt" ‖ b(i,2) ‖ b(l,2) ‖ b(512,2). */
  private static byte[] kdfInput(int t, int i, int l) {
    return new EgHash.Message(t).bytes("share_enc_keys".getBytes(StandardCharsets.UTF_8)).bytes(new byte[1])
        .bytes("share_encrypt".getBytes(StandardCharsets.UTF_8)).int2(i).int2(l).int2(512).toByteArray();
  }

  private static BigInteger evaluate(List<BigInteger> coefficients, int x, BigInteger q) {
    BigInteger y = BigInteger.ZERO;
    for (int j = coefficients.size() - 1; j >= 0; j--) {
      y = y.multiply(BigInteger.valueOf(x)).add(coefficients.get(j)).mod(q);
    }
    return y;
  }
}
