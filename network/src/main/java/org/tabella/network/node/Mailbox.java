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
 * are harmless. Memory is bounded per author (SPEC.md §3.5): only instances this node has opened
 * are held, rounds are limited, and everything held on behalf of one author — its broadcasts, its
 * private messages, evidence against it — counts against its byte budget; beyond it, its messages
 * are dropped. Thread-safe; waiters are woken on every change.
 */
final class Mailbox {
  private record Key(String instance, int round) {}

  private final int self;
  private final int tolerated;
  private final long budgetPerAuthor;
  private final int maxRound;
  private final Set<String> open = new HashSet<>();
  private final Map<Integer, Long> heldBytes = new HashMap<>();
  /** Digests of the broadcasts delivered in finished instances (bounded), so late copies can still be relayed. */
  private final Map<String, Set<java.nio.ByteBuffer>> delivered = new java.util.LinkedHashMap<>();
  private static final int MAX_DELIVERED_INSTANCES = 1024;
  private final Map<Key, Map<Integer, Envelope>> broadcasts = new HashMap<>();
  private final Map<Key, Map<Integer, Set<Integer>>> echoes = new HashMap<>();
  private final Map<Key, Map<Integer, Envelope>> privates = new HashMap<>();
  private final Map<Key, Map<Integer, Equivocation>> equivocations = new HashMap<>();
  private final List<Equivocation> allEquivocations = new ArrayList<>();
  /** Instances already finished: late messages for them are ignored (bounded, oldest first out). */
  private final java.util.LinkedHashSet<String> finished = new java.util.LinkedHashSet<>();
  private static final int MAX_FINISHED = 100_000;

  Mailbox(int self, int parties, long budgetPerAuthor, int maxRound) {
    this.self = self;
    this.tolerated = (parties - 1) / 3;
    this.budgetPerAuthor = budgetPerAuthor;
    this.maxRound = maxRound;
  }

  /** Opens an instance: from now on its messages are held (until {@link #finish}). */
  synchronized void open(String instance) {
    if (!finished.contains(instance)) {
      open.add(instance);
    }
  }

  /** Whether messages of {@code instance}, round {@code round}, are held at all. */
  synchronized boolean accepts(String instance, int round) {
    return open.contains(instance) && round >= 1 && round <= maxRound;
  }

  /** Charges {@code bytes} to {@code author}; false (nothing charged) when over its budget. */
  private boolean charge(int author, long bytes) {
    long now = heldBytes.getOrDefault(author, 0L);
    if (now + bytes > budgetPerAuthor) {
      return false;
    }
    heldBytes.put(author, now + bytes);
    return true;
  }

  private static long size(Envelope e) {
    return e.payload().length + 512L;
  }

  /**
   * Records a verified broadcast of {@code e.sender()}, seen directly or relayed by {@code via}.
   * Returns true only if this node did not hold it before — the first copy of the message, or the
   * first copy of a second version (evidence) — which is when it is relayed (SPEC.md §3.3); false
   * for a copy already held or one that was dropped (instance not open, author over its budget).
   */
  synchronized boolean addBroadcast(Envelope e, int via) {
    if (!accepts(e.instance(), e.round())) {
      return false;
    }
    Key k = new Key(e.instance(), e.round());
    Map<Integer, Envelope> bySender = broadcasts.computeIfAbsent(k, x -> new TreeMap<>());
    Envelope existing = bySender.get(e.sender());
    boolean differs = existing != null && !Arrays.equals(existing.signedBytes(), e.signedBytes());
    boolean newEvidence = differs && !equivocations.getOrDefault(k, Map.of()).containsKey(e.sender());
    if ((existing == null || newEvidence) && !charge(e.sender(), size(e))) {
      return false;
    }
    if (existing == null) {
      bySender.put(e.sender(), e);
    }
    boolean fresh = existing == null || newEvidence;
    // Identity is the signed content, never the signature bytes (SPEC.md §3.3).
    if (differs) {
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
    return fresh;
  }

  /** Returns whether exactly this (already verified) broadcast is held. */
  synchronized boolean holds(Envelope e) {
    if (!e.isBroadcast()) {
      return false;
    }
    Envelope held = broadcasts.getOrDefault(new Key(e.instance(), e.round()), Map.of()).get(e.sender());
    return held != null && Arrays.equals(held.signedBytes(), e.signedBytes()) && Arrays.equals(held.signature(), e.signature());
  }

  /** Records a verified private message to this node (its author's first for the round, within budget). */
  synchronized void addPrivate(Envelope e) {
    if (!accepts(e.instance(), e.round())) {
      return;
    }
    Map<Integer, Envelope> bySender = privates.computeIfAbsent(new Key(e.instance(), e.round()), x -> new TreeMap<>());
    if (!bySender.containsKey(e.sender()) && charge(e.sender(), size(e))) {
      bySender.put(e.sender(), e);
      notifyAll();
    }
  }

  /** The private messages to this node that have arrived for a round, by sender (no waiting). */
  synchronized Map<Integer, byte[]> privates(String instance, int round) {
    Map<Integer, byte[]> p = new TreeMap<>();
    privates.getOrDefault(new Key(instance, round), Map.of()).forEach((s, e) -> p.put(s, e.payload()));
    return p;
  }

  /** What a round delivered: payloads by sender (equivocators left out) and the equivocations. */
  record Delivery(Map<Integer, byte[]> broadcasts, Map<Integer, byte[]> privates, List<Equivocation> equivocations) {}

  /**
   * Waits until the round is over, then delivers what arrived. The round is over when every
   * expected sender that {@code alive} says is reachable has its broadcast in, echoed by every other
   * reachable expected sender — and, if {@code privateToo}, its private message too, or
   * {@code graceNanos} have passed since the broadcasts were complete (a missing private message is
   * the protocol's business: the DKG complains about it); or when at least all reachable others but
   * f have already sent a broadcast of the next round (they are done with this one, and relayed
   * everything they had before moving on, so this party is only behind); or at the deadline.
   */
  synchronized Delivery await(String instance, int round, Set<Integer> expected, boolean privateToo,
      IntPredicate alive, long deadlineNanos, long graceNanos) throws InterruptedException {
    Key k = new Key(instance, round);
    long broadcastsDoneAt = -1;
    while (true) {
      boolean broadcastsDone = complete(k, expected, false, alive);
      if (broadcastsDone && (!privateToo || complete(k, expected, true, alive))) {
        break;
      }
      long now = System.nanoTime();
      if (broadcastsDone) {
        broadcastsDoneAt = broadcastsDoneAt < 0 ? now : broadcastsDoneAt;
        if (now - broadcastsDoneAt >= graceNanos) {
          break;
        }
      }
      if (othersMovedOn(k, expected, alive) || now >= deadlineNanos) {
        break;
      }
      long ms = Math.max(1, (deadlineNanos - now) / 1_000_000);
      wait(Math.min(ms, 20));
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

  private boolean othersMovedOn(Key k, Set<Integer> expected, IntPredicate alive) {
    Map<Integer, Envelope> next = broadcasts.getOrDefault(new Key(k.instance(), k.round() + 1), Map.of());
    if (next.isEmpty()) {
      return false;
    }
    int reachable = 0;
    int moved = 0;
    for (int s : expected) {
      if (s != self && alive.test(s)) {
        reachable++;
        if (next.containsKey(s)) {
          moved++;
        }
      }
    }
    return moved >= Math.max(1, reachable - tolerated);
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

  /**
   * Drops everything held for {@code instance} (returning its bytes to the authors' budgets) and
   * ignores its late messages from now on, except that copies of broadcasts it delivered may
   * still be relayed ({@link #wasDelivered}). Evidence of equivocation is kept.
   */
  synchronized void finish(String instance) {
    Set<java.nio.ByteBuffer> digests = new HashSet<>();
    broadcasts.forEach((k, bySender) -> {
      if (k.instance().equals(instance)) {
        bySender.values().forEach(e -> {
          digests.add(digest(e));
          release(e);
        });
      }
    });
    privates.forEach((k, bySender) -> {
      if (k.instance().equals(instance)) {
        bySender.values().forEach(this::release);
      }
    });
    broadcasts.keySet().removeIf(k -> k.instance().equals(instance));
    echoes.keySet().removeIf(k -> k.instance().equals(instance));
    privates.keySet().removeIf(k -> k.instance().equals(instance));
    equivocations.keySet().removeIf(k -> k.instance().equals(instance));
    open.remove(instance);
    delivered.put(instance, digests);
    if (delivered.size() > MAX_DELIVERED_INSTANCES) {
      var it = delivered.keySet().iterator();
      it.next();
      it.remove();
    }
    finished.add(instance);
    if (finished.size() > MAX_FINISHED) {
      var it = finished.iterator();
      it.next();
      it.remove();
    }
  }

  private void release(Envelope e) {
    heldBytes.computeIfPresent(e.sender(), (a, b) -> b - size(e) <= 0 ? null : b - size(e));
  }

  private static java.nio.ByteBuffer digest(Envelope e) {
    try {
      var sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(e.signedBytes());
      sha.update(e.signature());
      return java.nio.ByteBuffer.wrap(sha.digest());
    } catch (java.security.NoSuchAlgorithmException x) {
      throw new IllegalStateException(x);
    }
  }

  /** Whether this exact signed broadcast was delivered in a (recently) finished instance. */
  synchronized boolean wasDelivered(Envelope e) {
    Set<java.nio.ByteBuffer> d = delivered.get(e.instance());
    return d != null && d.contains(digest(e));
  }

  /** Bytes held on behalf of {@code author} (for memory checks). */
  synchronized long heldBytes(int author) {
    return heldBytes.getOrDefault(author, 0L);
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
