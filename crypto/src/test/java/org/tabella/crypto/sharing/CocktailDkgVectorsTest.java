package org.tabella.crypto.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabella.vectors.VectorFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;
import org.tabella.vectors.VectorFiles;

@DisplayName("C2SP COCKTAIL-DKG vectors as Feldman / DKG / Lagrange known answers")
class CocktailDkgVectorsTest {

  @ParameterizedTest
  @ValueSource(strings = {"cocktail-dkg-p-256.json", "cocktail-dkg-secp256k1.json", "cocktail-dkg-ristretto255.json"})
  void knownAnswers(String file) throws Exception {
    JsonNode doc = VectorFiles.load("crypto/" + file);
    Group g = Groups.named(doc.get("group").asText());
    for (JsonNode v : doc.get("vectors")) {
      int t = v.get("t").asInt();
      List<FeldmanCommitment> dealers = new ArrayList<>();
      Element groupKey = g.identity();
      for (JsonNode d : v.get("commitments")) {
        List<Element> cs = new ArrayList<>();
        for (JsonNode c : d.get("vss_commitment")) {
          cs.add(g.decodeNonIdentity(hex(c.asText())));
        }
        assertEquals(t, cs.size());
        dealers.add(new FeldmanCommitment(cs));
        groupKey = groupKey.mul(cs.get(0));
      }
      assertEquals(g.decode(hex(v.get("group_public_key").asText())), groupKey);
      // Proofs of possession: z·G = R + c·C_0 (their transcript, not ours: checked as an equation).
      int k = 0;
      for (JsonNode p : v.get("proofs_of_possession")) {
        Element r = g.decode(hex(p.get("r").asText()));
        Scalar z = g.decodeScalar(hex(p.get("z").asText()));
        Scalar c = Scalar.reduce(new BigInteger(1, hex(p.get("challenge").asText())), g.order());
        assertEquals(g.generator().exp(z), r.mul(dealers.get(k++).constantTerm().exp(c)));
      }
      List<Share> shares = new ArrayList<>();
      for (JsonNode s : v.get("shares")) {
        int j = s.get("index").asInt();
        Scalar share = g.decodeScalar(hex(s.get("secret_share").asText()));
        Element expected = g.decode(hex(s.get("verification_share").asText()));
        Element combined = g.identity();
        for (FeldmanCommitment d : dealers) {
          combined = combined.mul(d.publicValueAt(j));
        }
        assertEquals(expected, combined, "Feldman sum for party " + j);
        assertEquals(expected, g.generator().exp(share));
        shares.add(new Share(j, SecretScalar.of(share)));
        // A changed share no longer matches.
        assertFalse(g.generator().exp(share.add(g.scalar(1))).equals(combined));
      }
      // Any t shares interpolate the group secret; t − 1 do not.
      for (int start = 0; start + t <= shares.size(); start++) {
        SecretScalar s = Shamir.reconstruct(g, shares.subList(start, start + t));
        assertEquals(groupKey, g.generator().exp(s.reveal()));
      }
      if (t > 1) {
        assertTrue(!groupKey.equals(g.generator().exp(Shamir.reconstruct(g, shares.subList(0, t - 1)).reveal())));
      }
    }
  }
}
