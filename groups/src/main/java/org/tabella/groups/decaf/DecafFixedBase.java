package org.tabella.groups.decaf;

import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Scalar;

/**
 * Fixed-base multiplication for decaf448: {@code table[i][j] = (j+1)·16^i·P} for i < 112, j < 8
 * (896 points, ≈ 230 KiB); a scalar's 112 signed radix-16 digits take 112 additions of
 * constant-time selected entries and no doubling.
 */
final class DecafFixedBase implements FixedBaseTable {
  private final Decaf448Group group;
  private final DecafElement base;
  private final Ed448Point[][] table = new Ed448Point[DecafScalarMultiplication.DIGITS][8];

  DecafFixedBase(Decaf448Group group, DecafElement base) {
    this.group = group;
    this.base = base;
    Ed448Point.Scratch s = new Ed448Point.Scratch();
    Ed448Point rowBase = base.point().copy();
    for (int i = 0; i < table.length; i++) {
      table[i][0] = rowBase.copy();
      for (int j = 1; j < 8; j++) {
        table[i][j] = table[i][j - 1].copy();
        table[i][j].add(rowBase, s);
      }
      for (int k = 0; k < 4; k++) {
        rowBase.dbl(s);
      }
    }
  }

  @Override
  public Element base() {
    return base;
  }

  @Override
  public Element exp(Scalar e) {
    byte[] digits = DecafScalarMultiplication.digits(group.requireScalar(e).toBigInteger());
    Ed448Point acc = Ed448Point.identity();
    Ed448Point.Scratch s = new Ed448Point.Scratch();
    Ed448Point selected = Ed448Point.identity();
    for (int i = 0; i < table.length; i++) {
      DecafScalarMultiplication.select(table[i], digits[i], selected);
      acc.add(selected, s);
    }
    return new DecafElement(group, acc);
  }

  /** Row 0 holds 1·P … 8·P, so a vote's power is a constant-time select there and one addition. */
  @Override
  public Element timesSmallPower(Element x, int e, int bound) {
    FixedBaseTable.checkSmall(e, bound);
    if (bound > 8) {
      return timesPower(x, group.scalar(e));
    }
    Ed448Point acc = group.cast(x).point().copy();
    Ed448Point selected = Ed448Point.identity();
    DecafScalarMultiplication.select(table[0], e, selected);
    acc.add(selected, new Ed448Point.Scratch());
    return new DecafElement(group, acc);
  }
}
