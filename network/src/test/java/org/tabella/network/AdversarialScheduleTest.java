package org.tabella.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.network.node.NodeOptions;

/**
 * Seeded adversarial schedules: party 5 of 5 (f = 1) runs the real protocol code, but every
 * message it sends or relays passes through a schedule that, per (seed, phase, round, recipient),
 * sends it unchanged, drops it, flips a byte, sends a different payload to that recipient
 * (equivocation, validly signed), or sends it twice. In every schedule all four honest parties
 * must finish the key ceremony (liveness), with the same key and qualified dealers (agreement),
 * every honest dealer among them (no veto), nobody but party 5 named or shown as equivocating, and
 * each party's verdict re-derived offline from its signed evidence ({@code CeremonyEvidence}). Real
 * loopback TLS, Δ = 25 ms. 200 schedules in {@code mvn verify} ({@code tabella.adversarial.schedules}),
 * 2,000 with {@code -Pfuzz}. The guarantees are those of the synchronous model (SPEC.md §3.5): a
 * schedule that fails while a watchdog thread saw this JVM stall for Δ/2 or more (all five nodes
 * share it) is run again, at most twice, and reported; more than one in ten so run fails the test.
 */
@DisplayName("seeded adversarial schedules: one Byzantine party never splits, vetoes or stalls the key ceremony")
@Timeout(1800)
class AdversarialScheduleTest {
  @TempDir
  Path dir;

  enum Action { SEND, DROP, FLIP, EQUIVOCATE, DUPLICATE }

  static final AtomicLong SEED = new AtomicLong();

  /** The schedule's decision for one message: a hash of the seed and the message's place. */
  static Action action(long seed, String instance, int round, int to) {
    String phase = instance.endsWith("/hello") ? "hello" : instance.contains("/") ? "dkg" : instance;
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(
          (seed + "|" + phase + "|" + round + "|" + to).getBytes(StandardCharsets.UTF_8));
      int x = Math.floorMod(ByteBuffer.wrap(h).getInt(), 100);
      return x < 55 ? Action.SEND : x < 70 ? Action.DROP : x < 80 ? Action.FLIP : x < 92 ? Action.EQUIVOCATE
          : Action.DUPLICATE;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] apply(Action a, byte[] p, int to) {
    switch (a) {
      case DROP:
        return null;
      case FLIP: {
        byte[] b = p.clone();
        if (b.length > 0) {
          b[b.length / 2] ^= 0x5a;
        }
        return b;
      }
      case EQUIVOCATE: {
        byte[] b = Arrays.copyOf(p, p.length + 1);
        b[p.length] = (byte) to;
        return b;
      }
      default:
        return p;
    }
  }

  /** Δ of the honest parties. */
  static final long DELTA_MILLIS = 25;

  /** Held so that the quieter level sticks (JUL keeps loggers weakly). */
  static final java.util.logging.Logger NODE_LOG = java.util.logging.Logger.getLogger(
      "org.tabella.network.node");

  @Test
  void schedules() throws Exception {
    // The Byzantine party's malformed messages are each logged as a warning: thousands of lines
    // that say nothing here (the assertions below are the result).
    NODE_LOG.setLevel(java.util.logging.Level.SEVERE);
    int schedules = Integer.getInteger("tabella.adversarial.schedules", 200);
    // The round bound Δ of the model: generous next to a message's trip and a round's work over
    // loopback, so that what is tested is the adversary, not the clock (SPEC.md §3.5).
    NodeOptions honest = TestNetwork.fast().withRoundTimeout(Duration.ofMillis(300))
        .withDelta(Duration.ofMillis(DELTA_MILLIS));
    TestNetwork.Setup byzantine = TestNetwork.faulty(honest, (instance, round, to, p) -> {
      if (SEED.get() < 0) {
        return p;
      }
      Action a = action(SEED.get(), instance, round, to);
      return apply(a, p, to);
    });
    try (TestNetwork net = new TestNetwork(dir, 5, 3)) {
      net.startAll(Map.of(1, honest, 2, honest, 3, honest, 4, honest, 5, byzantine));
      // Warm up (class loading, JIT, tables) with an honest ceremony first: a cold JVM is slower than Δ.
      SEED.set(-1);
      for (int i = 0; i < 3; i++) {
        int w = i;
        net.onEach(Set.of(1, 2, 3, 4, 5), n -> n.runDkg("warm-up-" + w));
      }
      List<String> splits = new ArrayList<>();
      List<String> stalled = new ArrayList<>();
      List<String> reruns = new ArrayList<>();
      long start = System.nanoTime();
      try (Watchdog watchdog = new Watchdog()) {
        for (int s = Integer.getInteger("tabella.adversarial.first", 0); s < schedules; s++) {
          // The guarantees hold in the synchronous model: every message within Δ. All five nodes share
          // one JVM on two cores, so a collector pause or a descheduled process can break that model
          // for a round. A schedule that fails while the watchdog saw this JVM stalled for Δ/2 or more
          // is run again (at most twice); one that fails without a stall counts.
          for (int attempt = 0; ; attempt++) {
            List<String> problems = new ArrayList<>();
            watchdog.reset();
            boolean live = schedule(net, s, attempt, problems);
            long stallMillis = watchdog.maxStallMillis();
            boolean failed = !problems.isEmpty() || !live;
            if (failed && stallMillis * 2 >= DELTA_MILLIS && attempt < 2) {
              reruns.add("seed " + s + " (attempt " + attempt + ": a " + stallMillis + " ms stall; " + problems + ")");
              continue;
            }
            splits.addAll(problems);
            if (!live) {
              stalled.add("seed " + s + (stallMillis * 2 >= DELTA_MILLIS ? " (with a " + stallMillis + " ms stall)" : ""));
            }
            break;
          }
        }
      }
      if (!reruns.isEmpty()) {
        System.out.println("[adversarial] run again after the synchrony model was broken by a stall: " + reruns);
      }
      assertTrue(reruns.size() <= schedules / 10, "the machine stalled too often to test the synchronous model: "
          + reruns);
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("[adversarial] %d schedules in %.1f s (%.0f ms each): %d with different keys, %d where an honest"
          + " party aborted or an honest dealer was left out%n", schedules, secs, 1000 * secs / schedules, splits.size(),
          stalled.size());
      // Agreement: honest parties never finish with different keys.
      assertEquals(List.of(), splits);
      // Liveness and no veto (SPEC.md §3.5): every honest party finishes, keeping every honest dealer.
      assertEquals(List.of(), stalled, "schedules where an honest party aborted or an honest dealer was left out");
      assertTrue(net.nodes.get(1).heldRounds() < 20, "rounds held: " + net.nodes.get(1).heldRounds());
      assertEquals(Set.of(), Set.copyOf(net.nodes.get(1).equivocations().stream().map(e -> e.party())
          .filter(p -> p != 5).toList()), "nobody but the Byzantine party is ever shown as equivocating");
    }
  }

  /**
   * Runs one seeded key ceremony and adds what went wrong to {@code problems}; returns whether
   * every honest party finished with every honest dealer qualified.
   */
  private static boolean schedule(TestNetwork net, int s, int attempt, List<String> problems) throws Exception {
    SEED.set(s);
    String base = "dkg-s" + s + (attempt == 0 ? "" : "-again" + attempt);
    Map<Integer, Object> all = net.onEach(Set.of(1, 2, 3, 4, 5), n -> n.runDkg(base));
    DkgResult first = null;
    boolean live = true;
    for (int id = 1; id <= 4; id++) {
      Object o = all.get(id);
      if (!(o instanceof DkgResult r)) {
        live = false;
        continue;
      }
      live &= r.qualified().containsAll(Set.of(1, 2, 3, 4));
      if (first == null) {
        first = r;
      } else if (!first.key().equals(r.key()) || !first.qualified().equals(r.qualified())) {
        problems.add("seed " + s + ": honest parties finished with different keys: " + first.qualified() + " vs "
            + r.qualified());
      } else if (!first.misbehaviour().equals(r.misbehaviour())) {
        problems.add("seed " + s + ": honest parties name different culprits: " + first.misbehaviour() + " vs "
            + r.misbehaviour());
      }
      if (r.misbehaviour().stream().anyMatch(m -> m.party() != 5)) {
        problems.add("seed " + s + ": an honest party was named: " + r.misbehaviour());
      }
      // The verdict can be checked offline from the signed messages it rests on.
      var evidence = net.nodes.get(id).lastCeremonyEvidence();
      var audit = evidence.audit(net.roster);
      java.util.Set<Integer> culprits = new java.util.TreeSet<>();
      r.misbehaviour().forEach(m -> culprits.add(m.party()));
      if (!audit.qualified().equals(r.qualified()) || !audit.culprits().equals(culprits)
          || evidence.equivocators().stream().anyMatch(p -> p != 5)) {
        problems.add("seed " + s + ": party " + id + "'s evidence does not show its verdict: audit " + audit
            + " vs " + r.qualified() + " / " + culprits);
      }
    }
    return live;
  }

  /**
   * A thread that sleeps 1 ms at a time and keeps the longest oversleep since the last reset: a
   * stall of this JVM (collector pause, the process descheduled) as every node in it saw it.
   */
  static final class Watchdog implements AutoCloseable {
    private final java.util.concurrent.atomic.AtomicLong maxNanos = new java.util.concurrent.atomic.AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    Watchdog() {
      thread = new Thread(() -> {
        long last = System.nanoTime();
        while (running) {
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
          long now = System.nanoTime();
          maxNanos.accumulateAndGet(now - last - 1_000_000, Math::max);
          last = now;
        }
      }, "synchrony-watchdog");
      thread.setDaemon(true);
      thread.setPriority(Thread.MAX_PRIORITY);
      thread.start();
    }

    void reset() {
      maxNanos.set(0);
    }

    long maxStallMillis() {
      return maxNanos.get() / 1_000_000;
    }

    @Override
    public void close() {
      running = false;
      thread.interrupt();
    }
  }
}
