package org.tabella.electionguard;

import java.math.BigInteger;
import java.util.Map;
import java.util.OptionalInt;
import org.tabella.crypto.sharing.Lagrange;
import org.tabella.groups.Element;
import org.tabella.groups.Group;

/**
 * ElectionGuard 2.0 threshold decryption with message base K (spec 2.0 §3.6): guardian i's partial
 * decryption of (A, B) is M_i = A^{s_i}; any quorum combines them as M = ∏ M_i^{w_i} with the
 * Lagrange coefficients w_i at 0 of the guardians present; then T = B·M^-1 = K^t. Used to check
 * egk's decryption vectors as known answers; records carry only the joint proof (step 9).
 */
public final class EgThresholdDecryption {
  private EgThresholdDecryption() {}

  /** Guardian {@code keyShare}'s partial decryption A^{s_i} (constant-time in the share). */
  public static Element partial(Element a, BigInteger keyShare) {
    Group g = a.group();
    return a.exp(g.scalar(keyShare.mod(g.order())));
  }

  /** M = ∏ M_i^{w_i} over the guardians present (coordinate → partial decryption). */
  public static Element combine(Map<Integer, Element> partials) {
    if (partials.isEmpty()) {
      throw new IllegalArgumentException("no partial decryption");
    }
    Group g = partials.values().iterator().next().group();
    Element m = g.identity();
    for (var e : partials.entrySet()) {
      m = m.mul(e.getValue().expPublic(Lagrange.atZero(g, e.getKey(), partials.keySet())));
    }
    return m;
  }

  /** The t in 0..{@code maximum} with K^t = B·M^-1, if there is one. */
  public static OptionalInt count(Element k, Element b, Element m, int maximum) {
    Element t = b.div(m);
    Element power = k.group().identity();
    for (int i = 0; i <= maximum; i++) {
      if (power.equals(t)) {
        return OptionalInt.of(i);
      }
      power = power.mul(k);
    }
    return OptionalInt.empty();
  }
}
