package org.tabella.network.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tabella.network.wire.Envelope;

/**
 * Envelopes that arrived for an instance this node has not opened yet (a peer ran a little
 * ahead), kept per connected peer up to a byte budget — a flooding peer costs at most that — and
 * handed back when the instance opens. Nothing here is verified or relayed yet. Thread-safe.
 */
final class PendingEnvelopes {
  /** An envelope, the peer it came from, and when it arrived (agreed rounds judge messages by arrival). */
  record Item(int peer, Envelope envelope, long arrival) {}

  private final long budgetPerPeer;
  private final Map<Integer, ArrayDeque<Item>> byPeer = new HashMap<>();
  private final Map<Integer, Long> bytes = new HashMap<>();

  PendingEnvelopes(long budgetPerPeer) {
    this.budgetPerPeer = budgetPerPeer;
  }

  /** Buffers an envelope from {@code peer}; false (dropped) when the peer's budget is used up. */
  synchronized boolean add(int peer, Envelope e, long arrival) {
    long size = e.payload().length + 512L;
    long now = bytes.getOrDefault(peer, 0L);
    if (now + size > budgetPerPeer) {
      return false;
    }
    bytes.put(peer, now + size);
    byPeer.computeIfAbsent(peer, p -> new ArrayDeque<>()).add(new Item(peer, e, arrival));
    return true;
  }

  /** Removes and returns, in arrival order, every buffered envelope of {@code instance}. */
  synchronized List<Item> take(String instance) {
    List<Item> out = new ArrayList<>();
    for (ArrayDeque<Item> q : byPeer.values()) {
      Iterator<Item> it = q.iterator();
      while (it.hasNext()) {
        Item i = it.next();
        // An echo carries its inner message's instance and round, so the outer name is enough.
        if (i.envelope().instance().equals(instance)) {
          it.remove();
          bytes.computeIfPresent(i.peer(), (p, b) -> b - (i.envelope().payload().length + 512L));
          out.add(i);
        }
      }
    }
    out.sort(java.util.Comparator.comparingLong(Item::arrival));
    return out;
  }

  /** Bytes buffered from {@code peer}. */
  synchronized long bytes(int peer) {
    return bytes.getOrDefault(peer, 0L);
  }
}
