package org.tabella.groups.decaf;

/**
 * A point of edwards448 (x² + y² = 1 + d·x²·y², d = −39081) in extended coordinates
 * (X : Y : Z : T), x = X/Z, y = Y/Z, x·y = T/Z: mutable working storage for decaf448, never
 * mutated once handed to a {@link DecafElement}. The formulas are the unified extended-coordinate
 * formulas of Hisil–Wong–Carter–Dawson 2008 (add-2008-hwcd, dbl-2008-hwcd) for a = 1; they are
 * complete because a = 1 is a square and d is not.
 */
final class Ed448Point {
  final int[] x;
  final int[] y;
  final int[] z;
  final int[] t;

  Ed448Point(int[] x, int[] y, int[] z, int[] t) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.t = t;
  }

  static Ed448Point identity() {
    return new Ed448Point(Fe448.create(), Fe448.fromInt(1), Fe448.fromInt(1), Fe448.create());
  }

  Ed448Point copy() {
    return new Ed448Point(x.clone(), y.clone(), z.clone(), t.clone());
  }

  void set(Ed448Point p) {
    System.arraycopy(p.x, 0, x, 0, x.length);
    System.arraycopy(p.y, 0, y, 0, y.length);
    System.arraycopy(p.z, 0, z, 0, z.length);
    System.arraycopy(p.t, 0, t, 0, t.length);
  }

  /** Temporaries for a chain of point operations. */
  static final class Scratch {
    final int[] a = Fe448.create();
    final int[] b = Fe448.create();
    final int[] c = Fe448.create();
    final int[] d = Fe448.create();
    final int[] e = Fe448.create();
    final int[] f = Fe448.create();
    final int[] g = Fe448.create();
    final int[] h = Fe448.create();
  }

  /** this = this + q: A = X1X2, B = Y1Y2, C = d·T1T2, D = Z1Z2, E = (X1+Y1)(X2+Y2) − A − B. */
  void add(Ed448Point q, Scratch s) {
    Fe448.mul(x, q.x, s.a);
    Fe448.mul(y, q.y, s.b);
    Fe448.mul(t, q.t, s.e);
    Fe448.mul(s.e, Fe448.D, s.c);
    Fe448.mul(z, q.z, s.d);
    Fe448.add(x, y, s.e);
    Fe448.add(q.x, q.y, s.f);
    Fe448.mul(s.e, s.f, s.g);
    Fe448.sub(s.g, s.a, s.e);
    Fe448.sub(s.e, s.b, s.e);        // E
    Fe448.sub(s.d, s.c, s.f);        // F = D − C
    Fe448.add(s.d, s.c, s.g);        // G = D + C
    Fe448.sub(s.b, s.a, s.h);        // H = B − A (a = 1)
    Fe448.mul(s.e, s.f, x);
    Fe448.mul(s.g, s.h, y);
    Fe448.mul(s.e, s.h, t);
    Fe448.mul(s.f, s.g, z);
  }

  /** this = 2·this: A = X², B = Y², C = 2Z², E = (X+Y)² − A − B, G = A + B, F = G − C, H = A − B. */
  void dbl(Scratch s) {
    Fe448.sqr(x, s.a);
    Fe448.sqr(y, s.b);
    Fe448.sqr(z, s.e);
    Fe448.add(s.e, s.e, s.c);
    Fe448.add(x, y, s.e);
    Fe448.sqr(s.e, s.d);
    Fe448.sub(s.d, s.a, s.e);
    Fe448.sub(s.e, s.b, s.e);        // E
    Fe448.add(s.a, s.b, s.g);        // G
    Fe448.sub(s.g, s.c, s.f);        // F
    Fe448.sub(s.a, s.b, s.h);        // H
    Fe448.mul(s.e, s.f, x);
    Fe448.mul(s.g, s.h, y);
    Fe448.mul(s.e, s.h, t);
    Fe448.mul(s.f, s.g, z);
  }

  /** −this as a new point. */
  Ed448Point negate() {
    int[] nx = Fe448.create();
    int[] nt = Fe448.create();
    Fe448.neg(x, nx);
    Fe448.neg(t, nt);
    return new Ed448Point(nx, y.clone(), z.clone(), nt);
  }

  /** this = mask ? p : this (constant time). */
  void cmov(int mask, Ed448Point p) {
    Fe448.cmov(mask, p.x, x);
    Fe448.cmov(mask, p.y, y);
    Fe448.cmov(mask, p.z, z);
    Fe448.cmov(mask, p.t, t);
  }

  /** Negates this in place when {@code negate} is 1 (constant time). */
  void cnegate(int negate) {
    int mask = -negate;
    int[] nx = Fe448.create();
    int[] nt = Fe448.create();
    Fe448.neg(x, nx);
    Fe448.neg(t, nt);
    Fe448.cmov(mask, nx, x);
    Fe448.cmov(mask, nt, t);
  }
}
