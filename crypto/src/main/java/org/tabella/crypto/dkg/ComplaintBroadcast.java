package org.tabella.crypto.dkg;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Round 2, broadcast: party j's complaints (the dealers whose share to j was missing or did not
 * match their commitments) and its echo — a SHA-256 digest of each dealer's round-1 broadcast as j
 * received it, so that a dealer who showed different parties different commitments is caught.
 *
 * @param from j
 * @param accused dealers j complains about
 * @param echoes dealer → SHA-256(DealerBroadcast.encode()) as j received it
 */
public record ComplaintBroadcast(int from, List<Integer> accused, Map<Integer, byte[]> echoes) {
  /** Copies the collections. */
  public ComplaintBroadcast {
    accused = List.copyOf(accused);
    Map<Integer, byte[]> copy = new TreeMap<>();
    echoes.forEach((k, v) -> copy.put(k, v.clone()));
    echoes = Collections.unmodifiableMap(copy);
  }
}
