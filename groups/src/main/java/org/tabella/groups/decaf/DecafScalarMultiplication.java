package org.tabella.groups.decaf;

import java.math.BigInteger;

/**
 * Constant-time scalar multiplication on edwards448 for decaf448: signed radix-16 digits (112
 * digits in [−8, 8) for a scalar below 2^447), a table of 1·P … 8·P read with constant-time
 * selects, four doublings and one addition per digit. No branch or index depends on the scalar.
 */
final class DecafScalarMultiplication {
  static final int DIGITS = 112;

  private DecafScalarMultiplication() {}

  static Ed448Point variableBase(Ed448Point p, BigInteger scalar) {
    Ed448Point.Scratch s = new Ed448Point.Scratch();
    Ed448Point[] table = new Ed448Point[8];
    table[0] = p.copy();
    for (int j = 1; j < 8; j++) {
      table[j] = table[j - 1].copy();
      table[j].add(p, s);
    }
    byte[] digits = digits(scalar);
    Ed448Point acc = Ed448Point.identity();
    Ed448Point selected = Ed448Point.identity();
    for (int i = DIGITS - 1; i >= 0; i--) {
      if (i != DIGITS - 1) {
        for (int k = 0; k < 4; k++) {
          acc.dbl(s);
        }
      }
      select(table, digits[i], selected);
      acc.add(selected, s);
    }
    return acc;
  }

  /** selected = d·P from the table of 1·P … 8·P, for d in [−8, 8], in constant time. */
  static void select(Ed448Point[] table, int d, Ed448Point selected) {
    int negative = (d >>> 31) & 1;
    int mask = d >> 31;
    int abs = (d ^ mask) - mask;
    selected.set(IDENTITY);
    for (int j = 0; j < 8; j++) {
      int x = abs ^ (j + 1);
      selected.cmov((x - 1) >> 31, table[j]);
    }
    selected.cnegate(negative);
  }

  private static final Ed448Point IDENTITY = Ed448Point.identity();

  /** Signed radix-16 digits e = Σ d_i·16^i, d_i in [−8, 8), the last one absorbing the carry. */
  static byte[] digits(BigInteger scalar) {
    byte[] le = new byte[DIGITS / 2];
    byte[] be = scalar.toByteArray();
    for (int i = 0; i < le.length && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    byte[] e = new byte[DIGITS];
    for (int i = 0; i < le.length; i++) {
      e[2 * i] = (byte) (le[i] & 15);
      e[2 * i + 1] = (byte) ((le[i] >>> 4) & 15);
    }
    int carry = 0;
    for (int i = 0; i < DIGITS - 1; i++) {
      int v = e[i] + carry;
      carry = (v + 8) >> 4;
      e[i] = (byte) (v - (carry << 4));
    }
    e[DIGITS - 1] = (byte) (e[DIGITS - 1] + carry);
    return e;
  }
}
