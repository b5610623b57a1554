package org.tabella.crypto.elgamal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tabella.groups.Element;
import org.tabella.groups.Group;

/**
 * Bounded discrete logarithms m ∈ 0..bound of g^m by baby-step giant-step: a table of
 * ⌈√(bound+1)⌉ baby steps (built once per group and size, then cached and shared), and at most as
 * many giant steps per query. A value outside the bound is reported, never searched for ever.
 */
public final class DiscreteLog {
  private static final Map<String, DiscreteLog> CACHE = new ConcurrentHashMap<>();
  /** Largest supported bound: 2^40 (a baby table of about a million entries). */
  public static final long MAX_BOUND = 1L << 40;

  private final Group group;
  private final long bound;
  private final int babySteps;
  private final Map<ByteBuffer, Integer> table;
  private final Element giantStep;

  private DiscreteLog(Group group, long bound, int babySteps) {
    this.group = group;
    this.bound = bound;
    this.babySteps = babySteps;
    this.table = new HashMap<>(babySteps * 2);
    Element x = group.identity();
    for (int j = 0; j < babySteps; j++) {
      table.putIfAbsent(ByteBuffer.wrap(x.encode()), j);
      x = x.mul(group.generator());
    }
    this.giantStep = x.inverse(); // g^{-m}
  }

  /**
   * Returns the solver for {@code 0..bound}, sharing tables between bounds of one size class.
   *
   * @throws IllegalArgumentException if bound is negative or above {@link #MAX_BOUND}
   */
  public static DiscreteLog forBound(Group group, long bound) {
    if (bound < 0 || bound > MAX_BOUND) {
      throw new IllegalArgumentException("bound must be in 0.." + MAX_BOUND);
    }
    int baby = (int) Math.ceil(Math.sqrt((double) bound + 1));
    int size = Integer.highestOneBit(Math.max(baby, 16) - 1) << 1; // next power of two ≥ baby
    DiscreteLog shared = CACHE.computeIfAbsent(group.name() + "/" + size,
        k -> new DiscreteLog(group, (long) size * size - 1, size));
    return shared.group.equals(group) ? shared.withBound(bound) : new DiscreteLog(group, bound, size);
  }

  private DiscreteLog withBound(long newBound) {
    return newBound == bound ? this : new DiscreteLog(this, newBound);
  }

  private DiscreteLog(DiscreteLog base, long bound) {
    this.group = base.group;
    this.bound = bound;
    this.babySteps = base.babySteps;
    this.table = base.table;
    this.giantStep = base.giantStep;
  }

  /** Returns the bound. */
  public long bound() {
    return bound;
  }

  /**
   * Returns m ∈ 0..bound with g^m = {@code target}.
   *
   * @throws DiscreteLogException if there is none
   * @throws IllegalArgumentException if target belongs to another group
   */
  public long solve(Element target) throws DiscreteLogException {
    if (!target.group().equals(group)) {
      throw new IllegalArgumentException("element of another group");
    }
    Element y = target;
    long giants = bound / babySteps + 1;
    for (long i = 0; i < giants; i++) {
      Integer j = table.get(ByteBuffer.wrap(y.encode()));
      if (j != null) {
        long m = i * babySteps + j;
        if (m <= bound) {
          return m;
        }
        break;
      }
      y = y.mul(giantStep);
    }
    throw new DiscreteLogException("plaintext is not in 0.." + bound);
  }
}
