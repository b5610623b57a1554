package org.tabella.groups.modp;

import java.math.BigInteger;

/**
 * The Jacobi symbol (a/n) for odd positive n, by the binary algorithm on machine-word-sized
 * quotients. For a safe prime p = 2q + 1, x is in the order-q subgroup iff (x/p) = 1, which is far
 * cheaper than x^q mod p.
 */
final class Jacobi {
  private Jacobi() {}

  /** Returns (a/n) ∈ {−1, 0, 1}; n must be odd and positive. */
  static int symbol(BigInteger a, BigInteger n) {
    if (n.signum() <= 0 || !n.testBit(0)) {
      throw new IllegalArgumentException("the Jacobi symbol needs an odd positive modulus");
    }
    BigInteger x = a.mod(n);
    BigInteger y = n;
    int result = 1;
    while (x.signum() != 0) {
      int twos = x.getLowestSetBit();
      if (twos > 0) {
        x = x.shiftRight(twos);
        int yMod8 = y.intValue() & 7;
        if ((twos & 1) == 1 && (yMod8 == 3 || yMod8 == 5)) {
          result = -result;
        }
      }
      // Quadratic reciprocity: swap, flipping the sign when both are 3 mod 4.
      if ((x.intValue() & 3) == 3 && (y.intValue() & 3) == 3) {
        result = -result;
      }
      BigInteger t = x;
      x = y.mod(t);
      y = t;
    }
    return y.equals(BigInteger.ONE) ? result : 0;
  }
}
