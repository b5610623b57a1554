package org.tabella.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.elgamal.ElGamalKeyPair;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.SecretScalar;
import org.tabella.vectors.VectorFiles;

@DisplayName("Tabella's own crypto known answers")
class CryptoKnownAnswerTest {
  static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @ValueSource(strings = {"ristretto255", "P-256", "modp-2048-256"})
  @DisplayName("regenerating from the seed gives the committed file, byte for byte")
  void reproducible(String group) {
    JsonNode committed = VectorFiles.load("crypto/" + CryptoVectors.fileName(group));
    assertEquals(committed, CryptoVectors.generate(group),
        "encodings, transcripts or nonce derivation changed: regenerate only if intended (SPEC.md)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ristretto255", "P-256", "modp-2048-256"})
  @DisplayName("every proof in the file verifies and every ciphertext decrypts to its plaintext")
  void verifies(String name) throws Exception {
    JsonNode v = VectorFiles.load("crypto/" + CryptoVectors.fileName(name));
    Group g = Groups.named(v.get("group").asText());
    byte[] ctx = HEX.parseHex(v.get("context").asText());
    ElGamalPublicKey pk = ElGamalPublicKey.of(g.decodeNonIdentity(HEX.parseHex(v.get("public_key").asText())));
    SecretScalar sk = SecretScalar.of(g.decodeScalar(HEX.parseHex(v.get("secret_key").asText())));
    JsonNode pop = v.get("proof_of_possession");
    SchnorrProof p = new SchnorrProof(g.decode(HEX.parseHex(pop.get("r").asText())),
        g.decodeScalar(HEX.parseHex(pop.get("z").asText())));
    assertTrue(ElGamalKeyPair.verifyPossession(pk, p, ctx));
    for (JsonNode e : v.get("encryptions")) {
      Ciphertext c = Ciphertext.decode(g, HEX.parseHex(e.get("ciphertext").asText()));
      ProvenCiphertext pc = new ProvenCiphertext(c, CryptoVectors.readRange(g, e.get("range_proof")));
      int max = e.get("maximum").asInt();
      assertTrue(pc.verify(pk, max, ctx));
      assertFalse(pc.verify(pk, max, new byte[] {1}));
      assertFalse(pc.verify(pk, max + 1, ctx));
      assertEquals(e.get("maximum").asInt(), pc.proof().maximum());
      assertEquals(e.get("plaintext").asLong(), ElGamal.decrypt(sk, c, 10));
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
    var result = ThresholdDecryption.combine(key, c, shares, ctx);
    assertTrue(result.rejected().isEmpty());
    assertEquals(t.get("plaintext").asLong(), DiscreteLog.forBound(g, 100).solve(result.plaintextElement()));

    // The ceremony: proofs of possession, every private share against its dealer's commitments,
    // and each party's outcome = the sums over all dealers.
    JsonNode dkg = v.get("dkg");
    var params = new org.tabella.crypto.dkg.DkgParameters(g, dkg.get("parties").asInt(),
        dkg.get("threshold").asInt(), HEX.parseHex(dkg.get("session").asText()));
    Map<Integer, org.tabella.crypto.sharing.FeldmanCommitment> commitments = new TreeMap<>();
    Element joint = g.identity();
    for (JsonNode d : dkg.get("dealers")) {
      List<Element> cs = new ArrayList<>();
      for (JsonNode x : d.get("commitments")) {
        cs.add(g.decodeNonIdentity(HEX.parseHex(x.asText())));
      }
      JsonNode pp = d.get("proof_of_possession");
      SchnorrProof dp = new SchnorrProof(g.decode(HEX.parseHex(pp.get("r").asText())),
          g.decodeScalar(HEX.parseHex(pp.get("z").asText())));
      assertTrue(dp.verify(cs.get(0), org.tabella.crypto.dkg.DkgTestAccess.popContext(params, d.get("dealer").asInt())));
      commitments.put(d.get("dealer").asInt(), new org.tabella.crypto.sharing.FeldmanCommitment(cs));
      joint = joint.mul(cs.get(0));
    }
    for (JsonNode s : dkg.get("private_shares")) {
      assertTrue(commitments.get(s.get("dealer").asInt()).verify(s.get("recipient").asInt(),
          g.decodeScalar(HEX.parseHex(s.get("share").asText()))));
    }
    for (JsonNode r : dkg.get("results")) {
      assertEquals(joint, g.decode(HEX.parseHex(r.get("public_key").asText())));
      Element vk = g.identity();
      for (var fc : commitments.values()) {
        vk = vk.mul(fc.publicValueAt(r.get("party").asInt()));
      }
      assertEquals(vk, g.decode(HEX.parseHex(r.get("verification_key").asText())));
      assertEquals(vk, g.generator().exp(g.decodeScalar(HEX.parseHex(r.get("share").asText()))));
    }
  }
}
