package org.tabella.crypto.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * Feldman commitments C_k = g^{a_k} to a polynomial's coefficients: anyone can check a share
 * s_i = f(i) as g^{s_i} = ∏ C_k^{i^k}, and compute the public value g^{f(i)} of any index.
 *
 * @param commitments C_0 … C_{k−1}
 */
public record FeldmanCommitment(List<Element> commitments) {

  /** Copies the list and checks it is non-empty and of one group. */
  public FeldmanCommitment {
    commitments = List.copyOf(commitments);
    if (commitments.isEmpty()) {
      throw new IllegalArgumentException("at least one commitment");
    }
    Group g = commitments.get(0).group();
    for (Element c : commitments) {
      if (!c.group().equals(g)) {
        throw new IllegalArgumentException("commitments of different groups");
      }
    }
  }

  /** Commits to a polynomial. */
  public static FeldmanCommitment of(Polynomial f) {
    List<Element> c = new ArrayList<>();
    for (SecretScalar a : f.coefficients()) {
      c.add(f.group().generatorTable().exp(a.reveal()));
    }
    return new FeldmanCommitment(c);
  }

  /** Returns the group. */
  public Group group() {
    return commitments.get(0).group();
  }

  /** Returns k, the number of coefficients. */
  public int threshold() {
    return commitments.size();
  }

  /** Returns C_0 = g^{f(0)}. */
  public Element constantTerm() {
    return commitments.get(0);
  }

  /** Returns ∏ C_k^{index^k} = g^{f(index)}. */
  public Element publicValueAt(int index) {
    Group g = group();
    List<Scalar> powers = new ArrayList<>(commitments.size());
    Scalar x = g.scalar(index);
    Scalar p = g.scalar(1);
    for (int k = 0; k < commitments.size(); k++) {
      powers.add(p);
      p = p.multiply(x);
    }
    return g.multiExp(commitments, powers);
  }

  /** Returns whether {@code share} is f(index) for the committed polynomial. */
  public boolean verify(int index, Scalar share) {
    Objects.requireNonNull(share, "share");
    if (!share.order().equals(group().order())) {
      return false;
    }
    return group().generatorTable().exp(share).equals(publicValueAt(index));
  }
}
