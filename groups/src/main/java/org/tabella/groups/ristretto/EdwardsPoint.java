package org.tabella.groups.ristretto;

/**
 * A point of edwards25519 (−x² + y² = 1 + d·x²·y²) in extended coordinates (X : Y : Z : T),
 * x = X/Z, y = Y/Z, x·y = T/Z. Mutable working storage for the ristretto255 arithmetic; values
 * handed to {@link RistrettoElement} are never mutated afterwards. The formulas are the complete
 * a = −1 formulas of Hisil–Wong–Carter–Dawson 2008 (add-2008-hwcd-3, dbl-2008-hwcd).
 */
final class EdwardsPoint {
  final long[] x;
  final long[] y;
  final long[] z;
  final long[] t;

  EdwardsPoint(long[] x, long[] y, long[] z, long[] t) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.t = t;
  }

  static EdwardsPoint identity() {
    return new EdwardsPoint(Fe.create(), Fe.fromInt(1), Fe.fromInt(1), Fe.create());
  }

  EdwardsPoint copy() {
    return new EdwardsPoint(x.clone(), y.clone(), z.clone(), t.clone());
  }

  void set(EdwardsPoint p) {
    System.arraycopy(p.x, 0, x, 0, 5);
    System.arraycopy(p.y, 0, y, 0, 5);
    System.arraycopy(p.z, 0, z, 0, 5);
    System.arraycopy(p.t, 0, t, 0, 5);
  }

  /** this = p where mask is all ones, unchanged where it is zero, without a branch. */
  void cmov(int mask, EdwardsPoint p) {
    Fe.cmov(mask, p.x, x);
    Fe.cmov(mask, p.y, y);
    Fe.cmov(mask, p.z, z);
    Fe.cmov(mask, p.t, t);
  }

  /** Temporaries for one chain of point operations. */
  static final class Scratch {
    final long[] a = Fe.create();
    final long[] b = Fe.create();
    final long[] c = Fe.create();
    final long[] d = Fe.create();
    final long[] e = Fe.create();
    final long[] f = Fe.create();
    final long[] g = Fe.create();
    final long[] h = Fe.create();
  }

  /** this = this + q (general extended addition). */
  void add(EdwardsPoint q, Scratch s) {
    Fe.subLazy(y, x, s.e);
    Fe.subLazy(q.y, q.x, s.f);
    Fe.mul(s.e, s.f, s.a);          // A = (Y1−X1)(Y2−X2)
    Fe.addLazy(y, x, s.e);
    Fe.addLazy(q.y, q.x, s.f);
    Fe.mul(s.e, s.f, s.b);          // B = (Y1+X1)(Y2+X2)
    Fe.mul(t, q.t, s.e);
    Fe.mul(s.e, Fe.D2, s.c);        // C = 2d·T1·T2
    Fe.mul(z, q.z, s.e);
    Fe.addLazy(s.e, s.e, s.d);      // D = 2·Z1·Z2
    finish(s);
  }

  /** this = this + c for a cached point (Y+X, Y−X, Z, 2d·T). */
  void addCached(Cached c, Scratch s) {
    Fe.subLazy(y, x, s.e);
    Fe.mul(s.e, c.yMinusX, s.a);
    Fe.addLazy(y, x, s.e);
    Fe.mul(s.e, c.yPlusX, s.b);
    Fe.mul(t, c.t2d, s.c);
    Fe.mul(z, c.z, s.e);
    Fe.addLazy(s.e, s.e, s.d);
    finish(s);
  }

  /** this = this + n for an affine Niels point (y+x, y−x, 2d·x·y), Z = 1. */
  void addNiels(Niels n, Scratch s) {
    Fe.subLazy(y, x, s.e);
    Fe.mul(s.e, n.yMinusX, s.a);
    Fe.addLazy(y, x, s.e);
    Fe.mul(s.e, n.yPlusX, s.b);
    Fe.mul(t, n.xy2d, s.c);
    Fe.addLazy(z, z, s.d);
    finish(s);
  }

  private void finish(Scratch s) {
    Fe.subLazy(s.b, s.a, s.e);      // E = B − A
    Fe.sub(s.d, s.c, s.f);          // F = D − C (D is already a sum: carry)
    Fe.add(s.d, s.c, s.g);          // G = D + C
    Fe.addLazy(s.b, s.a, s.h);      // H = B + A
    Fe.mul(s.e, s.f, x);
    Fe.mul(s.g, s.h, y);
    Fe.mul(s.e, s.h, t);
    Fe.mul(s.f, s.g, z);
  }

  /**
   * this = 2·this; T is only computed when {@code withT} (a following addition needs it). The
   * dbl-2008-hwcd formulas with E, F, G, H all negated (the products are unchanged), which saves
   * a negation: A = X², B = Y², C = 2Z², H' = A + B, E' = H' − (X+Y)², G' = A − B, F' = C + G'.
   */
  void dbl(boolean withT, Scratch s) {
    Fe.sqr(x, s.a);
    Fe.sqr(y, s.b);
    Fe.sqr(z, s.e);
    Fe.addLazy(s.e, s.e, s.c);
    Fe.addLazy(x, y, s.e);
    Fe.sqr(s.e, s.d);
    Fe.addLazy(s.a, s.b, s.h);
    Fe.sub(s.h, s.d, s.e);
    Fe.subLazy(s.a, s.b, s.g);
    Fe.add(s.c, s.g, s.f);
    Fe.mul(s.e, s.f, x);
    Fe.mul(s.g, s.h, y);
    if (withT) {
      Fe.mul(s.e, s.h, t);
    }
    Fe.mul(s.f, s.g, z);
  }

  /** Returns −this as a new point. */
  EdwardsPoint negate() {
    long[] nx = Fe.create();
    long[] nt = Fe.create();
    Fe.neg(x, nx);
    Fe.neg(t, nt);
    return new EdwardsPoint(nx, y.clone(), z.clone(), nt);
  }

  /** Returns the cached form of this point. */
  Cached toCached() {
    Cached c = new Cached();
    Fe.add(y, x, c.yPlusX);
    Fe.sub(y, x, c.yMinusX);
    System.arraycopy(z, 0, c.z, 0, 5);
    Fe.mul(t, Fe.D2, c.t2d);
    return c;
  }

  /** (Y+X, Y−X, Z, 2d·T): an addend that saves a multiplication per addition. */
  static final class Cached {
    final long[] yPlusX = Fe.create();
    final long[] yMinusX = Fe.create();
    final long[] z = Fe.create();
    final long[] t2d = Fe.create();

    /** Sets this to the cached identity (1, 1, 1, 0). */
    void setIdentity() {
      java.util.Arrays.fill(yPlusX, 0);
      yPlusX[0] = 1;
      java.util.Arrays.fill(yMinusX, 0);
      yMinusX[0] = 1;
      java.util.Arrays.fill(z, 0);
      z[0] = 1;
      java.util.Arrays.fill(t2d, 0);
    }

    /** this = mask ? other : this (constant time). */
    void cmov(int mask, Cached other) {
      Fe.cmov(mask, other.yPlusX, yPlusX);
      Fe.cmov(mask, other.yMinusX, yMinusX);
      Fe.cmov(mask, other.z, z);
      Fe.cmov(mask, other.t2d, t2d);
    }

    /** Negates when {@code negate} is 1 (constant time): swap Y±X, negate 2dT. */
    void cnegate(int negate) {
      Fe.cswap(negate, yPlusX, yMinusX);
      Fe.cnegate(negate, t2d);
    }
  }

  /** Affine Niels form (y+x, y−x, 2d·x·y) for fixed-base tables. */
  static final class Niels {
    final long[] yPlusX = Fe.create();
    final long[] yMinusX = Fe.create();
    final long[] xy2d = Fe.create();

    void setIdentity() {
      java.util.Arrays.fill(yPlusX, 0);
      yPlusX[0] = 1;
      java.util.Arrays.fill(yMinusX, 0);
      yMinusX[0] = 1;
      java.util.Arrays.fill(xy2d, 0);
    }

    void cmov(int mask, Niels other) {
      Fe.cmov(mask, other.yPlusX, yPlusX);
      Fe.cmov(mask, other.yMinusX, yMinusX);
      Fe.cmov(mask, other.xy2d, xy2d);
    }

    void cnegate(int negate) {
      Fe.cswap(negate, yPlusX, yMinusX);
      Fe.cnegate(negate, xy2d);
    }
  }
}
