package org.tabella.groups.modp;

import java.math.BigInteger;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Scalar;

/**
 * Fixed-base exponentiation for mod-p groups: the exponent is cut into w-bit digits and
 * {@code table[i][d] = base^(d·2^(w·i))}, so {@code base^e} costs one modular multiplication per
 * non-zero digit and no squarings. The width is the largest whose table fits the byte budget.
 *
 * <p>The table path is not constant-time (which entry is read depends on the exponent), so only
 * {@link #expPublic} uses it; {@link #exp} (secrets) goes through the blinded exponentiation.
 */
final class ModpFixedBase implements FixedBaseTable {
  /** Default table budget per base: 16 MiB. */
  static final long DEFAULT_BUDGET_BYTES = 16L << 20;

  private final ModpGroup group;
  private final ModpElement base;
  private final int width;
  private final BigInteger[][] table;

  ModpFixedBase(ModpGroup group, ModpElement base, long budgetBytes) {
    this.group = group;
    this.base = base;
    int bits = group.order().bitLength();
    this.width = chooseWidth(bits, group.elementLength(), budgetBytes);
    int windows = (bits + width - 1) / width;
    int digits = 1 << width;
    this.table = new BigInteger[windows][digits];
    BigInteger windowBase = base.value();
    for (int i = 0; i < windows; i++) {
      BigInteger[] row = table[i];
      row[0] = BigInteger.ONE;
      row[1] = windowBase;
      for (int d = 2; d < digits; d++) {
        row[d] = group.multiplyMod(row[d - 1], windowBase);
      }
      // next window base = windowBase^(2^w) = row[2^w − 1] · windowBase
      windowBase = group.multiplyMod(row[digits - 1], windowBase);
    }
  }

  /** Largest w ≤ 12 with ⌈bits/w⌉·2^w entries of (length + 48) bytes within the budget. */
  static int chooseWidth(int bits, int elementLength, long budgetBytes) {
    int best = 1;
    for (int w = 1; w <= 12; w++) {
      long entries = (long) ((bits + w - 1) / w) << w;
      if (entries * (elementLength + 48L) <= budgetBytes) {
        best = w;
      }
    }
    return best;
  }

  @Override
  public Element base() {
    return base;
  }

  /**
   * Secret exponents never touch the table (its lookups depend on the exponent's digits): this is
   * {@code base.exp(e)}, the exponent-blinded path of SPEC.md §1.7.
   */
  @Override
  public Element exp(Scalar e) {
    return base.exp(group.requireScalar(e));
  }

  /** Public exponents: one multiplication per non-zero w-bit digit, lookups depending on the digits. */
  @Override
  public Element expPublic(Scalar e) {
    BigInteger x = group.requireScalar(e).toBigInteger();
    BigInteger acc = null;
    int mask = (1 << width) - 1;
    for (int i = 0; i < table.length; i++) {
      int d = digit(x, i * width, mask);
      if (d != 0) {
        acc = acc == null ? table[i][d] : group.multiplyMod(acc, table[i][d]);
      }
    }
    return new ModpElement(group, acc == null ? BigInteger.ONE : acc);
  }

  private int digit(BigInteger x, int shift, int mask) {
    if (width <= 30 && shift < x.bitLength()) {
      return x.shiftRight(shift).intValue() & mask;
    }
    return 0;
  }
}
