package org.tabella.crypto.threshold;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.List;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.sharing.Lagrange;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.Element;

/**
 * The public side of a threshold key: the joint public key, the quorum k, and every trustee's
 * verification key X_i = g^{x_i}, against which decryption shares are checked.
 *
 * @param publicKey the joint ElGamal key
 * @param threshold k: how many valid shares decrypt
 * @param verificationKeys trustee index → X_i
 */
public record ThresholdKey(ElGamalPublicKey publicKey, int threshold, Map<Integer, Element> verificationKeys) {

  /** Copies the map (sorted by index) and checks the quorum is achievable. */
  public ThresholdKey {
    Objects.requireNonNull(publicKey, "publicKey");
    verificationKeys = java.util.Collections.unmodifiableMap(new TreeMap<>(verificationKeys));
    if (threshold < 1 || threshold > verificationKeys.size()) {
      throw new IllegalArgumentException("threshold must be in 1..number of trustees");
    }
  }

  /** Returns the number of trustees n. */
  public int trustees() {
    return verificationKeys.size();
  }

  /**
   * Returns whether the trustees are numbered exactly 1..n and all n verification keys lie on one
   * polynomial of degree k − 1 in the exponent whose value at 0 is the public key: X_j =
   * ∏_{i ≤ k} X_i^{λ_i(j)} for every j > k, and h = ∏_{i ≤ k} X_i^{λ_i(0)}. A key that fails this
   * cannot have come from a (k, n) sharing of the decryption key.
   */
  public boolean isConsistent() {
    int n = verificationKeys.size();
    for (int i = 1; i <= n; i++) {
      if (!verificationKeys.containsKey(i)) {
        return false;
      }
    }
    Group g = publicKey.group();
    List<Integer> first = new ArrayList<>();
    List<Element> bases = new ArrayList<>();
    for (int i = 1; i <= threshold; i++) {
      first.add(i);
      bases.add(verificationKeys.get(i));
    }
    for (int x = 0; x <= n; x++) {
      if (x >= 1 && x <= threshold) {
        continue;
      }
      List<Scalar> weights = new ArrayList<>();
      for (int i : first) {
        weights.add(Lagrange.at(g, i, first, x));
      }
      Element expected = x == 0 ? publicKey.element() : verificationKeys.get(x);
      if (!g.multiExp(bases, weights).equals(expected)) {
        return false;
      }
    }
    return true;
  }
}
