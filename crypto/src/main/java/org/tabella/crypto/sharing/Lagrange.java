package org.tabella.crypto.sharing;

import java.util.Collection;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/** Lagrange coefficients at 0 over exactly the set of indices that take part. */
public final class Lagrange {
  private Lagrange() {}

  /**
   * Returns λ_i = ∏_{j ∈ indices, j ≠ i} j / (j − i) mod q.
   *
   * @throws IllegalArgumentException if the indices are invalid (see {@link PartyIndices}) or do
   *     not contain i
   */
  public static Scalar atZero(Group group, int i, Collection<Integer> indices) {
    return at(group, i, indices, 0);
  }

  /**
   * Returns λ_i(x) = ∏_{j ∈ indices, j ≠ i} (x − j) / (i − j) mod q: the weight of f(i) in f(x)
   * for any polynomial f of degree below |indices|.
   *
   * @throws IllegalArgumentException if the indices are invalid or do not contain i
   */
  public static Scalar at(Group group, int i, Collection<Integer> indices, int x) {
    PartyIndices.checkDistinct(indices, group.order());
    if (!indices.contains(i)) {
      throw new IllegalArgumentException("index " + i + " is not among the participants");
    }
    Scalar num = group.scalar(1);
    Scalar den = group.scalar(1);
    Scalar si = group.scalar(i);
    Scalar sx = group.scalar(x);
    for (int j : indices) {
      if (j != i) {
        Scalar sj = group.scalar(j);
        num = num.multiply(sx.subtract(sj));
        den = den.multiply(si.subtract(sj));
      }
    }
    return num.multiply(den.inverse());
  }
}
