package org.tabella.crypto.sharing;

import java.util.ArrayList;
import java.util.List;
import org.tabella.crypto.internal.Randomness;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * A secret polynomial f(x) = a_0 + a_1·x + … + a_{k−1}·x^{k−1} over Z_q, for sharing a_0 among
 * parties so that any k points reconstruct it. Never prints its coefficients.
 */
public final class Polynomial {
  private final Group group;
  private final List<SecretScalar> coefficients;

  private Polynomial(Group group, List<SecretScalar> coefficients) {
    this.group = group;
    this.coefficients = List.copyOf(coefficients);
  }

  /**
   * Returns a polynomial with constant term {@code secret} and the other {@code threshold − 1}
   * coefficients uniformly random (so any k − 1 shares are uniform and independent of the secret).
   */
  public static Polynomial random(Group group, SecretScalar secret, int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    List<SecretScalar> a = new ArrayList<>();
    a.add(secret);
    for (int k = 1; k < threshold; k++) {
      a.add(SecretScalar.of(group.randomScalar(Randomness.current())));
    }
    return new Polynomial(group, a);
  }

  /** Returns a random polynomial with a random non-zero constant term. */
  public static Polynomial random(Group group, int threshold) {
    return random(group, SecretScalar.of(group.randomNonZeroScalar(Randomness.current())), threshold);
  }

  /** Returns f(x) by Horner's rule. */
  public SecretScalar evaluate(int x) {
    Scalar sx = group.scalar(x);
    Scalar acc = group.scalar(0);
    for (int k = coefficients.size() - 1; k >= 0; k--) {
      acc = acc.multiply(sx).add(coefficients.get(k).reveal());
    }
    return SecretScalar.of(acc);
  }

  /** Returns the coefficients a_0 … a_{k−1}. */
  public List<SecretScalar> coefficients() {
    return coefficients;
  }

  /** Returns the constant term a_0 (the shared secret). */
  public SecretScalar constantTerm() {
    return coefficients.get(0);
  }

  /** Returns the threshold k = degree + 1. */
  public int threshold() {
    return coefficients.size();
  }

  /** Returns the group. */
  public Group group() {
    return group;
  }

  @Override
  public String toString() {
    return "Polynomial(degree " + (coefficients.size() - 1) + ", coefficients ***)";
  }
}
