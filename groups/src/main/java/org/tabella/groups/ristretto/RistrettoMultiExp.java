package org.tabella.groups.ristretto;

import java.math.BigInteger;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.Scalar;

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

  private static EdwardsPoint straus(List<Element> bases, List<Scalar> exponents) {
    int n = bases.size();
    EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
    byte[][] naf = new byte[n][];
    EdwardsPoint.Cached[][] positive = new EdwardsPoint.Cached[n][];
    EdwardsPoint.Cached[][] negative = new EdwardsPoint.Cached[n][];
    int top = -1;
    for (int j = 0; j < n; j++) {
      naf[j] = wnaf(exponents.get(j).toBigInteger(), WNAF_WIDTH);
      for (int i = naf[j].length - 1; i > top; i--) {
        if (naf[j][i] != 0) {
          top = i;
          break;
        }
      }
      EdwardsPoint p = ((RistrettoElement) bases.get(j)).point();
      positive[j] = oddMultiples(p, 1 << (WNAF_WIDTH - 2), s);
      negative[j] = new EdwardsPoint.Cached[positive[j].length];
      for (int k = 0; k < positive[j].length; k++) {
        negative[j][k] = negated(positive[j][k]);
      }
    }
    EdwardsPoint acc = EdwardsPoint.identity();
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
    BigInteger[] e = new BigInteger[n];
    int bits = 1;
    for (int j = 0; j < n; j++) {
      cached[j] = ((RistrettoElement) bases.get(j)).point().toCached();
      e[j] = exponents.get(j).toBigInteger();
      bits = Math.max(bits, e[j].bitLength());
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

  private static int window(BigInteger e, int shift, int c) {
    if (shift >= e.bitLength()) {
      return 0;
    }
    return e.shiftRight(shift).intValue() & ((1 << c) - 1);
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

  /** Width-w non-adjacent form: digits odd in (−2^(w−1), 2^(w−1)) or zero; e = Σ d_i·2^i. */
  static byte[] wnaf(BigInteger e, int w) {
    int len = 257;
    byte[] naf = new byte[len];
    int width = 1 << w;
    int mask = width - 1;
    int carry = 0;
    int pos = 0;
    while (pos < len) {
      int window = carry + bitsAt(e, pos, w, mask);
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

  private static int bitsAt(BigInteger e, int pos, int w, int mask) {
    int v = 0;
    for (int b = w - 1; b >= 0; b--) {
      v = (v << 1) | (e.testBit(pos + b) ? 1 : 0);
    }
    return v & mask;
  }
}
