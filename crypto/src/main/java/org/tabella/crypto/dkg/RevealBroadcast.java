package org.tabella.crypto.dkg;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.tabella.groups.Scalar;

/**
 * Round 3, broadcast: dealer d answers the complaints against it by publishing the disputed shares
 * f_d(j). A missing or wrong answer disqualifies d.
 *
 * @param dealer d
 * @param revealed complainer j → f_d(j)
 */
public record RevealBroadcast(int dealer, Map<Integer, Scalar> revealed) {
  /** Copies the map. */
  public RevealBroadcast {
    revealed = Collections.unmodifiableMap(new TreeMap<>(revealed));
  }
}
