package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;

/**
 * Checks egk's two pre-encryption test vectors, converted into our format (kinds
 * {@code eg-pre-encryption} and {@code eg-pre-encryption-recorded}; SPEC.md §6.6), in the revision
 * they follow ({@code egk-2023-07}: spec 1.9 §4 as egk implemented it in July 2023). From the
 * ballot's primary nonce ξ_B, for contest Λ with options λ_1..λ_m and limit L, every selection σ
 * (each option, then {@code null1}..{@code nullL}) has the vector
 * E_σ,k = (g^ξ, K^(m+ξ)), ξ = H_q(H_E; 0x43 ‖ ξ_B ‖ Λ ‖ σ ‖ λ_k), m = 1 exactly when σ = λ_k; its
 * selection hash ψ_σ = H(H_E; 0x40 ‖ K ‖ α_1 ‖ β_1 ‖ …) mod q and short code the first five
 * uppercase hex digits of that hash; the contest's pre-encryption hash
 * χ = H(H_E; 0x41 ‖ Λ ‖ K ‖ ψ's in increasing order) and the ballot's confirmation code
 * H(H_E; 0x42 ‖ χ_1 ‖ … ‖ B_aux). A recorded ballot holds the vectors of the short codes the voter
 * chose, in increasing ψ order, their component-wise products as its selections (each with a 0/1
 * range proof), the contest's limit proof on their product (range 0..L), and the contest hash
 * H(b(H_E mod q, 32); 0x23 ‖ Λ ‖ K ‖ α_1 ‖ β_1 ‖ …). This profile is not used for records: their
 * pre-encrypted ballots (steps 15–19) are reported as not checked.
 */
public final class EgPreEncryptionAnswers {
  private EgPreEncryptionAnswers() {}

  /** One selection's pre-encryption: its vector and nonces, its hash ψ mod q and its short code. */
  record Selection(String label, List<Element[]> vector, List<BigInteger> nonces, BigInteger hash, String shortCode) {}

  /** A pre-encrypted ballot's every value reproduces from its primary nonce. */
  public static boolean preEncryption(JsonNode v) throws InvalidEncodingException {
    EgVectorValues.requireRevision(v);
    Group g = EgParameters.modpGroup();
    Element k = EgVectorValues.element(g, EgVectorValues.num(v.get("joint_public_key")));
    EgVerifier.Bases bases = EgVerifier.Bases.of(k);
    byte[] he = EgVectorValues.bytes(v.get("extended_base_hash"));
    byte[] xb = EgVectorValues.bytes(v.get("primary_nonce"));
    boolean ok = v.get("contests").size() > 0;
    EgHash.Message code = new EgHash.Message(0x42);
    for (JsonNode contest : v.get("contests")) {
      Map<String, Selection> all = preEncrypt(bases, he, xb, contest);
      JsonNode expected = contest.get("selections");
      ok &= expected.size() == all.size();
      for (JsonNode s : expected) {
        Selection mine = all.get(s.get("label").asText());
        if (mine == null) {
          return false;
        }
        ok &= mine.hash().equals(EgVectorValues.num(s.get("selection_hash"))) && mine.shortCode().equals(s.get("short_code").asText());
        ok &= s.get("nonces").size() == mine.nonces().size() && s.get("vector").size() == mine.vector().size();
        for (int i = 0; i < mine.nonces().size() && ok; i++) {
          ok &= mine.nonces().get(i).equals(EgVectorValues.num(s.get("nonces").get(i)));
          ok &= sameCiphertext(g, mine.vector().get(i), s.get("vector").get(i));
        }
      }
      byte[] chi = contestHash(he, k, contest.get("label").asText(), all);
      ok &= MessageDigest.isEqual(chi, EgVectorValues.bytes(contest.get("preencryption_hash")));
      code.bytes(chi);
    }
    byte[] confirmation = EgHash.h(he, code.bytes(EgVectorValues.bytes(v.get("code_baux"))).toByteArray());
    return ok && MessageDigest.isEqual(confirmation, EgVectorValues.bytes(v.get("confirmation_code")));
  }

  /** A recorded pre-encrypted ballot is what its primary nonce and the voter's short codes give, and its proofs verify. */
  public static boolean recorded(JsonNode v) throws InvalidEncodingException {
    EgVectorValues.requireRevision(v);
    Group g = EgParameters.modpGroup();
    BigInteger q = g.order();
    BigInteger kValue = EgVectorValues.num(v.get("joint_public_key"));
    Element k = EgVectorValues.element(g, kValue);
    EgVerifier.Bases bases = EgVerifier.Bases.of(k);
    byte[] he = EgVectorValues.bytes(v.get("extended_base_hash"));
    byte[] heModQ = EgHash.fixed(new BigInteger(1, he).mod(q), 32);
    byte[] xb = EgVectorValues.bytes(v.get("primary_nonce"));
    boolean ok = v.get("contests").size() > 0;
    EgHash.Message code = new EgHash.Message(0x42);
    for (JsonNode contest : v.get("contests")) {
      Map<String, Selection> all = preEncrypt(bases, he, xb, contest);
      JsonNode rec = contest.get("recorded");
      List<BigInteger> hashes = all.values().stream().map(Selection::hash).sorted().toList();
      List<BigInteger> stated = new ArrayList<>();
      rec.get("all_selection_hashes").forEach(h -> stated.add(EgVectorValues.num(h)));
      ok &= hashes.equals(stated);
      byte[] chi = contestHash(he, k, contest.get("label").asText(), all);
      ok &= MessageDigest.isEqual(chi, EgVectorValues.bytes(rec.get("preencryption_hash")));
      code.bytes(chi);
      // the vectors of the chosen codes, in increasing selection-hash order
      List<Selection> chosen = new ArrayList<>();
      for (JsonNode c : contest.get("selected_codes")) {
        all.values().stream().filter(s -> s.shortCode().equals(c.asText())).findFirst().ifPresent(chosen::add);
      }
      chosen.sort(Comparator.comparing(Selection::hash));
      JsonNode vectors = rec.get("selected_vectors");
      int limit = contest.get("votes_allowed").asInt();
      ok &= chosen.size() == contest.get("selected_codes").size() && chosen.size() == limit && vectors.size() == limit;
      for (int i = 0; i < vectors.size() && ok; i++) {
        Selection s = chosen.get(i);
        JsonNode e = vectors.get(i);
        ok &= s.shortCode().equals(e.get("short_code").asText()) && s.hash().equals(EgVectorValues.num(e.get("selection_hash")));
        ok &= e.get("encryptions").size() == s.vector().size();
        for (int j = 0; j < s.vector().size() && ok; j++) {
          ok &= sameCiphertext(g, s.vector().get(j), e.get("encryptions").get(j));
        }
      }
      // the selections are the component-wise products; each proof verifies, and the limit proof on their product
      JsonNode options = contest.get("options");
      JsonNode selections = rec.get("selections");
      ok &= selections.size() == options.size();
      Element productA = g.identity();
      Element productB = g.identity();
      EgHash.Message contestHash = new EgHash.Message(0x23).bytes(EgVectorValues.utf8(contest.get("label"))).number(kValue, 512);
      for (int i = 0; i < selections.size() && ok; i++) {
        JsonNode s = selections.get(i);
        Element a = g.identity();
        Element b = g.identity();
        for (Selection c : chosen) {
          a = a.mul(c.vector().get(i)[0]);
          b = b.mul(c.vector().get(i)[1]);
        }
        ok &= s.get("label").asText().equals(options.get(i).asText()) && sameCiphertext(g, new Element[] {a, b}, s);
        ok &= EgVerifier.rangeProof(kValue, he, bases, a, b, 1, parts(s.get("proof"), "c"), parts(s.get("proof"), "v"));
        contestHash.bytes(a.encode()).bytes(b.encode());
        productA = productA.mul(a);
        productB = productB.mul(b);
      }
      ok &= EgVerifier.rangeProof(kValue, he, bases, productA, productB, limit, parts(rec.get("limit_proof"), "c"),
          parts(rec.get("limit_proof"), "v"));
      ok &= MessageDigest.isEqual(EgHash.h(heModQ, contestHash.toByteArray()), EgVectorValues.bytes(rec.get("contest_hash")));
    }
    byte[] confirmation = EgHash.h(he, code.bytes(EgVectorValues.bytes(v.get("code_baux"))).toByteArray());
    return ok && MessageDigest.isEqual(confirmation, EgVectorValues.bytes(v.get("confirmation_code")));
  }

  /** Every selection of the contest (options, then null1..nullL), by label, in that order. */
  private static Map<String, Selection> preEncrypt(EgVerifier.Bases bases, byte[] he, byte[] xb, JsonNode contest) {
    Group g = bases.group();
    BigInteger q = g.order();
    String label = contest.get("label").asText();
    List<String> options = new ArrayList<>();
    contest.get("options").forEach(o -> options.add(o.asText()));
    List<String> selections = new ArrayList<>(options);
    for (int i = 1; i <= contest.get("votes_allowed").asInt(); i++) {
      selections.add("null" + i);
    }
    byte[] kBytes = bases.k().base().encode();
    Map<String, Selection> out = new LinkedHashMap<>();
    for (String sigma : selections) {
      List<Element[]> vector = new ArrayList<>();
      List<BigInteger> nonces = new ArrayList<>();
      EgHash.Message psi = new EgHash.Message(0x40).bytes(kBytes);
      for (String option : options) {
        BigInteger xi = EgHash.hq(he, new EgHash.Message(0x43).bytes(xb).bytes(label.getBytes(StandardCharsets.UTF_8))
            .bytes(sigma.getBytes(StandardCharsets.UTF_8)).bytes(option.getBytes(StandardCharsets.UTF_8)).toByteArray(), q);
        int m = sigma.equals(option) ? 1 : 0;
        Element alpha = bases.g().expPublic(g.scalar(xi));
        Element beta = bases.k().expPublic(g.scalar(xi.add(BigInteger.valueOf(m)).mod(q)));
        vector.add(new Element[] {alpha, beta});
        nonces.add(xi);
        psi.bytes(alpha.encode()).bytes(beta.encode());
      }
      byte[] h = EgHash.h(he, psi.toByteArray());
      out.put(sigma, new Selection(sigma, vector, nonces, new BigInteger(1, h).mod(q),
          HexFormat.of().withUpperCase().formatHex(h).substring(0, 5)));
    }
    return out;
  }

  /** χ = H(H_E; 0x41 ‖ Λ ‖ K ‖ ψ's in increasing order, 32 bytes each). */
  private static byte[] contestHash(byte[] he, Element k, String label, Map<String, Selection> all) {
    EgHash.Message m = new EgHash.Message(0x41).bytes(label.getBytes(StandardCharsets.UTF_8)).bytes(k.encode());
    all.values().stream().map(Selection::hash).sorted().forEach(h -> m.number(h, 32));
    return EgHash.h(he, m.toByteArray());
  }

  private static boolean sameCiphertext(Group g, Element[] mine, JsonNode stated) throws InvalidEncodingException {
    return mine[0].equals(EgVectorValues.element(g, EgVectorValues.num(stated.get("pad")))) && mine[1].equals(EgVectorValues.element(g, EgVectorValues.num(stated.get("data"))));
  }

  private static List<BigInteger> parts(JsonNode proof, String field) {
    List<BigInteger> out = new ArrayList<>();
    proof.forEach(p -> out.add(EgVectorValues.num(p.get(field))));
    return out;
  }
}
