package org.tabella.crypto.threshold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.ElGamal;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;

class ThresholdTest {
  static final Group G = Groups.named("ristretto255");
  static final byte[] CTX = "tally-1".getBytes(StandardCharsets.UTF_8);
  static final TrustedDealer.Dealt DEALT = TrustedDealer.deal(G, 5, 3);

  static List<DecryptionShare> shares(Ciphertext c, int... trustees) {
    List<DecryptionShare> out = new ArrayList<>();
    for (int t : trustees) {
      out.add(ThresholdDecryption.share(DEALT.shares().get(t - 1), c, CTX));
    }
    return out;
  }

  @Test
  @DisplayName("every 3-subset of 5 trustees decrypts")
  void anyQuorum() throws Exception {
    Ciphertext c = ElGamal.encrypt(DEALT.key().publicKey(), 17);
    int[][] subsets = {{1, 2, 3}, {1, 4, 5}, {2, 3, 5}, {3, 4, 5}, {1, 2, 3, 4, 5}};
    for (int[] s : subsets) {
      DecryptionResult r = ThresholdDecryption.combine(DEALT.key(), c, shares(c, s), CTX);
      System.out.println("subset " + java.util.Arrays.toString(s) + " used " + r.usedTrustees() + " rejected " + r.rejected());
      assertEquals(17, DiscreteLog.forBound(G, 100).solve(r.plaintextElement()));
      assertTrue(r.rejected().isEmpty());
      assertEquals(3, r.usedTrustees().size());
    }
  }

  @Test
  @DisplayName("a wrong share, a share for another ciphertext, duplicates and strangers are skipped and reported")
  void badSharesSkipped() throws Exception {
    Ciphertext c = ElGamal.encrypt(DEALT.key().publicKey(), 5);
    Ciphertext other = ElGamal.encrypt(DEALT.key().publicKey(), 5);
    List<DecryptionShare> all = shares(c, 1, 3, 5);
    DecryptionShare good2 = ThresholdDecryption.share(DEALT.shares().get(1), c, CTX);
    all.add(new DecryptionShare(2, good2.share().mul(G.generator()), good2.proof()));
    DecryptionShare foreign = ThresholdDecryption.share(DEALT.shares().get(3), other, CTX);
    all.add(new DecryptionShare(4, foreign.share(), foreign.proof()));
    all.add(shares(c, 1).get(0));
    all.add(new DecryptionShare(9, good2.share(), good2.proof()));
    DecryptionResult r = ThresholdDecryption.combine(DEALT.key(), c, all, CTX);
    assertEquals(5, DiscreteLog.forBound(G, 100).solve(r.plaintextElement()));
    assertEquals(List.of(1, 3, 5), r.usedTrustees());
    List<Integer> rejected = r.rejected().stream().map(RejectedShare::trustee).sorted().toList();
    assertEquals(List.of(1, 2, 4, 9), rejected);
  }

  @Test
  @DisplayName("fewer than k valid shares fail clearly")
  void tooFew() {
    Ciphertext c = ElGamal.encrypt(DEALT.key().publicKey(), 1);
    assertThrows(InsufficientSharesException.class,
        () -> ThresholdDecryption.combine(DEALT.key(), c, shares(c, 2, 4), CTX));
    DecryptionShare forged = shares(c, 5).get(0);
    List<DecryptionShare> s = shares(c, 2, 4);
    s.add(new DecryptionShare(5, forged.share().mul(G.generator()), forged.proof()));
    assertThrows(InsufficientSharesException.class, () -> ThresholdDecryption.combine(DEALT.key(), c, s, CTX));
  }

  @Test
  @DisplayName("a share proof is bound to the ciphertext, the trustee and the context")
  void binding() {
    Ciphertext c = ElGamal.encrypt(DEALT.key().publicKey(), 1);
    DecryptionShare s = shares(c, 1).get(0);
    assertTrue(ThresholdDecryption.verify(DEALT.key(), c, s, CTX));
    assertFalse(ThresholdDecryption.verify(DEALT.key(), c, s, "tally-2".getBytes(StandardCharsets.UTF_8)));
    assertFalse(ThresholdDecryption.verify(DEALT.key(), c, new DecryptionShare(2, s.share(), s.proof()), CTX));
  }

  @Test
  @DisplayName("joint blinding reveals only whether the plaintext is zero")
  void jointBlinding() throws Exception {
    for (int m : new int[] {0, 3}) {
      Ciphertext c = ElGamal.encrypt(DEALT.key().publicKey(), m);
      List<BlindingStep> steps = new ArrayList<>();
      Ciphertext current = c;
      for (int t : new int[] {2, 4, 5}) {
        BlindingStep step = JointBlinding.blind(t, current, CTX);
        steps.add(step);
        current = step.output();
      }
      assertTrue(JointBlinding.verifyChain(c, steps, CTX));
      DecryptionResult r = ThresholdDecryption.combine(DEALT.key(), current, sharesFor(current), CTX);
      assertEquals(m == 0, r.plaintextElement().isIdentity());
      // A broken chain: a step whose proof belongs to another input.
      List<BlindingStep> broken = new ArrayList<>(steps);
      BlindingStep s1 = steps.get(1);
      broken.set(1, new BlindingStep(s1.trustee(), s1.input(),
          new Ciphertext(s1.output().a(), s1.output().b().mul(G.generator())), s1.proof()));
      assertFalse(JointBlinding.verifyChain(c, broken, CTX));
      assertFalse(JointBlinding.verifyChain(c, List.of(steps.get(0), steps.get(0)), CTX));
    }
  }

  static List<DecryptionShare> sharesFor(Ciphertext c) {
    return shares(c, 1, 2, 3);
  }

  @Test
  @DisplayName("a share proof's fields cannot be swapped between trustees")
  void proofsNotTransferable() {
    Ciphertext c = ElGamal.encrypt(DEALT.key().publicKey(), 1);
    DecryptionShare s1 = shares(c, 1).get(0);
    DecryptionShare s2 = shares(c, 2).get(0);
    DleqProof mixed = new DleqProof(s1.proof().commitment1(), s2.proof().commitment2(), s1.proof().response());
    assertFalse(ThresholdDecryption.verify(DEALT.key(), c, new DecryptionShare(1, s1.share(), mixed), CTX));
  }
}
