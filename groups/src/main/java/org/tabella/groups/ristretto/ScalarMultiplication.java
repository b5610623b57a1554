package org.tabella.groups.ristretto;

import java.math.BigInteger;

/**
 * Constant-time variable-base scalar multiplication on edwards25519: signed radix-16 digits, a
 * table of 1·P … 8·P in cached form read with constant-time selects, four doublings and one
 * addition per digit.
 */
final class ScalarMultiplication {
  private ScalarMultiplication() {}

  static EdwardsPoint variableBase(EdwardsPoint p, BigInteger scalar) {
    EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
    EdwardsPoint.Cached[] table = new EdwardsPoint.Cached[8];
    EdwardsPoint multiple = p.copy();
    table[0] = multiple.toCached();
    for (int j = 1; j < 8; j++) {
      multiple.addCached(table[0], s);
      table[j] = multiple.toCached();
    }
    byte[] digits = Radix16.digits(scalar);
    EdwardsPoint acc = EdwardsPoint.identity();
    EdwardsPoint.Cached selected = new EdwardsPoint.Cached();
    for (int i = 63; i >= 0; i--) {
      if (i != 63) {
        acc.dbl(false, s);
        acc.dbl(false, s);
        acc.dbl(false, s);
        acc.dbl(true, s);
      }
      int d = digits[i];
      int abs = Radix16.abs(d);
      selected.setIdentity();
      for (int j = 0; j < 8; j++) {
        selected.cmov(Radix16.eqMask(abs, j + 1), table[j]);
      }
      selected.cnegate(Radix16.negativeBit(d));
      acc.addCached(selected, s);
    }
    return acc;
  }
}
