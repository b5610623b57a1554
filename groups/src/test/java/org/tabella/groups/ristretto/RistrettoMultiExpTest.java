package org.tabella.groups.ristretto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.groups.Element;
import org.tabella.groups.Groups;
import org.tabella.groups.Scalar;
import org.tabella.groups.internal.Wnaf;

/**
 * The signed-digit bucket method (512 terms and more) against interleaved wNAF on pieces below the
 * threshold, on what a verification batch holds: 128-bit weights, full-size combined exponents,
 * exponents above ℓ/2 (negated bases), zero and one, the identity, repeated bases.
 */
@DisplayName("ristretto255 bucket method with signed digits")
class RistrettoMultiExpTest {
  private static final SecureRandom RNG = new SecureRandom();

  @Test
  void agreesWithStrausOnBatchShapedInputs() {
    var g = Groups.named("ristretto255");
    BigInteger q = g.order();
    for (int n : new int[] {512, 513, 1500, 6000}) {
      List<Element> bases = new ArrayList<>();
      List<Scalar> exps = new ArrayList<>();
      Element shared = g.generator().exp(g.randomNonZeroScalar(RNG));
      for (int i = 0; i < n; i++) {
        bases.add(i % 97 == 0 ? g.identity() : i % 13 == 0 ? shared : g.generator().exp(g.randomNonZeroScalar(RNG)));
        BigInteger e = switch (i % 7) {
          case 0, 1, 2, 3 -> new BigInteger(128, RNG);
          case 4 -> q.subtract(new BigInteger(128, RNG)); // a negated weight
          case 5 -> new BigInteger(q.bitLength() + 8, RNG).mod(q);
          default -> BigInteger.valueOf(i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : -1).mod(q);
        };
        exps.add(Scalar.of(e, q));
      }
      Element expected = g.identity();
      for (int from = 0; from < n; from += 100) {
        int to = Math.min(n, from + 100);
        expected = expected.mul(g.multiExp(bases.subList(from, to), exps.subList(from, to)));
      }
      assertEquals(expected, g.multiExp(bases, exps), "n = " + n);
    }
  }

  @Test
  void signedDigitsRecompose() {
    for (int c = 2; c <= 16; c++) {
      for (int t = 0; t < 50; t++) {
        BigInteger e = new BigInteger(1 + RNG.nextInt(256), RNG);
        int windows = (e.bitLength() + 1 + c - 1) / c;
        short[] d = RistrettoMultiExp.signedDigits(Wnaf.limbs(e, 5), c, Math.max(1, windows));
        BigInteger sum = BigInteger.ZERO;
        for (int w = d.length - 1; w >= 0; w--) {
          assertEquals(true, Math.abs(d[w]) <= 1 << (c - 1), "digit in range");
          sum = sum.shiftLeft(c).add(BigInteger.valueOf(d[w]));
        }
        assertEquals(e, sum, "c = " + c);
      }
    }
  }
}
