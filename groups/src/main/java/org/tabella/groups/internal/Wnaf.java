package org.tabella.groups.internal;

import java.math.BigInteger;

/**
 * Width-w non-adjacent form of a public exponent, and the little-endian 64-bit limbs it is read
 * from (once, instead of one {@code BigInteger.testBit} per bit). Variable-time: public exponents
 * only. Not part of the public API.
 */
public final class Wnaf {
  private Wnaf() {}

  /** e (0 ≤ e < 2^(64·words)) as little-endian 64-bit limbs. */
  public static long[] limbs(BigInteger e, int words) {
    long[] limbs = new long[words];
    byte[] be = e.toByteArray();
    for (int i = 0; i < be.length && i < 8 * words; i++) {
      limbs[i >>> 3] |= (be[be.length - 1 - i] & 0xFFL) << ((i & 7) << 3);
    }
    return limbs;
  }

  /** The bits pos, pos+1, … of the little-endian limbs, masked. */
  public static int bitsAt(long[] limbs, int pos, int mask) {
    int word = pos >>> 6;
    int bit = pos & 63;
    if (word >= limbs.length) {
      return 0;
    }
    long v = limbs[word] >>> bit;
    if (bit > 0 && word + 1 < limbs.length) {
      v |= limbs[word + 1] << (64 - bit);
    }
    return (int) v & mask;
  }

  /**
   * Digits of e (0 ≤ e < 2^bits) in width-w NAF: odd in (−2^(w−1), 2^(w−1)) or zero, at least w − 1
   * zeros between non-zero ones, e = Σ d_i·2^i; {@code bits + 2} digits.
   */
  public static byte[] digits(BigInteger e, int w, int bits) {
    int len = bits + 2;
    long[] limbs = limbs(e, (bits + 64) / 64 + 1);
    byte[] naf = new byte[len];
    int width = 1 << w;
    int mask = width - 1;
    int carry = 0;
    int pos = 0;
    while (pos < len - 1) {
      int window = carry + bitsAt(limbs, pos, mask);
      if ((window & 1) == 0) {
        pos++;
        continue;
      }
      if (window < width / 2) {
        carry = 0;
        naf[pos] = (byte) window;
      } else {
        carry = 1;
        naf[pos] = (byte) (window - width);
      }
      pos += w;
    }
    return naf;
  }
}
