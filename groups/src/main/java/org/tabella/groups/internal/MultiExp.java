package org.tabella.groups.internal;

import java.math.BigInteger;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.Scalar;

/**
 * Group-independent simultaneous multi-exponentiation {@code ∏ b_i^{e_i}} for public exponents:
 * interleaved sliding windows (Straus) for a few terms, the bucket method (Pippenger) for many.
 * Written against {@link Element#mul} and {@link Element#square} only, so every group gets it.
 * Not part of the public API.
 */
public final class MultiExp {
  /** Below this many terms the interleaved sliding-window method wins. */
  static final int PIPPENGER_THRESHOLD = 24;

  private MultiExp() {}

  /** Returns {@code ∏ bases[i]^exponents[i]}; {@code identity} when the lists are empty. */
  public static Element compute(Element identity, List<Element> bases, List<Scalar> exponents) {
    int n = bases.size();
    if (n == 0) {
      return identity;
    }
    if (n == 1) {
      return bases.get(0).expPublic(exponents.get(0));
    }
    return n < PIPPENGER_THRESHOLD
        ? straus(identity, bases, exponents)
        : pippenger(identity, bases, exponents);
  }

  /** Interleaved sliding windows: one shared chain of squarings, odd powers per base. */
  static Element straus(Element identity, List<Element> bases, List<Scalar> exponents) {
    int n = bases.size();
    int maxBits = 0;
    for (Scalar e : exponents) {
      maxBits = Math.max(maxBits, e.toBigInteger().bitLength());
    }
    int width = maxBits > 160 ? 5 : 4;
    int[][] digits = new int[n][];
    Element[][] oddPowers = new Element[n][];
    for (int j = 0; j < n; j++) {
      digits[j] = slidingWindowDigits(exponents.get(j).toBigInteger(), width, maxBits);
      oddPowers[j] = oddPowers(bases.get(j), 1 << (width - 1));
    }
    Element acc = null;
    for (int i = maxBits - 1; i >= 0; i--) {
      if (acc != null) {
        acc = acc.square();
      }
      for (int j = 0; j < n; j++) {
        int d = digits[j][i];
        if (d != 0) {
          Element t = oddPowers[j][d >> 1];
          acc = acc == null ? t : acc.mul(t);
        }
      }
    }
    return acc == null ? identity : acc;
  }

  /** Bucket method: per window, sort bases into buckets by digit, then sum k·bucket[k]. */
  static Element pippenger(Element identity, List<Element> bases, List<Scalar> exponents) {
    int n = bases.size();
    BigInteger[] e = new BigInteger[n];
    int maxBits = 0;
    for (int j = 0; j < n; j++) {
      e[j] = exponents.get(j).toBigInteger();
      maxBits = Math.max(maxBits, e[j].bitLength());
    }
    if (maxBits == 0) {
      return identity;
    }
    int c = bestWindow(n, maxBits);
    int windows = (maxBits + c - 1) / c;
    Element acc = null;
    Element[] buckets = new Element[1 << c];
    for (int w = windows - 1; w >= 0; w--) {
      if (acc != null) {
        for (int s = 0; s < c; s++) {
          acc = acc.square();
        }
      }
      java.util.Arrays.fill(buckets, null);
      int shift = w * c;
      for (int j = 0; j < n; j++) {
        int d = window(e[j], shift, c);
        if (d != 0) {
          buckets[d] = buckets[d] == null ? bases.get(j) : buckets[d].mul(bases.get(j));
        }
      }
      Element running = null;
      Element windowSum = null;
      for (int k = buckets.length - 1; k >= 1; k--) {
        if (buckets[k] != null) {
          running = running == null ? buckets[k] : running.mul(buckets[k]);
        }
        if (running != null) {
          windowSum = windowSum == null ? running : windowSum.mul(running);
        }
      }
      if (windowSum != null) {
        acc = acc == null ? windowSum : acc.mul(windowSum);
      }
    }
    return acc == null ? identity : acc;
  }

  /** Picks the window width that minimises windows·(n + 2^(c+1)) group operations. */
  public static int bestWindow(int n, int bits) {
    int best = 1;
    long bestCost = Long.MAX_VALUE;
    for (int c = 1; c <= 16; c++) {
      long windows = (bits + c - 1) / c;
      long cost = windows * (n + (2L << c));
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }

  private static int window(BigInteger e, int shift, int c) {
    int d = 0;
    for (int b = c - 1; b >= 0; b--) {
      d = (d << 1) | (e.testBit(shift + b) ? 1 : 0);
    }
    return d;
  }

  /** Returns b, b^3, b^5, … b^(2·count − 1). */
  static Element[] oddPowers(Element b, int count) {
    Element[] t = new Element[count];
    t[0] = b;
    if (count > 1) {
      Element b2 = b.square();
      for (int k = 1; k < count; k++) {
        t[k] = t[k - 1].mul(b2);
      }
    }
    return t;
  }

  /**
   * Sliding-window recoding: digits[i] is zero or an odd value below 2^width, and
   * e = Σ digits[i]·2^i.
   */
  static int[] slidingWindowDigits(BigInteger e, int width, int bits) {
    int[] digits = new int[Math.max(bits, 1)];
    int i = 0;
    int len = e.bitLength();
    while (i < len) {
      if (!e.testBit(i)) {
        i++;
        continue;
      }
      int top = Math.min(i + width, len) - 1;
      while (!e.testBit(top)) {
        top--;
      }
      int d = 0;
      for (int b = top; b >= i; b--) {
        d = (d << 1) | (e.testBit(b) ? 1 : 0);
      }
      // d is odd (bit i set); place it at the window's lowest bit.
      digits[i] = d;
      i = top + 1;
    }
    return digits;
  }
}
