package org.tabella.groups.ristretto;

import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Scalar;

/**
 * Fixed-base multiplication in the style of ref10: {@code table[i][j] = (j+1)·256^i·P} in affine
 * Niels form for i < 32, j < 8; a scalar's 64 signed radix-16 digits take 64 mixed additions
 * (constant-time table selects) and 4 doublings. The table (256 points) is built once with one
 * batched inversion.
 */
final class RistrettoFixedBase implements FixedBaseTable {
  private final Ristretto255Group group;
  private final RistrettoElement base;
  private final EdwardsPoint.Niels[][] table = new EdwardsPoint.Niels[32][8];

  RistrettoFixedBase(Ristretto255Group group, RistrettoElement base) {
    this.group = group;
    this.base = base;
    EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
    EdwardsPoint[] points = new EdwardsPoint[256];
    EdwardsPoint rowBase = base.point().copy();
    for (int i = 0; i < 32; i++) {
      EdwardsPoint m = rowBase.copy();
      points[8 * i] = m.copy();
      for (int j = 1; j < 8; j++) {
        m.add(rowBase, s);
        points[8 * i + j] = m.copy();
      }
      // rowBase ← 256·rowBase = 2^8·rowBase
      for (int k = 0; k < 8; k++) {
        rowBase.dbl(true, s);
      }
    }
    long[][] zs = new long[points.length][];
    for (int k = 0; k < zs.length; k++) {
      zs[k] = points[k].z;
    }
    long[][] zInverse = Fe.invertAll(zs);
    long[] ax = Fe.create();
    long[] ay = Fe.create();
    long[] t = Fe.create();
    for (int k = 0; k < 256; k++) {
      EdwardsPoint p = points[k];
      Fe.mul(p.x, zInverse[k], ax);
      Fe.mul(p.y, zInverse[k], ay);
      EdwardsPoint.Niels n = new EdwardsPoint.Niels();
      Fe.add(ay, ax, n.yPlusX);
      Fe.sub(ay, ax, n.yMinusX);
      Fe.mul(ax, ay, t);
      Fe.mul(t, Fe.D2, n.xy2d);
      table[k / 8][k % 8] = n;
    }
  }

  @Override
  public Element base() {
    return base;
  }

  @Override
  public Element exp(Scalar e) {
    byte[] digits = Radix16.digits(group.requireScalar(e).toBigInteger());
    EdwardsPoint acc = EdwardsPoint.identity();
    EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
    EdwardsPoint.Niels selected = new EdwardsPoint.Niels();
    for (int i = 1; i < 64; i += 2) {
      addSelected(acc, i, digits[i], selected, s);
    }
    acc.dbl(false, s);
    acc.dbl(false, s);
    acc.dbl(false, s);
    acc.dbl(true, s);
    for (int i = 0; i < 64; i += 2) {
      addSelected(acc, i, digits[i], selected, s);
    }
    return new RistrettoElement(group, acc);
  }

  /** Row 0 holds 1·P … 8·P, so a vote's power is a constant-time select there and one addition. */
  @Override
  public Element timesSmallPower(Element x, int e, int bound) {
    FixedBaseTable.checkSmall(e, bound);
    if (bound > 8) {
      return timesPower(x, group.scalar(e));
    }
    EdwardsPoint acc = group.cast(x).point().copy();
    addSelected(acc, 0, e, new EdwardsPoint.Niels(), new EdwardsPoint.Scratch());
    return new RistrettoElement(group, acc);
  }

  private void addSelected(EdwardsPoint acc, int i, int d, EdwardsPoint.Niels selected,
      EdwardsPoint.Scratch s) {
    EdwardsPoint.Niels[] row = table[i / 2];
    int abs = Radix16.abs(d);
    selected.setIdentity();
    for (int j = 0; j < 8; j++) {
      selected.cmov(Radix16.eqMask(abs, j + 1), row[j]);
    }
    selected.cnegate(Radix16.negativeBit(d));
    acc.addNiels(selected, s);
  }
}
