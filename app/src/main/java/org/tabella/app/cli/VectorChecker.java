package org.tabella.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tabella.crypto.dkg.DealerBroadcast;
import org.tabella.crypto.dkg.DkgParameters;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.crypto.proofs.RangeProof;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.crypto.sharing.FeldmanCommitment;
import org.tabella.crypto.sharing.Shamir;
import org.tabella.crypto.sharing.Share;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Element;
import org.tabella.groups.ExpandMessage;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;
import org.tabella.groups.ec.EcGroup;
import org.tabella.groups.modp.ModpGroup;
import org.tabella.groups.modp.Primality;
import org.tabella.groups.modp.SchnorrParameters;
import org.tabella.groups.ristretto.Ristretto255Group;

/**
 * Checks one {@code tabella-vectors-v1} file by its {@code kind} (SPEC.md §5) and counts each
 * vector as passed or failed. Every kind is checked by the library's public API only, exactly as
 * an outside user would.
 */
final class VectorChecker {
  private static final HexFormat HEX = HexFormat.of();

  int passed;
  int failed;
  final List<String> failures = new ArrayList<>();

  void check(String name, JsonNode doc) {
    String kind = doc.path("kind").asText();
    for (JsonNode v : doc.path("vectors")) {
      boolean ok;
      try {
        ok = switch (kind) {
          case "group-multiples" -> multiples(doc, v);
          case "decode" -> decode(doc, v);
          case "from-uniform-bytes" -> HEX.formatHex(("decaf448".equals(doc.path("group").asText())
              ? org.tabella.groups.decaf.Decaf448Group.instance().fromUniformBytes(HEX.parseHex(v.get("input").asText()))
              : Ristretto255Group.instance().fromUniformBytes(HEX.parseHex(v.get("input").asText()))).encode())
              .equals(v.get("output").asText());
          case "hash-to-group" -> hashToGroup(doc, v);
          case "expand-message-xmd" -> HEX.formatHex(ExpandMessage.xmd(doc.get("hash").asText(),
              utf8(v.get("msg").asText()), utf8(doc.get("dst").asText()), v.get("length").asInt()))
              .equals(v.get("output").asText());
          case "expand-message-xof" -> HEX.formatHex(ExpandMessage.xofShake256(utf8(v.get("msg").asText()),
              utf8(doc.get("dst").asText()), v.get("length").asInt())).equals(v.get("output").asText());
          case "eg-threshold-decryption" -> org.tabella.electionguard.EgKnownAnswers.thresholdDecryption(v);
          case "eg-aggregation" -> org.tabella.electionguard.EgKnownAnswers.aggregation(v);
          case "eg-ballot-encryption" -> org.tabella.electionguard.EgKnownAnswers.ballotEncryption(v);
          case "eg-confirmation-code" -> org.tabella.electionguard.EgKnownAnswers.confirmationCodes(v);
          case "eg-decrypt-with-nonce" -> org.tabella.electionguard.EgKnownAnswers.decryptWithNonce(v);
          case "eg-parameters" -> org.tabella.electionguard.EgKeyCeremonyAnswers.parameters(v);
          case "eg-key-ceremony" -> org.tabella.electionguard.EgKeyCeremonyAnswers.keyCeremony(v);
          case "eg-share-encryption" -> org.tabella.electionguard.EgKeyCeremonyAnswers.shareEncryption(v);
          case "eg-pre-encryption" -> org.tabella.electionguard.EgPreEncryptionAnswers.preEncryption(v);
          case "eg-pre-encryption-recorded" -> org.tabella.electionguard.EgPreEncryptionAnswers.recorded(v);
          case "ecdh" -> ecdh(doc, v);
          case "modp-dh" -> modpDh(v);
          case "schnorr-parameters" -> schnorrParameters(v);
          case "primality" -> primality(v);
          case "feldman-dkg" -> feldman(doc, v);
          default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
      } catch (Exception | AssertionError e) {
        ok = false;
      }
      count(ok, name, v);
    }
    if (kind.equals("crypto-kat")) {
      boolean ok;
      try {
        ok = cryptoKat(doc);
      } catch (Exception e) {
        ok = false;
      }
      count(ok, name, doc.path("group"));
    }
  }

  private void count(boolean ok, String name, JsonNode v) {
    if (ok) {
      passed++;
    } else {
      failed++;
      String s = v.toString();
      failures.add(name + ": " + (s.length() > 120 ? s.substring(0, 120) + "…" : s));
    }
  }

  private static Group group(JsonNode doc, JsonNode v) {
    String name = v.has("group") ? v.get("group").asText() : doc.get("group").asText();
    return Groups.named(name);
  }

  private static boolean multiples(JsonNode doc, JsonNode v) {
    Group g = group(doc, v);
    Scalar k = Scalar.reduce(new BigInteger(v.get("k").asText(), 16), g.order());
    String want = v.get("encoding").asText();
    return HEX.formatHex(g.generator().exp(k).encode()).equals(want)
        && HEX.formatHex(g.generatorTable().exp(k).encode()).equals(want);
  }

  private static boolean decode(JsonNode doc, JsonNode v) {
    Group g = group(doc, v);
    byte[] bytes = v.get("encoding").isNull() ? new BigInteger(v.get("value").asText(), 16).toByteArray()
        : HEX.parseHex(v.get("encoding").asText());
    boolean sec1 = "sec1".equals(doc.path("decoder").asText());
    String expected = v.get("expected").asText();
    try {
      Element e = sec1 ? ((EcGroup) g).decodeSec1(bytes) : g.decode(bytes);
      if (expected.equals("accept-but-degenerate")) {
        return e.isIdentity();
      }
      return expected.equals("accept");
    } catch (InvalidEncodingException ex) {
      return expected.equals("reject");
    }
  }

  private static boolean hashToGroup(JsonNode doc, JsonNode v) {
    Group g = group(doc, v);
    return HEX.formatHex(g.hashToElement(utf8(v.get("msg").asText()), utf8(doc.get("dst").asText())).encode())
        .equals(v.get("output").asText());
  }

  private static boolean ecdh(JsonNode doc, JsonNode v) {
    EcGroup g = (EcGroup) group(doc, v);
    String result = v.get("result").asText();
    Element p;
    try {
      p = g.decodeSec1(HEX.parseHex(v.get("public").asText()));
    } catch (InvalidEncodingException e) {
      return !result.equals("valid");
    }
    if (result.equals("invalid")) {
      return false;
    }
    byte[] s = p.exp(Scalar.reduce(new BigInteger(1, HEX.parseHex(v.get("private").asText())), g.order())).encode();
    return HEX.formatHex(Arrays.copyOfRange(s, 1, s.length)).equals(v.get("shared").asText());
  }

  private static boolean modpDh(JsonNode v) throws InvalidEncodingException {
    Group g = Groups.named(v.get("group").asText());
    Scalar xa = g.scalar(new BigInteger(v.get("xA").asText(), 16));
    Scalar xb = g.scalar(new BigInteger(v.get("xB").asText(), 16));
    Element ya = g.decode(fixed(new BigInteger(v.get("yA").asText(), 16), g.elementLength()));
    Element yb = g.decode(fixed(new BigInteger(v.get("yB").asText(), 16), g.elementLength()));
    Element z = g.decode(fixed(new BigInteger(v.get("Z").asText(), 16), g.elementLength()));
    return g.generator().exp(xa).equals(ya) && g.generator().exp(xb).equals(yb) && yb.exp(xa).equals(z);
  }

  /** A big-endian integer as exactly {@code length} bytes (a vector's value may be shorter). */
  private static byte[] fixed(BigInteger v, int length) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[length];
    int n = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - n, out, length - n, n);
    return out;
  }

  private static boolean schnorrParameters(JsonNode v) {
    SchnorrParameters p = new SchnorrParameters(new BigInteger(v.get("p").asText()), new BigInteger(v.get("q").asText()),
        new BigInteger(v.get("g").asText()));
    boolean accepted;
    try {
      ModpGroup.createInsecureForTesting("vector", p);
      accepted = true;
    } catch (Exception e) {
      accepted = false;
    }
    return accepted == v.get("expected").asText().equals("accept");
  }

  private static boolean primality(JsonNode v) {
    boolean prime = Primality.isProbablePrime(new BigInteger(HEX.parseHex(v.get("value").asText())));
    return switch (v.get("result").asText()) {
      case "valid" -> prime;
      case "invalid" -> !prime;
      default -> true;
    };
  }

  private static boolean feldman(JsonNode doc, JsonNode v) throws InvalidEncodingException {
    Group g = group(doc, v);
    int t = v.get("t").asInt();
    List<FeldmanCommitment> dealers = new ArrayList<>();
    Element groupKey = g.identity();
    for (JsonNode d : v.get("commitments")) {
      List<Element> cs = new ArrayList<>();
      for (JsonNode c : d.get("vss_commitment")) {
        cs.add(g.decodeNonIdentity(HEX.parseHex(c.asText())));
      }
      dealers.add(new FeldmanCommitment(cs));
      groupKey = groupKey.mul(cs.get(0));
    }
    if (!groupKey.equals(g.decode(HEX.parseHex(v.get("group_public_key").asText())))) {
      return false;
    }
    // Proofs of possession: z·G = R + c·C_0 (their transcript, not ours: checked as an equation).
    int k = 0;
    for (JsonNode p : v.get("proofs_of_possession")) {
      Element r = g.decode(HEX.parseHex(p.get("r").asText()));
      Scalar z = g.decodeScalar(HEX.parseHex(p.get("z").asText()));
      Scalar c = Scalar.reduce(new BigInteger(1, HEX.parseHex(p.get("challenge").asText())), g.order());
      if (!g.generator().exp(z).equals(r.mul(dealers.get(k++).constantTerm().exp(c)))) {
        return false;
      }
    }
    if (k != dealers.size()) {
      return false;
    }
    List<Share> shares = new ArrayList<>();
    for (JsonNode s : v.get("shares")) {
      int j = s.get("index").asInt();
      Scalar share = g.decodeScalar(HEX.parseHex(s.get("secret_share").asText()));
      Element combined = g.identity();
      for (FeldmanCommitment d : dealers) {
        combined = combined.mul(d.publicValueAt(j));
      }
      if (!combined.equals(g.generator().exp(share))
          || !combined.equals(g.decode(HEX.parseHex(s.get("verification_share").asText())))) {
        return false;
      }
      shares.add(new Share(j, SecretScalar.of(share)));
    }
    // Any t consecutive shares interpolate the group secret; t − 1 do not.
    for (int start = 0; start + t <= shares.size(); start++) {
      if (!g.generator().exp(Shamir.reconstruct(g, shares.subList(start, start + t)).reveal()).equals(groupKey)) {
        return false;
      }
    }
    return t == 1 || !g.generator().exp(Shamir.reconstruct(g, shares.subList(0, t - 1)).reveal()).equals(groupKey);
  }

  private static boolean cryptoKat(JsonNode v) throws Exception {
    Group g = Groups.named(v.get("group").asText());
    byte[] ctx = HEX.parseHex(v.get("context").asText());
    ElGamalPublicKey pk = ElGamalPublicKey.of(g.decodeNonIdentity(HEX.parseHex(v.get("public_key").asText())));
    SecretScalar sk = SecretScalar.of(g.decodeScalar(HEX.parseHex(v.get("secret_key").asText())));
    JsonNode pop = v.get("proof_of_possession");
    if (!org.tabella.crypto.elgamal.ElGamalKeyPair.verifyPossession(pk, new SchnorrProof(
        g.decode(HEX.parseHex(pop.get("r").asText())), g.decodeScalar(HEX.parseHex(pop.get("z").asText()))), ctx)) {
      return false;
    }
    for (JsonNode e : v.get("encryptions")) {
      Ciphertext c = Ciphertext.decode(g, HEX.parseHex(e.get("ciphertext").asText()));
      JsonNode p = e.get("range_proof");
      List<Element> a = new ArrayList<>();
      List<Element> b = new ArrayList<>();
      List<Scalar> cs = new ArrayList<>();
      List<Scalar> zs = new ArrayList<>();
      for (JsonNode x : p.get("commitments_a")) {
        a.add(g.decode(HEX.parseHex(x.asText())));
      }
      for (JsonNode x : p.get("commitments_b")) {
        b.add(g.decode(HEX.parseHex(x.asText())));
      }
      for (JsonNode x : p.get("challenges")) {
        cs.add(g.decodeScalar(HEX.parseHex(x.asText())));
      }
      for (JsonNode x : p.get("responses")) {
        zs.add(g.decodeScalar(HEX.parseHex(x.asText())));
      }
      if (!new ProvenCiphertext(c, new RangeProof(a, b, cs, zs)).verify(pk, e.get("maximum").asInt(), ctx)
          || ElGamal.decrypt(sk, c, 10) != e.get("plaintext").asLong()) {
        return false;
      }
    }
    JsonNode t = v.get("threshold");
    Map<Integer, Element> vks = new TreeMap<>();
    var it = t.get("verification_keys").fields();
    while (it.hasNext()) {
      var f = it.next();
      vks.put(Integer.parseInt(f.getKey()), g.decodeNonIdentity(HEX.parseHex(f.getValue().asText())));
    }
    ThresholdKey key = new ThresholdKey(ElGamalPublicKey.of(g.decodeNonIdentity(HEX.parseHex(t.get("public_key").asText()))),
        t.get("threshold").asInt(), vks);
    Ciphertext c = Ciphertext.decode(g, HEX.parseHex(t.get("ciphertext").asText()));
    List<DecryptionShare> shares = new ArrayList<>();
    for (JsonNode s : t.get("shares")) {
      shares.add(new DecryptionShare(s.get("trustee").asInt(), g.decode(HEX.parseHex(s.get("share").asText())),
          new DleqProof(g.decode(HEX.parseHex(s.get("r1").asText())), g.decode(HEX.parseHex(s.get("r2").asText())),
              g.decodeScalar(HEX.parseHex(s.get("z").asText())))));
    }
    var r = ThresholdDecryption.combine(key, c, shares, ctx);
    return r.rejected().isEmpty()
        && DiscreteLog.forBound(g, 100).solve(r.plaintextElement()) == t.get("plaintext").asLong()
        && ceremony(g, v.get("dkg"));
  }

  /**
   * The KAT's key ceremony: the transcript (proofs of possession, joint key, every verification
   * key) proves the outcome, every private share matches its dealer's commitments, and every
   * party's share is the discrete log of its verification key.
   */
  private static boolean ceremony(Group g, JsonNode dkg) throws InvalidEncodingException {
    var params = new DkgParameters(g, dkg.get("parties").asInt(), dkg.get("threshold").asInt(),
        HEX.parseHex(dkg.get("session").asText()));
    List<DealerBroadcast> dealers = new ArrayList<>();
    Map<Integer, FeldmanCommitment> commitments = new TreeMap<>();
    for (JsonNode d : dkg.get("dealers")) {
      List<Element> cs = new ArrayList<>();
      for (JsonNode x : d.get("commitments")) {
        cs.add(g.decodeNonIdentity(HEX.parseHex(x.asText())));
      }
      JsonNode pp = d.get("proof_of_possession");
      dealers.add(new DealerBroadcast(d.get("dealer").asInt(), cs, new SchnorrProof(
          g.decode(HEX.parseHex(pp.get("r").asText())), g.decodeScalar(HEX.parseHex(pp.get("z").asText())))));
      commitments.put(d.get("dealer").asInt(), new FeldmanCommitment(cs));
    }
    for (JsonNode s : dkg.get("private_shares")) {
      if (!commitments.get(s.get("dealer").asInt()).verify(s.get("recipient").asInt(),
          g.decodeScalar(HEX.parseHex(s.get("share").asText())))) {
        return false;
      }
    }
    Map<Integer, Element> vks = new TreeMap<>();
    Element pk = null;
    for (JsonNode r : dkg.get("results")) {
      Element vk = g.decode(HEX.parseHex(r.get("verification_key").asText()));
      Element key = g.decode(HEX.parseHex(r.get("public_key").asText()));
      if ((pk != null && !pk.equals(key)) || !vk.equals(g.generator().exp(g.decodeScalar(HEX.parseHex(r.get("share").asText()))))) {
        return false;
      }
      pk = key;
      vks.put(r.get("party").asInt(), vk);
    }
    return DkgResult.transcriptProves(params, dealers, new ThresholdKey(ElGamalPublicKey.of(pk), params.threshold(), vks));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
