package org.tabella.network.node;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.Signatures;
import org.tabella.network.wire.Envelope;
import org.tabella.network.wire.WitnessedMessage;

/**
 * Agreed broadcast (SPEC.md §3.3.2): every honest party that ends an agreed round ends it with the
 * same set of messages from every author, whatever up to t parties do — the Dolev–Strong protocol
 * with signature chains, on a clock each party starts from the messages it sees.
 *
 * <p>A round's clock starts (its <em>entry</em>) when this party has seen messages of the round
 * from k distinct authors; every message is relayed on acceptance, so under the round bound Δ
 * honest parties' entries differ by at most Δ. The round then has t + 1 sub-rounds: the first
 * {@code W + 2Δ} long (an honest author sends within {@code W = Δ} of its entry), the others
 * {@code 2Δ}. A message that arrives in sub-round r is accepted only if it carries at least r
 * distinct valid signatures (its author's and its witnesses'); on acceptance in a sub-round r ≤ t
 * this party adds its own signature and relays it to everyone. A message an honest party accepts
 * in sub-round r ≤ t therefore reaches every honest party within sub-round r + 1 with enough
 * signatures; one accepted in sub-round t + 1 carries t + 1 signers, one of them honest, who
 * relayed it earlier. So all honest parties accept the same messages. The first
 * {@link #RELAYED} distinct messages of an author are accepted and relayed; an author with two
 * or more has equivocated, and any two of them are the evidence ({@link Equivocation}).
 *
 * <p>Memory: at most {@link #RELAYED} messages per author and round are held, charged to the
 * author's byte budget. Thread-safe.
 */
final class AgreedRounds {
  /** Distinct messages accepted and relayed per author and round; more are ignored. */
  static final int RELAYED = 17;

  private record Key(String instance, int round) {}

  /** What an agreed round delivered: every author's accepted messages, and evidence against equivocators. */
  record Outcome(Map<Integer, List<Envelope>> accepted, List<Equivocation> equivocations) {
    /** Copies. */
    Outcome {
      accepted = Collections.unmodifiableMap(new TreeMap<>(accepted));
      equivocations = List.copyOf(equivocations);
    }

    /** The payload of every author that sent exactly one message (equivocators and the silent left out). */
    Map<Integer, byte[]> single() {
      Map<Integer, byte[]> out = new TreeMap<>();
      accepted.forEach((author, list) -> {
        if (list.size() == 1) {
          out.put(author, list.get(0).payload());
        }
      });
      return out;
    }
  }

  private static final class RoundState {
    long entry = -1;
    final Map<Integer, Long> starts = new TreeMap<>();
    final Map<Integer, List<Envelope>> accepted = new TreeMap<>();
    /** Copies of an accepted message cost a digest lookup; anything else is verified when it comes. */
    final Set<ByteBuffer> acceptedDigests = new HashSet<>();
  }

  private final Roster roster;
  private final int self;
  private final PrivateKey key;
  private final int threshold;
  private final int faults;
  private final long window;
  private final long firstSubRound;
  private final long subRound;
  private final long budgetPerAuthor;
  private final Map<Key, RoundState> rounds = new HashMap<>();
  private final Map<Integer, Long> held = new HashMap<>();
  private final List<Equivocation> evidence = new ArrayList<>();

  AgreedRounds(Roster roster, int self, PrivateKey key, long deltaNanos, long budgetPerAuthor) {
    this.roster = roster;
    this.self = self;
    this.key = key;
    int n = roster.size();
    this.threshold = roster.quorum();
    this.faults = faultsTolerated(n, roster.quorum());
    this.window = deltaNanos;
    this.firstSubRound = window + 2 * deltaNanos;
    this.subRound = 2 * deltaNanos;
    this.budgetPerAuthor = budgetPerAuthor;
  }

  /**
   * The number of faulty parties t an agreed round tolerates: {@code max(⌊(n − 1)/3⌋, n − k)}, so
   * the f Byzantine parties of the model and, where k allows more, crashed or late ones too.
   */
  static int faultsTolerated(int n, int k) {
    return Math.max((n - 1) / 3, n - k);
  }

  /** How long an agreed round lasts from its entry: {@code W + 2Δ + t·2Δ}. */
  long lengthNanos() {
    return firstSubRound + (long) faults * subRound;
  }

  private RoundState state(String instance, int round) {
    return rounds.computeIfAbsent(new Key(instance, round), k -> new RoundState());
  }

  /** The sub-round (1-based) that time {@code at} falls in. */
  private long subRoundAt(RoundState s, long at) {
    if (s.entry < 0 || at - s.entry < firstSubRound) {
      return 1;
    }
    return 2 + (at - s.entry - firstSubRound) / subRound;
  }

  private void noteStart(RoundState s, int author, long at) {
    s.starts.putIfAbsent(author, at);
    if (s.entry < 0 && s.starts.size() >= threshold) {
      List<Long> times = new ArrayList<>(s.starts.values());
      Collections.sort(times);
      s.entry = times.get(threshold - 1);
    }
  }

  /**
   * Records this party's own message, signed, at time {@code now}: it counts only if sent within the
   * window W after entry (a party that arrives later sits the round out, and so does everyone's view
   * of it).
   *
   * @return whether the message may be sent
   */
  synchronized boolean own(Envelope signed, long now) {
    RoundState s = state(signed.instance(), signed.round());
    if (s.entry >= 0 && now - s.entry >= window) {
      return false;
    }
    noteStart(s, self, now);
    accept(s, signed);
    notifyAll();
    return true;
  }

  /**
   * Takes in a witnessed message that arrived at {@code arrival} (an instance this node has open).
   *
   * @return the message with this party's witness signature added, to relay to everyone, or null
   */
  synchronized WitnessedMessage receive(WitnessedMessage m, long arrival, long now) {
    Envelope e = m.message();
    int author = e.sender();
    if (author == self || !roster.parties().containsKey(author)) {
      return null;
    }
    RoundState s = state(e.instance(), e.round());
    ByteBuffer digest = ByteBuffer.wrap(WitnessedMessage.digest(e));
    if (s.acceptedDigests.contains(digest)) {
      return null;
    }
    if (!Signatures.verify(roster.party(author).certificate(), e.signedBytes(), e.signature())) {
      return null;
    }
    Set<Integer> ok = new HashSet<>();
    ok.add(author);
    noteStart(s, author, arrival);
    byte[] witnessed = WitnessedMessage.witnessedBytes(e);
    for (var w : m.witnesses().entrySet()) {
      int id = w.getKey();
      if (id != author && roster.parties().containsKey(id)
          && Signatures.verify(roster.party(id).certificate(), witnessed, w.getValue())) {
        ok.add(id);
      }
    }
    long r = subRoundAt(s, arrival);
    List<Envelope> already = s.accepted.getOrDefault(author, List.of());
    if (r > faults + 1 || ok.size() < r || already.size() >= RELAYED || !accept(s, e)) {
      notifyAll();
      return null;
    }
    notifyAll();
    if (subRoundAt(s, now) > faults) {
      return null;
    }
    // Relay with every valid signature seen, this party's added.
    TreeMap<Integer, byte[]> sigs = new TreeMap<>();
    for (var w : m.witnesses().entrySet()) {
      if (ok.contains(w.getKey()) && w.getKey() != author) {
        sigs.put(w.getKey(), w.getValue());
      }
    }
    return new WitnessedMessage(e, sigs).with(self, Signatures.sign(key, witnessed));
  }

  private boolean accept(RoundState s, Envelope e) {
    long size = e.payload().length + 512L;
    long now = held.getOrDefault(e.sender(), 0L);
    if (now + size > budgetPerAuthor) {
      return false;
    }
    held.put(e.sender(), now + size);
    List<Envelope> list = s.accepted.computeIfAbsent(e.sender(), a -> new ArrayList<>());
    list.add(e);
    s.acceptedDigests.add(ByteBuffer.wrap(WitnessedMessage.digest(e)));
    if (list.size() == 2) {
      evidence.add(new Equivocation(e.sender(), list.get(0), list.get(1)));
    }
    return true;
  }

  /**
   * Waits for the end of an agreed round — its last sub-round over, plus {@code marginNanos} for
   * messages still being processed — or, if the round never starts (fewer than k authors
   * heard from), until {@code timeoutAt}; then returns what was accepted.
   */
  synchronized Outcome await(String instance, int round, long timeoutAt, long marginNanos) throws InterruptedException {
    RoundState s = state(instance, round);
    while (true) {
      long now = System.nanoTime();
      long end = s.entry >= 0 ? s.entry + lengthNanos() + marginNanos : timeoutAt;
      if (now >= end) {
        break;
      }
      long ms = Math.max(1, (end - now) / 1_000_000);
      wait(Math.min(ms, 20));
    }
    List<Equivocation> eq = new ArrayList<>();
    s.accepted.forEach((author, list) -> {
      if (list.size() >= 2) {
        eq.add(new Equivocation(author, list.get(0), list.get(1)));
      }
    });
    return new Outcome(s.accepted, eq);
  }

  /** Drops everything held for {@code instance}, returning its bytes to the authors' budgets. */
  synchronized void finish(String instance) {
    var it = rounds.entrySet().iterator();
    while (it.hasNext()) {
      var entry = it.next();
      if (entry.getKey().instance().equals(instance)) {
        entry.getValue().accepted.values().forEach(list -> list.forEach(e ->
            held.computeIfPresent(e.sender(), (a, b) -> b - (e.payload().length + 512L) <= 0 ? null
                : b - (e.payload().length + 512L))));
        it.remove();
      }
    }
  }

  /** Bytes held on behalf of {@code author}. */
  synchronized long heldBytes(int author) {
    return held.getOrDefault(author, 0L);
  }

  /** Rounds held (for memory checks). */
  synchronized int heldRounds() {
    return rounds.size();
  }

  /** Every equivocation seen in an agreed round. */
  synchronized List<Equivocation> equivocations() {
    return new ArrayList<>(evidence);
  }
}
