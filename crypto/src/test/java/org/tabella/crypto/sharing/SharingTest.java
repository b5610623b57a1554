package org.tabella.crypto.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.SecretScalar;
import org.tabella.groups.modp.ModpGroup;
import org.tabella.groups.modp.SchnorrParameters;

class SharingTest {
  static final Group G = Groups.named("P-256");

  @Property(tries = 30)
  @Label("any k of n shares reconstruct the secret and k − 1 do not")
  void threshold(@ForAll @IntRange(min = 1, max = 7) int k, @ForAll @IntRange(min = 0, max = 5) int extra,
      @ForAll long seed) {
    int n = k + extra;
    SecretScalar secret = SecretScalar.of(G.randomScalar(new java.security.SecureRandom()));
    List<Share> shares = new ArrayList<>(Shamir.split(G, secret, k, n));
    Collections.shuffle(shares, new java.util.Random(seed));
    assertEquals(secret, Shamir.reconstruct(G, shares.subList(0, k)));
    if (k > 1) {
      assertNotEquals(secret, Shamir.reconstruct(G, shares.subList(0, k - 1)));
    }
  }

  @Test
  @DisplayName("bad indices are refused before any arithmetic: 0, q, duplicates, i and i + q")
  void badIndices() {
    BigInteger q = G.order();
    assertThrows(IllegalArgumentException.class, () -> PartyIndices.check(0, 5, q));
    assertThrows(IllegalArgumentException.class, () -> PartyIndices.check(6, 5, q));
    assertThrows(IllegalArgumentException.class, () -> PartyIndices.check(-1, 5, q));
    assertThrows(IllegalArgumentException.class, () -> PartyIndices.checkDistinct(List.of(1, 2, 2), q));
    assertThrows(IllegalArgumentException.class, () -> Lagrange.atZero(G, 1, List.of(1, 0)));
    ModpGroup toy = toy();
    // In a group of order 13, index 13 ≡ 0 and 14 ≡ 1.
    assertThrows(IllegalArgumentException.class, () -> PartyIndices.checkDistinct(List.of(1, 13), toy.order()));
    assertThrows(IllegalArgumentException.class, () -> PartyIndices.checkDistinct(List.of(1, 14), toy.order()));
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(toy, SecretScalar.of(toy.scalar(3)), 2, 13));
    assertThrows(IllegalArgumentException.class, () -> Shamir.split(G, SecretScalar.of(G.scalar(3)), 4, 3));
  }

  @Test
  @DisplayName("Feldman commitments accept exactly the right shares")
  void feldman() {
    Polynomial f = Polynomial.random(G, 3);
    FeldmanCommitment c = FeldmanCommitment.of(f);
    for (Share s : Shamir.shares(f, 5)) {
      assertTrue(c.verify(s.index(), s.value().reveal()));
      assertFalse(c.verify(s.index(), s.value().reveal().add(G.scalar(1))));
      assertFalse(c.verify(s.index() + 1, s.value().reveal()));
      assertEquals(G.generator().exp(s.value().reveal()), c.publicValueAt(s.index()));
    }
    assertFalse(f.toString().contains(f.constantTerm().reveal().toBigInteger().toString(16)));
  }

  @Test
  @DisplayName("Pedersen VSS accepts exactly the right share pairs")
  void pedersen() {
    Polynomial f = Polynomial.random(G, 2);
    PedersenVss.Dealing d = PedersenVss.deal(f, 4);
    for (int i = 0; i < 4; i++) {
      var s = d.shares().get(i).value().reveal();
      var t = d.blindingShares().get(i).value().reveal();
      assertTrue(PedersenVss.verify(d.commitments(), i + 1, s, t));
      assertFalse(PedersenVss.verify(d.commitments(), i + 1, s, t.add(G.scalar(1))));
    }
  }

  @Test
  @DisplayName("shares of a fixed secret are uniform (chi-square, toy group)")
  void sharesAreUniform() {
    ModpGroup toy = toy();
    int bins = toy.order().intValue();
    long[] counts = new long[bins];
    double[] expected = new double[bins];
    java.util.Arrays.fill(expected, 1.0 / bins);
    for (int i = 0; i < 6000; i++) {
      List<Share> shares = Shamir.split(toy, SecretScalar.of(toy.scalar(5)), 2, 3);
      counts[shares.get(0).value().reveal().toBigInteger().intValue()]++;
    }
    assertTrue(new ChiSquareTest().chiSquareTest(expected, counts) > 0.001);
  }

  static ModpGroup toy() {
    try {
      return ModpGroup.createInsecureForTesting("toy13", new SchnorrParameters(
          BigInteger.valueOf(157), BigInteger.valueOf(13), BigInteger.valueOf(16)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
