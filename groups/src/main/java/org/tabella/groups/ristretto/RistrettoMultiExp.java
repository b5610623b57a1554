package org.tabella.groups.ristretto;

import java.math.BigInteger;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.Scalar;
import org.tabella.groups.internal.Wnaf;

/**
 * Variable-time multi-scalar multiplication on mutable edwards25519 points (public scalars only):
 * interleaved width-5 wNAF (Straus) for few terms, the bucket method (Pippenger) for many. Works on
 * cached-form addends and skips T where no addition follows, which the generic
 * {@code MultiExp} cannot do through immutable elements.
 */
final class RistrettoMultiExp {
  static final int PIPPENGER_THRESHOLD = 512;
  private static final int WNAF_WIDTH = 5;

  private RistrettoMultiExp() {}

  static EdwardsPoint compute(List<Element> bases, List<Scalar> exponents) {
    return bases.size() < PIPPENGER_THRESHOLD
        ? straus(bases, exponents)
        : pippenger(bases, exponents);
  }

  /** The group order ℓ and ℓ/2: an exponent above ℓ/2 is replaced by ℓ − e on the negated base. */
  private static final BigInteger ORDER = Ristretto255Group.ORDER;
  private static final BigInteger HALF_ORDER = ORDER.shiftRight(1);

  private static EdwardsPoint straus(List<Element> bases, List<Scalar> exponents) {
    int n = bases.size();
    EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
    byte[][] naf = new byte[n][];
    EdwardsPoint.Cached[][] positive = new EdwardsPoint.Cached[n][];
    EdwardsPoint.Cached[][] negative = new EdwardsPoint.Cached[n][];
    int top = -1;
    for (int j = 0; j < n; j++) {
      BigInteger e = exponents.get(j).toBigInteger();
      // e and −(ℓ − e) are the same exponent: take the shorter one (a negated 128-bit weight
      // would otherwise cost a full 253-bit chain).
      boolean flip = e.compareTo(HALF_ORDER) > 0;
      naf[j] = wnaf(flip ? ORDER.subtract(e) : e, WNAF_WIDTH);
      int last = -1;
      for (int i = naf[j].length - 1; i >= 0; i--) {
        if (naf[j][i] != 0) {
          last = i;
          break;
        }
      }
      top = Math.max(top, last);
      if (last < 0) {
        continue; // a zero exponent: no table
      }
      EdwardsPoint p = ((RistrettoElement) bases.get(j)).point();
      EdwardsPoint.Cached[] odd = oddMultiples(p, 1 << (WNAF_WIDTH - 2), s);
      EdwardsPoint.Cached[] neg = new EdwardsPoint.Cached[odd.length];
      for (int k = 0; k < odd.length; k++) {
        neg[k] = negated(odd[k]);
      }
      positive[j] = flip ? neg : odd;
      negative[j] = flip ? odd : neg;
    }
    EdwardsPoint acc = EdwardsPoint.identity();
    if (top < 0) {
      return acc;
    }
    for (int i = top; i >= 0; i--) {
      boolean adds = false;
      for (int j = 0; j < n && !adds; j++) {
        adds = naf[j][i] != 0;
      }
      if (i != top) {
        acc.dbl(adds || i == 0, s); // the result must carry a valid T
      }
      for (int j = 0; j < n; j++) {
        int d = naf[j][i];
        if (d > 0) {
          acc.addCached(positive[j][d >> 1], s);
        } else if (d < 0) {
          acc.addCached(negative[j][(-d) >> 1], s);
        }
      }
    }
    return acc;
  }

  /**
   * The bucket method with signed c-bit digits in [−2^(c−1), 2^(c−1)]: half the buckets of
   * unsigned digits (a negative digit adds the negated addend), and a window chosen for the
   * exponents' actual lengths — a batch's 128-bit weights cost half the digits of its 253-bit
   * combined challenges.
   */
  private static EdwardsPoint pippenger(List<Element> bases, List<Scalar> exponents) {
    int n = bases.size();
    EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
    EdwardsPoint.Cached[] plus = new EdwardsPoint.Cached[n];
    EdwardsPoint.Cached[] minus = new EdwardsPoint.Cached[n];
    BigInteger[] x = new BigInteger[n];
    int maxBits = 1;
    long totalBits = 0;
    for (int j = 0; j < n; j++) {
      BigInteger v = exponents.get(j).toBigInteger();
      boolean flip = v.compareTo(HALF_ORDER) > 0; // as in straus: the shorter of e and ℓ − e
      EdwardsPoint.Cached c = ((RistrettoElement) bases.get(j)).point().toCached();
      plus[j] = flip ? negated(c) : c;
      minus[j] = flip ? c : negated(c);
      x[j] = flip ? ORDER.subtract(v) : v;
      maxBits = Math.max(maxBits, x[j].bitLength());
      totalBits += x[j].bitLength();
    }
    int c = signedWindow(n, totalBits, maxBits);
    int windows = (maxBits + 1 + c - 1) / c; // one more bit for the last carry
    short[][] digits = new short[n][];
    for (int j = 0; j < n; j++) {
      digits[j] = signedDigits(Wnaf.limbs(x[j], 5), c, windows);
    }
    int half = 1 << (c - 1);
    EdwardsPoint[] buckets = new EdwardsPoint[half + 1];
    for (int k = 1; k <= half; k++) {
      buckets[k] = EdwardsPoint.identity();
    }
    boolean[] used = new boolean[half + 1];
    EdwardsPoint acc = EdwardsPoint.identity();
    EdwardsPoint identity = EdwardsPoint.identity();
    for (int w = windows - 1; w >= 0; w--) {
      for (int k = 0; k < c; k++) {
        acc.dbl(k == c - 1, s);
      }
      java.util.Arrays.fill(used, false);
      for (int j = 0; j < n; j++) {
        int d = digits[j][w];
        if (d != 0) {
          int k = Math.abs(d);
          if (!used[k]) {
            buckets[k].set(identity);
            used[k] = true;
          }
          buckets[k].addCached(d > 0 ? plus[j] : minus[j], s);
        }
      }
      EdwardsPoint running = EdwardsPoint.identity();
      EdwardsPoint sum = EdwardsPoint.identity();
      boolean any = false;
      for (int k = half; k >= 1; k--) {
        if (used[k]) {
          running.add(buckets[k], s);
          any = true;
        }
        if (any) {
          sum.add(running, s);
        }
      }
      acc.add(sum, s);
    }
    return acc;
  }

  /**
   * The window minimising the additions: a digit per c bits of every exponent, plus, per window,
   * two additions per bucket (2^(c−1) buckets) to sum them.
   */
  static int signedWindow(int n, long totalBits, int maxBits) {
    int best = 2;
    double bestCost = Double.MAX_VALUE;
    for (int c = 2; c <= 16; c++) {
      int windows = (maxBits + 1 + c - 1) / c;
      double cost = (double) totalBits / c + (double) windows * (2L << (c - 1));
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }

  /**
   * e = Σ d_w·2^(c·w) with every d_w in [−2^(c−1), 2^(c−1)]: each c-bit window plus the carry of
   * the one below, less 2^c (carrying one) when it exceeds 2^(c−1).
   */
  static short[] signedDigits(long[] limbs, int c, int windows) {
    short[] d = new short[windows];
    int carry = 0;
    int mask = (1 << c) - 1;
    int half = 1 << (c - 1);
    for (int w = 0; w < windows; w++) {
      int v = Wnaf.bitsAt(limbs, w * c, mask) + carry;
      carry = v > half ? 1 : 0;
      d[w] = (short) (v - (carry << c));
    }
    return d;
  }

  /** P, 3P, 5P, … in cached form. */
  private static EdwardsPoint.Cached[] oddMultiples(EdwardsPoint p, int count, EdwardsPoint.Scratch s) {
    EdwardsPoint.Cached[] t = new EdwardsPoint.Cached[count];
    t[0] = p.toCached();
    EdwardsPoint p2 = p.copy();
    p2.dbl(true, s);
    EdwardsPoint.Cached twice = p2.toCached();
    EdwardsPoint m = p.copy();
    for (int k = 1; k < count; k++) {
      m.addCached(twice, s);
      t[k] = m.toCached();
    }
    return t;
  }

  private static EdwardsPoint.Cached negated(EdwardsPoint.Cached c) {
    EdwardsPoint.Cached n = new EdwardsPoint.Cached();
    n.cmov(-1, c);
    n.cnegate(1);
    return n;
  }

  /** Width-w non-adjacent form of e < 2^256 (see {@link Wnaf#digits}). */
  static byte[] wnaf(BigInteger e, int w) {
    return Wnaf.digits(e, w, 256);
  }
}
