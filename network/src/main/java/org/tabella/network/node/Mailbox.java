package org.tabella.network.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.tabella.network.wire.Envelope;

/**
 * Everything a node has received, by (instance, round): each sender's first signed broadcast, who
 * echoed an identical copy, proven equivocations, and private messages to this node. Duplicates
 * are harmless. Thread-safe; waiters are woken on every change.
 */
final class Mailbox {
  private record Key(String instance, int round) {}

  private final int self;
  private final Map<Key, Map<Integer, Envelope>> broadcasts = new HashMap<>();
  private final Map<Key, Map<Integer, Set<Integer>>> echoes = new HashMap<>();
  private final Map<Key, Map<Integer, Envelope>> privates = new HashMap<>();
  private final Map<Key, Map<Integer, Equivocation>> equivocations = new HashMap<>();
  private final List<Equivocation> allEquivocations = new ArrayList<>();
  /** Instances already finished: late messages for them are ignored (bounded, oldest first out). */
  private final java.util.LinkedHashSet<String> finished = new java.util.LinkedHashSet<>();
  private static final int MAX_FINISHED = 100_000;

  Mailbox(int self) {
    this.self = self;
  }

  /** Records a verified broadcast of {@code e.sender()}, seen directly or relayed by {@code via}. */
  synchronized void addBroadcast(Envelope e, int via) {
    if (finished.contains(e.instance())) {
      return;
    }
    Key k = new Key(e.instance(), e.round());
    Map<Integer, Envelope> bySender = broadcasts.computeIfAbsent(k, x -> new TreeMap<>());
    Envelope existing = bySender.putIfAbsent(e.sender(), e);
    // Identity is the signed content, never the signature bytes (SPEC.md §3.3).
    if (existing != null && !Arrays.equals(existing.signedBytes(), e.signedBytes())) {
      Map<Integer, Equivocation> eq = equivocations.computeIfAbsent(k, x -> new TreeMap<>());
      if (!eq.containsKey(e.sender())) {
        Equivocation proof = new Equivocation(e.sender(), existing, e);
        eq.put(e.sender(), proof);
        allEquivocations.add(proof);
      }
      echoes.computeIfAbsent(k, x -> new TreeMap<>()).computeIfAbsent(e.sender(), x -> new HashSet<>()).add(via);
    } else {
      echoes.computeIfAbsent(k, x -> new TreeMap<>()).computeIfAbsent(e.sender(), x -> new HashSet<>()).add(via);
    }
    notifyAll();
  }

  /** Returns whether exactly this (already verified) broadcast is held. */
  synchronized boolean holds(Envelope e) {
    if (!e.isBroadcast()) {
      return false;
    }
    Envelope held = broadcasts.getOrDefault(new Key(e.instance(), e.round()), Map.of()).get(e.sender());
    return held != null && Arrays.equals(held.signedBytes(), e.signedBytes()) && Arrays.equals(held.signature(), e.signature());
  }

  /** Records a verified private message to this node. */
  synchronized void addPrivate(Envelope e) {
    if (finished.contains(e.instance())) {
      return;
    }
    privates.computeIfAbsent(new Key(e.instance(), e.round()), x -> new TreeMap<>()).putIfAbsent(e.sender(), e);
    notifyAll();
  }

  /** What a round delivered: payloads by sender (equivocators left out) and the equivocations. */
  record Delivery(Map<Integer, byte[]> broadcasts, Map<Integer, byte[]> privates, List<Equivocation> equivocations) {}

  /**
   * Waits until every expected sender's broadcast (and private message, if {@code privateToo}) is
   * in and echoed by every other expected sender that {@code alive} says is reachable, or until the
   * deadline; then delivers what arrived.
   */
  synchronized Delivery await(String instance, int round, Set<Integer> expected, boolean privateToo,
      IntPredicate alive, long deadlineNanos) throws InterruptedException {
    Key k = new Key(instance, round);
    while (!complete(k, expected, privateToo, alive)) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        break;
      }
      long ms = Math.max(1, left / 1_000_000);
      wait(Math.min(ms, 50));
    }
    Map<Integer, Equivocation> eq = equivocations.getOrDefault(k, Map.of());
    Map<Integer, byte[]> b = new TreeMap<>();
    broadcasts.getOrDefault(k, Map.of()).forEach((s, e) -> {
      if (!eq.containsKey(s)) {
        b.put(s, e.payload());
      }
    });
    Map<Integer, byte[]> p = new TreeMap<>();
    privates.getOrDefault(k, Map.of()).forEach((s, e) -> p.put(s, e.payload()));
    return new Delivery(b, p, new ArrayList<>(eq.values()));
  }

  private boolean complete(Key k, Set<Integer> expected, boolean privateToo, IntPredicate alive) {
    Map<Integer, Envelope> b = broadcasts.getOrDefault(k, Map.of());
    Map<Integer, Set<Integer>> ech = echoes.getOrDefault(k, Map.of());
    Map<Integer, Envelope> p = privates.getOrDefault(k, Map.of());
    Map<Integer, Equivocation> eq = equivocations.getOrDefault(k, Map.of());
    for (int s : expected) {
      if (s == self || eq.containsKey(s) || !alive.test(s)) {
        continue;
      }
      if (!b.containsKey(s) || (privateToo && !p.containsKey(s))) {
        return false;
      }
      Set<Integer> seen = ech.getOrDefault(s, Set.of());
      for (int relayer : expected) {
        if (relayer != s && relayer != self && alive.test(relayer) && !seen.contains(relayer)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Drops everything held for {@code instance} and ignores its late messages from now on. */
  synchronized void finish(String instance) {
    broadcasts.keySet().removeIf(k -> k.instance().equals(instance));
    echoes.keySet().removeIf(k -> k.instance().equals(instance));
    privates.keySet().removeIf(k -> k.instance().equals(instance));
    equivocations.keySet().removeIf(k -> k.instance().equals(instance));
    finished.add(instance);
    if (finished.size() > MAX_FINISHED) {
      var it = finished.iterator();
      it.next();
      it.remove();
    }
  }

  /** Whether {@code instance} is finished (its late messages need no checking at all). */
  synchronized boolean isFinished(String instance) {
    return finished.contains(instance);
  }

  /** Number of rounds currently held (for memory checks). */
  synchronized int heldRounds() {
    return broadcasts.size() + privates.size();
  }

  /** Every equivocation proven so far. */
  synchronized List<Equivocation> equivocations() {
    return new ArrayList<>(allEquivocations);
  }
}
