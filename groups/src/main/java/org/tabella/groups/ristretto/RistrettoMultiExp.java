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

  private static EdwardsPoint pippenger(List<Element> bases, List<Scalar> exponents) {
    int n = bases.size();
    EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
    EdwardsPoint.Cached[] cached = new EdwardsPoint.Cached[n];
    long[][] e = new long[n][];
    int bits = 1;
    for (int j = 0; j < n; j++) {
      BigInteger x = exponents.get(j).toBigInteger();
      boolean flip = x.compareTo(HALF_ORDER) > 0; // as in straus: the shorter of e and ℓ − e
      EdwardsPoint.Cached c = ((RistrettoElement) bases.get(j)).point().toCached();
      cached[j] = flip ? negated(c) : c;
      x = flip ? ORDER.subtract(x) : x;
      e[j] = Wnaf.limbs(x, 5);
      bits = Math.max(bits, x.bitLength());
    }
    int c = org.tabella.groups.internal.MultiExp.bestWindow(n, bits);
    int windows = (bits + c - 1) / c;
    EdwardsPoint[] buckets = new EdwardsPoint[1 << c];
    for (int k = 1; k < buckets.length; k++) {
      buckets[k] = EdwardsPoint.identity();
    }
    boolean[] used = new boolean[1 << c];
    EdwardsPoint acc = EdwardsPoint.identity();
    EdwardsPoint identity = EdwardsPoint.identity();
    for (int w = windows - 1; w >= 0; w--) {
      for (int k = 0; k < c; k++) {
        acc.dbl(k == c - 1, s);
      }
      java.util.Arrays.fill(used, false);
      int shift = w * c;
      for (int j = 0; j < n; j++) {
        int d = window(e[j], shift, c);
        if (d != 0) {
          if (!used[d]) {
            buckets[d].set(identity);
            used[d] = true;
          }
          buckets[d].addCached(cached[j], s);
        }
      }
      EdwardsPoint running = EdwardsPoint.identity();
      EdwardsPoint sum = EdwardsPoint.identity();
      boolean any = false;
      for (int k = buckets.length - 1; k >= 1; k--) {
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

  private static int window(long[] e, int shift, int c) {
    return Wnaf.bitsAt(e, shift, (1 << c) - 1);
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
