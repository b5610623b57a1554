package org.tabella.groups.decaf;

import java.math.BigInteger;
import java.util.List;
import org.tabella.groups.Element;
import org.tabella.groups.Scalar;
import org.tabella.groups.internal.Wnaf;

/**
 * Variable-time multi-scalar multiplication on edwards448 for public exponents (verification):
 * interleaved width-5 wNAF (Straus) on mutable points, an exponent above ℓ/2 replaced by ℓ − e on
 * the negated base. One base is {@code expPublic}.
 */
final class DecafMultiExp {
  private static final int WIDTH = 5;
  private static final BigInteger HALF_ORDER = Decaf448Group.ORDER.shiftRight(1);

  private DecafMultiExp() {}

  static Ed448Point straus(List<Element> bases, List<Scalar> exponents) {
    int n = bases.size();
    Ed448Point.Scratch s = new Ed448Point.Scratch();
    byte[][] naf = new byte[n][];
    Ed448Point[][] positive = new Ed448Point[n][];
    Ed448Point[][] negative = new Ed448Point[n][];
    int top = -1;
    for (int j = 0; j < n; j++) {
      BigInteger e = exponents.get(j).toBigInteger();
      boolean flip = e.compareTo(HALF_ORDER) > 0;
      naf[j] = Wnaf.digits(flip ? Decaf448Group.ORDER.subtract(e) : e, WIDTH, 448);
      int last = -1;
      for (int i = naf[j].length - 1; i >= 0 && last < 0; i--) {
        if (naf[j][i] != 0) {
          last = i;
        }
      }
      top = Math.max(top, last);
      if (last < 0) {
        continue;
      }
      Ed448Point p = ((DecafElement) bases.get(j)).point();
      Ed448Point[] odd = new Ed448Point[1 << (WIDTH - 2)];
      odd[0] = p.copy();
      Ed448Point twice = p.copy();
      twice.dbl(s);
      for (int k = 1; k < odd.length; k++) {
        odd[k] = odd[k - 1].copy();
        odd[k].add(twice, s);
      }
      Ed448Point[] neg = new Ed448Point[odd.length];
      for (int k = 0; k < odd.length; k++) {
        neg[k] = odd[k].negate();
      }
      positive[j] = flip ? neg : odd;
      negative[j] = flip ? odd : neg;
    }
    Ed448Point acc = Ed448Point.identity();
    for (int i = top; i >= 0; i--) {
      if (i != top) {
        acc.dbl(s);
      }
      for (int j = 0; j < n; j++) {
        int d = naf[j][i];
        if (d > 0) {
          acc.add(positive[j][d >> 1], s);
        } else if (d < 0) {
          acc.add(negative[j][(-d) >> 1], s);
        }
      }
    }
    return acc;
  }
}
