package org.tabella.crypto.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.elgamal.ElGamalKeyPair;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

class ProofsTest {
  static final Group G = Groups.named("ristretto255");
  static final byte[] CTX = "election-1/ballot-7".getBytes(StandardCharsets.UTF_8);
  static final byte[] OTHER = "election-1/ballot-8".getBytes(StandardCharsets.UTF_8);

  static SecretScalar secret() {
    return SecretScalar.of(G.randomNonZeroScalar(new java.security.SecureRandom()));
  }

  @Nested
  @DisplayName("the transcript")
  class TranscriptTests {
    @Test
    @DisplayName("is injective: moving bytes between items changes the challenge")
    void injective() {
      Scalar a = Transcript.start("t", G).append("x", "ab".getBytes(StandardCharsets.UTF_8))
          .append("y", "c".getBytes(StandardCharsets.UTF_8)).challenge();
      Scalar b = Transcript.start("t", G).append("x", "a".getBytes(StandardCharsets.UTF_8))
          .append("y", "bc".getBytes(StandardCharsets.UTF_8)).challenge();
      Scalar c = Transcript.start("t", G).append("xa", "b".getBytes(StandardCharsets.UTF_8))
          .append("y", "c".getBytes(StandardCharsets.UTF_8)).challenge();
      assertNotEquals(a, b);
      assertNotEquals(a, c);
    }

    @Test
    @DisplayName("binds the protocol label and the group, and is deterministic")
    void binding() {
      byte[] v = {1, 2, 3};
      Scalar base = Transcript.start("p", G).append("v", v).challenge();
      assertEquals(base, Transcript.start("p", G).append("v", v).challenge());
      assertNotEquals(base, Transcript.start("q", G).append("v", v).challenge());
      Group p256 = Groups.named("P-256");
      assertNotEquals(base.toBigInteger(), Transcript.start("p", p256).append("v", v).challenge().toBigInteger());
      assertThrows(IllegalArgumentException.class,
          () -> Transcript.start("p", G).append("e", p256.generator()));
    }
  }

  @Nested
  @DisplayName("Schnorr proofs")
  class Schnorr {
    @Test
    void validProofVerifiesAndTamperingFails() {
      SecretScalar x = secret();
      Element pub = G.generator().exp(x.reveal());
      SchnorrProof p = SchnorrProof.prove(x, pub, CTX);
      assertTrue(p.verify(pub, CTX));
      assertFalse(p.verify(pub, OTHER), "other context");
      assertFalse(p.verify(pub.mul(G.generator()), CTX), "other statement");
      assertFalse(new SchnorrProof(p.commitment().mul(G.generator()), p.response()).verify(pub, CTX));
      assertFalse(new SchnorrProof(p.commitment(), p.response().add(G.scalar(1))).verify(pub, CTX));
      assertFalse(p.verify(Groups.named("P-256").generator(), CTX), "other group: false, no exception");
      assertThrows(IllegalArgumentException.class, () -> SchnorrProof.prove(x, G.generator(), CTX));
    }

    @Test
    @DisplayName("two proofs of the same statement use different nonces")
    void freshNonces() {
      SecretScalar x = secret();
      Element pub = G.generator().exp(x.reveal());
      assertNotEquals(SchnorrProof.prove(x, pub, CTX).commitment(), SchnorrProof.prove(x, pub, CTX).commitment());
    }

    @Test
    @DisplayName("a weak Fiat–Shamir proof (challenge without the statement) is rejected")
    void weakFiatShamirRejected() {
      // A forger picks R and z first, hashes only R, then solves for a public value X that fits.
      Scalar z = G.randomScalar(new java.security.SecureRandom());
      Element r = G.generator().exp(G.randomScalar(new java.security.SecureRandom()));
      Scalar c = Transcript.start(SchnorrProof.PROTOCOL, G).append("commitment", r).challenge();
      Element forgedX = G.generator().exp(z).div(r).exp(c.inverse());
      assertTrue(G.generator().exp(z).equals(r.mul(forgedX.exp(c))), "weak equation holds");
      assertFalse(new SchnorrProof(r, z).verify(forgedX, CTX));
    }
  }

  @Nested
  @DisplayName("Chaum–Pedersen proofs")
  class Dleq {
    @Test
    void validProofVerifiesAndTamperingFails() {
      SecretScalar x = secret();
      Element g2 = G.hashToElement(new byte[] {9}, "test".getBytes(StandardCharsets.UTF_8));
      Element h1 = G.generator().exp(x.reveal());
      Element h2 = g2.exp(x.reveal());
      DleqProof p = DleqProof.prove(x, G.generator(), h1, g2, h2, CTX);
      assertTrue(p.verify(G.generator(), h1, g2, h2, CTX));
      assertFalse(p.verify(G.generator(), h1, g2, h2.mul(G.generator()), CTX));
      assertFalse(p.verify(G.generator(), h1, g2, h2, OTHER));
      assertFalse(new DleqProof(p.commitment1(), p.commitment2().mul(g2), p.response())
          .verify(G.generator(), h1, g2, h2, CTX));
      assertFalse(new DleqProof(p.commitment1(), p.commitment2(), p.response().add(G.scalar(1)))
          .verify(G.generator(), h1, g2, h2, CTX));
      assertThrows(IllegalArgumentException.class,
          () -> DleqProof.prove(x, G.generator(), h1, g2, h2.mul(g2), CTX));
    }
  }

  @Nested
  @DisplayName("range proofs")
  class Range {
    final ElGamalKeyPair keys = ElGamalKeyPair.generate(G, CTX);

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    @DisplayName("a 0/1 vote proves and verifies, bound to its context")
    void bit(int vote) {
      ProvenCiphertext v = ElGamal.encryptWithProof(keys.publicKey(), vote, 1, CTX);
      assertTrue(v.verify(keys.publicKey(), 1, CTX));
      assertFalse(v.verify(keys.publicKey(), 1, OTHER), "copied into another ballot");
      assertFalse(v.verify(keys.publicKey(), 2, CTX), "the caller's maximum, not the proof's");
      assertEquals(1, v.proof().maximum());
    }

    @Test
    @DisplayName("values outside the range cannot be proven")
    void outOfRange() {
      assertThrows(IllegalArgumentException.class, () -> ElGamal.encryptWithProof(keys.publicKey(), 2, 1, CTX));
      assertThrows(IllegalArgumentException.class, () -> ElGamal.encryptWithProof(keys.publicKey(), -1, 1, CTX));
    }

    @Test
    @DisplayName("a proof for Enc(1) does not transfer to Enc(2) or to another ciphertext")
    void transplanted() {
      ProvenCiphertext one = ElGamal.encryptWithProof(keys.publicKey(), 1, 1, CTX);
      var two = new org.tabella.crypto.elgamal.Ciphertext(one.ciphertext().a(),
          one.ciphertext().b().mul(G.generator()));
      assertFalse(new ProvenCiphertext(two, one.proof()).verify(keys.publicKey(), 1, CTX));
      ProvenCiphertext other = ElGamal.encryptWithProof(keys.publicKey(), 1, 1, CTX);
      assertFalse(new ProvenCiphertext(other.ciphertext(), one.proof()).verify(keys.publicKey(), 1, CTX));
    }

    @Test
    @DisplayName("every tampered field fails: commitments, challenges, responses, swapped branches")
    void tampering() {
      ProvenCiphertext v = ElGamal.encryptWithProof(keys.publicKey(), 1, 1, CTX);
      RangeProof p = v.proof();
      for (int j = 0; j < 2; j++) {
        assertFalse(verify(v, new RangeProof(bump(p.commitmentsA(), j), p.commitmentsB(), p.challenges(), p.responses())));
        assertFalse(verify(v, new RangeProof(p.commitmentsA(), bump(p.commitmentsB(), j), p.challenges(), p.responses())));
        assertFalse(verify(v, new RangeProof(p.commitmentsA(), p.commitmentsB(), bumpS(p.challenges(), j), p.responses())));
        assertFalse(verify(v, new RangeProof(p.commitmentsA(), p.commitmentsB(), p.challenges(), bumpS(p.responses(), j))));
      }
      assertFalse(verify(v, new RangeProof(swap(p.commitmentsA()), swap(p.commitmentsB()), swap(p.challenges()), swap(p.responses()))));
      // Challenges moved between branches keep the sum but break the equations.
      List<Scalar> moved = List.of(p.challenges().get(0).add(G.scalar(1)), p.challenges().get(1).subtract(G.scalar(1)));
      assertFalse(verify(v, new RangeProof(p.commitmentsA(), p.commitmentsB(), moved, p.responses())));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    @DisplayName("values 0..3 prove in range 0..3")
    void largerRange(int m) {
      ProvenCiphertext v = ElGamal.encryptWithProof(keys.publicKey(), m, 3, CTX);
      assertTrue(v.verify(keys.publicKey(), 3, CTX));
      assertFalse(v.verify(keys.publicKey(), 1, CTX), "a 0..3 proof is not a 0/1 proof");
      assertEquals(3, v.proof().maximum());
    }

    private boolean verify(ProvenCiphertext v, RangeProof p) {
      return new ProvenCiphertext(v.ciphertext(), p).verify(keys.publicKey(), 1, CTX);
    }
  }

  @Nested
  @DisplayName("batch verification")
  class Batch {
    @Test
    @DisplayName("accepts a batch of valid proofs and names exactly the invalid ones")
    void namesBadProofs() {
      ElGamalKeyPair keys = ElGamalKeyPair.generate(G, CTX);
      ProofBatch batch = new ProofBatch(G);
      List<ProvenCiphertext> votes = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        votes.add(ElGamal.encryptWithProof(keys.publicKey(), i % 2, 1, CTX));
      }
      ProofBatch good = new ProofBatch(G);
      for (ProvenCiphertext v : votes) {
        good.add(v.proof(), 1, keys.publicKey().element(), v.ciphertext().a(), v.ciphertext().b(), CTX);
      }
      assertTrue(good.allValid());
      for (int i = 0; i < votes.size(); i++) {
        ProvenCiphertext v = votes.get(i);
        byte[] ctx = (i == 3 || i == 8) ? OTHER : CTX;
        batch.add(v.proof(), 1, keys.publicKey().element(), v.ciphertext().a(), v.ciphertext().b(), ctx);
      }
      SecretScalar x = secret();
      Element pub = G.generator().exp(x.reveal());
      batch.add(SchnorrProof.prove(x, pub, CTX), pub, CTX);
      int badSchnorr = batch.add(SchnorrProof.prove(x, pub, CTX), pub.mul(G.generator()), CTX);
      assertEquals(List.of(3, 8, badSchnorr), batch.invalid());
    }
  }

  static List<Element> bump(List<Element> xs, int j) {
    List<Element> out = new ArrayList<>(xs);
    out.set(j, xs.get(j).mul(G.generator()));
    return out;
  }

  static List<Scalar> bumpS(List<Scalar> xs, int j) {
    List<Scalar> out = new ArrayList<>(xs);
    out.set(j, xs.get(j).add(G.scalar(1)));
    return out;
  }

  static <T> List<T> swap(List<T> xs) {
    return List.of(xs.get(1), xs.get(0));
  }
}
