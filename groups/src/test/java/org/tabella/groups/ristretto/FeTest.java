package org.tabella.groups.ristretto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Our 51-bit-limb field against BigInteger and Bouncy Castle's {@code X25519Field}: products,
 * squares, sums, differences, negation, inversion, square roots, encoding and decoding, on random
 * values, on edge values (0, 1, p − 1, p, 2^255 − 1, all-ones limbs) and on the loosest limbs each
 * operation accepts (sums of sums, 4p-biased differences), with every output's limbs in bounds.
 */
@DisplayName("GF(2^255 − 19) on 51-bit limbs")
class FeTest {
  static final BigInteger P = Fe.P;
  static final long M = (1L << 51) - 1;
  final SplittableRandom random = new SplittableRandom(0x7ab311a);

  static BigInteger value(long[] x) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 4; i >= 0; i--) {
      v = v.shiftLeft(51).add(BigInteger.valueOf(x[i]));
    }
    return v.mod(P);
  }

  /** Limbs of {@code bits} bits each: the loosest inputs. */
  long[] loose(int bits) {
    long[] x = new long[5];
    for (int i = 0; i < 5; i++) {
      x[i] = random.nextLong() >>> (64 - bits);
    }
    return x;
  }

  List<long[]> samples() {
    List<long[]> out = new ArrayList<>();
    for (BigInteger v : List.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO),
        BigInteger.TWO.pow(255).subtract(BigInteger.ONE).mod(P))) {
      out.add(Fe.fromBig(v));
    }
    out.add(new long[] {M, M, M, M, M}); // 2^255 − 1, not reduced
    out.add(new long[] {M - 18, M, M, M, M}); // p itself, not reduced
    for (int i = 0; i < 2000; i++) {
      out.add(loose(i % 3 == 0 ? 54 : i % 3 == 1 ? 52 : 51));
    }
    return out;
  }

  static void assertBounded(long[] z, int bits) {
    for (long limb : z) {
      assertTrue(limb >= 0 && limb >>> bits == 0, "limb " + limb + " is not below 2^" + bits);
    }
  }

  @Test
  void productsAndSquaresAgreeWithBigIntegerAndStayInBounds() {
    List<long[]> xs = samples();
    long[] z = Fe.create();
    for (int i = 0; i < xs.size(); i++) {
      long[] x = xs.get(i);
      long[] y = xs.get((i * 7 + 3) % xs.size());
      Fe.mul(x, y, z);
      assertEquals(value(x).multiply(value(y)).mod(P), value(z));
      assertBounded(z, 52);
      Fe.sqr(x, z);
      assertEquals(value(x).pow(2).mod(P), value(z));
      assertBounded(z, 52);
      long[] alias = x.clone();
      Fe.mul(alias, alias, alias);
      assertEquals(value(x).pow(2).mod(P), value(alias));
    }
  }

  @Test
  void lazySumsAndBiasedDifferencesFeedProductsSafely() {
    long[] z = Fe.create();
    for (int i = 0; i < 3000; i++) {
      long[] a = loose(52);
      long[] b = loose(52);
      long[] sum = Fe.create();
      Fe.addLazy(a, b, sum);
      long[] sumOfSums = Fe.create();
      Fe.addLazy(sum, sum, sumOfSums); // D = 2·Z1·Z2 style, below 2^54
      long[] diff = Fe.create();
      Fe.subLazy(a, sum, diff); // subtrahend below 2^53
      assertBounded(sumOfSums, 54);
      assertBounded(diff, 54);
      Fe.mul(sumOfSums, diff, z);
      assertEquals(value(a).add(value(b)).shiftLeft(1).multiply(value(a).subtract(value(sum))).mod(P), value(z));
      Fe.sub(a, b, z);
      assertEquals(value(a).subtract(value(b)).mod(P), value(z));
      assertBounded(z, 52);
      Fe.add(sumOfSums, diff, z);
      assertBounded(z, 52);
      Fe.neg(sum, z);
      assertEquals(value(sum).negate().mod(P), value(z));
    }
  }

  @Test
  void encodingIsCanonicalAndDecodingMasksTheTopBit() {
    for (long[] x : samples()) {
      byte[] ours = Fe.encode(x);
      assertEquals(value(x), Fe.toBig(x));
      assertEquals(value(x), Fe.toBig(Fe.decodeMasked(ours, 0)));
      byte[] masked = ours.clone();
      masked[31] |= (byte) 0x80;
      assertEquals(value(x), Fe.toBig(Fe.decodeMasked(masked, 0)));
      assertEquals(value(x).testBit(0) ? 1 : 0, Fe.isNegative(x));
      assertEquals(value(x).signum() == 0 ? -1 : 0, Fe.isZeroMask(x));
    }
    // the same bytes as Bouncy Castle's X25519Field
    for (int i = 0; i < 500; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      b[31] &= 0x7F;
      int[] theirs = X25519Field.create();
      X25519Field.decode(b, 0, theirs);
      X25519Field.normalize(theirs);
      byte[] expected = new byte[32];
      X25519Field.encode(theirs, expected, 0);
      assertArrayEquals(expected, Fe.encode(Fe.decodeMasked(b, 0)));
    }
  }

  @Test
  void agreesWithX25519FieldOnProductsOfDecodedValues() {
    for (int i = 0; i < 2000; i++) {
      byte[] a = new byte[32];
      byte[] b = new byte[32];
      random.nextBytes(a);
      random.nextBytes(b);
      int[] x = X25519Field.create();
      int[] y = X25519Field.create();
      int[] z = X25519Field.create();
      X25519Field.decode(a, 0, x);
      X25519Field.decode(b, 0, y);
      X25519Field.mul(x, y, z);
      X25519Field.normalize(z);
      byte[] expected = new byte[32];
      X25519Field.encode(z, expected, 0);
      long[] ours = Fe.create();
      Fe.mul(Fe.decodeMasked(a, 0), Fe.decodeMasked(b, 0), ours);
      assertArrayEquals(expected, Fe.encode(ours));
    }
  }

  @Test
  void inversionSquareRootsAndConditionalOperations() {
    for (int i = 0; i < 200; i++) {
      long[] x = loose(52);
      long[] inv = Fe.create();
      Fe.invert(x, inv);
      BigInteger v = value(x);
      assertEquals(v.signum() == 0 ? BigInteger.ZERO : v.modInverse(P), value(inv));
      long[] u = loose(51);
      long[] r = Fe.create();
      int square = Fe.sqrtRatioM1(u, x, r);
      BigInteger ratio = value(u).multiply(v.modInverse(P)).mod(P);
      boolean isSquare = ratio.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).compareTo(BigInteger.ONE) <= 0;
      assertEquals(isSquare ? -1 : 0, square);
      BigInteger expected = isSquare ? ratio : ratio.multiply(value(Fe.SQRT_M1)).mod(P);
      assertEquals(expected, value(r).pow(2).mod(P));
      assertEquals(0, Fe.isNegative(r));
      long[] a = loose(51);
      long[] b = loose(51);
      long[] a0 = a.clone();
      long[] b0 = b.clone();
      Fe.cswap(0, a, b);
      assertArrayEquals(a0, a);
      Fe.cswap(1, a, b);
      assertArrayEquals(b0, a);
      assertArrayEquals(a0, b);
      Fe.cmov(0, a, b);
      assertArrayEquals(a0, b);
      Fe.cmov(-1, a, b);
      assertArrayEquals(b0, b);
      long[] n = a0.clone();
      Fe.cnegate(1, n);
      assertEquals(value(a0).negate().mod(P), value(n));
      Fe.cnegate(0, n);
      assertEquals(value(a0).negate().mod(P), value(n));
      long[] abs = Fe.create();
      Fe.abs(a0, abs);
      BigInteger av = value(a0);
      assertEquals(av.testBit(0) ? P.subtract(av).mod(P) : av, value(abs));
    }
  }
}
