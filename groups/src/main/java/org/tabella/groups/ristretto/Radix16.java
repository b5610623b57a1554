package org.tabella.groups.ristretto;

import java.math.BigInteger;

/**
 * Signed radix-16 recoding of a scalar below 2^255: 64 digits in [−8, 8) with
 * e = Σ digits[i]·16^i. The loop runs the same way for every scalar (no secret-dependent branches).
 */
final class Radix16 {
  private Radix16() {}

  static byte[] digits(BigInteger scalar) {
    byte[] le = new byte[32];
    byte[] be = scalar.toByteArray();
    for (int i = 0; i < 32 && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    byte[] e = new byte[64];
    for (int i = 0; i < 32; i++) {
      e[2 * i] = (byte) (le[i] & 15);
      e[2 * i + 1] = (byte) ((le[i] >>> 4) & 15);
    }
    int carry = 0;
    for (int i = 0; i < 63; i++) {
      int v = e[i] + carry;
      carry = (v + 8) >> 4;
      e[i] = (byte) (v - (carry << 4));
    }
    e[63] = (byte) (e[63] + carry);
    return e;
  }

  /** Returns 1 if d < 0 else 0, and |d|, without branches. */
  static int negativeBit(int d) {
    return (d >>> 31) & 1;
  }

  static int abs(int d) {
    int mask = d >> 31;
    return (d ^ mask) - mask;
  }

  /** All ones if a == b (small non-negative ints), else 0. */
  static int eqMask(int a, int b) {
    int x = a ^ b;
    return (x - 1) >> 31;
  }
}
