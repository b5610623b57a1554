package org.tabella.network.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;
import org.tabella.network.roster.Signatures;
import org.tabella.network.wire.Envelope;
import org.tabella.network.wire.WitnessedMessage;

/**
 * The agreed round's rules (SPEC.md §3.3.2) on a clock the test controls: n = 5, k = 3, so t = 2
 * and three sub-rounds; Δ = 100 ms, so the round starts when three authors have been heard from,
 * sub-round 1 lasts 300 ms and the others 200 ms each. Party 1 is the node under test.
 */
@DisplayName("agreed rounds: entry, sub-rounds, signature chains, relays and evidence")
class AgreedRoundsTest {
  static final long MS = 1_000_000L;

  @TempDir
  Path dir;
  Roster roster;
  Map<Integer, Identity> ids = new TreeMap<>();
  AgreedRounds rounds;
  /** Far enough in the past that waiting for the round's end returns at once. */
  final long t0 = System.nanoTime() - 60_000 * MS;

  @BeforeEach
  void setUp() throws Exception {
    roster = RosterTool.create(dir, 3, "ristretto255", "127.0.0.1", RosterTool.freeLoopbackPorts(5));
    for (int i = 1; i <= 5; i++) {
      ids.put(i, Identity.load(roster, i, RosterTool.keyFile(dir, i)));
    }
    rounds = new AgreedRounds(roster, 1, ids.get(1).privateKey(), 100 * MS, 64L << 20);
  }

  Envelope message(int author, String text) {
    Envelope e = new Envelope(roster.sessionId(), "inst", 1, author, Envelope.BROADCAST, Envelope.AGREED,
        text.getBytes(StandardCharsets.UTF_8), new byte[0]);
    return e.withSignature(Signatures.sign(ids.get(author).privateKey(), e.signedBytes()));
  }

  WitnessedMessage witnessed(Envelope e, int... witnesses) {
    WitnessedMessage m = new WitnessedMessage(e, new TreeMap<>());
    for (int w : witnesses) {
      m = m.with(w, Signatures.sign(ids.get(w).privateKey(), WitnessedMessage.witnessedBytes(e)));
    }
    return m;
  }

  /** Starts the round at t0: this party's message and party 2's, then party 3's at t0 (the third author). */
  void enter() {
    assertTrue(rounds.own(message(1, "one"), t0));
    assertNotNull(rounds.receive(witnessed(message(2, "two")), t0, t0));
    assertNotNull(rounds.receive(witnessed(message(3, "three")), t0, t0));
  }

  AgreedRounds.Outcome outcome() throws InterruptedException {
    return rounds.await("inst", 1, t0, 0);
  }

  @Test
  void theRoundLastsThreeDeltaPlusTwoDeltaPerToleratedFault() {
    assertEquals(2, AgreedRounds.faultsTolerated(5, 3));
    assertEquals(1, AgreedRounds.faultsTolerated(4, 3));
    assertEquals(4, AgreedRounds.faultsTolerated(15, 11));
    assertEquals(700 * MS, rounds.lengthNanos());
  }

  @Test
  void aMessageInSubRoundOneIsAcceptedAndRelayedWithThisPartysSignature() throws Exception {
    enter();
    WitnessedMessage relay = rounds.receive(witnessed(message(4, "four")), t0 + 299 * MS, t0 + 299 * MS);
    assertNotNull(relay);
    assertEquals(java.util.Set.of(1), relay.witnesses().keySet());
    assertTrue(Signatures.verify(roster.party(1).certificate(), WitnessedMessage.witnessedBytes(relay.message()),
        relay.witnesses().get(1)));
    assertEquals("four", new String(outcome().single().get(4), StandardCharsets.UTF_8));
  }

  @Test
  void aLateMessageNeedsAsManySignaturesAsItsSubRound() throws Exception {
    enter();
    Envelope late = message(4, "four");
    // Sub-round 2 (300..500 ms): one signature is not enough, two are.
    assertNull(rounds.receive(witnessed(late), t0 + 350 * MS, t0 + 350 * MS));
    assertFalse(outcome().accepted().containsKey(4));
    WitnessedMessage relay = rounds.receive(witnessed(late, 5), t0 + 360 * MS, t0 + 360 * MS);
    assertNotNull(relay, "accepted in sub-round 2 ≤ t: relayed");
    assertEquals(java.util.Set.of(1, 5), relay.witnesses().keySet());
    assertTrue(outcome().accepted().containsKey(4));
  }

  @Test
  void inTheLastSubRoundAMessageIsAcceptedButNotRelayedAndAfterItNothingIs() throws Exception {
    enter();
    // Sub-round 3 (500..700 ms) needs three signers; accepted, not relayed (nobody could use it).
    assertNull(rounds.receive(witnessed(message(4, "four"), 2, 3), t0 + 600 * MS, t0 + 600 * MS));
    assertTrue(outcome().accepted().containsKey(4));
    // After the round: nothing, however many signatures.
    assertNull(rounds.receive(witnessed(message(5, "five"), 2, 3, 4), t0 + 701 * MS, t0 + 701 * MS));
    assertFalse(outcome().accepted().containsKey(5));
  }

  @Test
  void aForgedOrDuplicatedWitnessDoesNotCount() throws Exception {
    enter();
    Envelope late = message(4, "four");
    TreeMap<Integer, byte[]> forged = new TreeMap<>();
    forged.put(5, Signatures.sign(ids.get(4).privateKey(), WitnessedMessage.witnessedBytes(late))); // 4 signs as 5
    assertNull(rounds.receive(new WitnessedMessage(late, forged), t0 + 350 * MS, t0 + 350 * MS));
    TreeMap<Integer, byte[]> self = new TreeMap<>();
    self.put(4, Signatures.sign(ids.get(4).privateKey(), WitnessedMessage.witnessedBytes(late))); // the author again
    assertNull(rounds.receive(new WitnessedMessage(late, self), t0 + 350 * MS, t0 + 350 * MS));
    assertFalse(outcome().accepted().containsKey(4));
  }

  @Test
  void twoMessagesOfOneAuthorAreEquivocationWithTransferableEvidence() throws Exception {
    enter();
    assertNotNull(rounds.receive(witnessed(message(2, "two, again"), 4), t0 + 350 * MS, t0 + 350 * MS));
    AgreedRounds.Outcome o = outcome();
    assertFalse(o.single().containsKey(2), "an equivocator's messages are delivered to nobody");
    assertEquals(2, o.accepted().get(2).size());
    assertEquals(1, o.equivocations().size());
    assertTrue(o.equivocations().get(0).isProof(roster));
    assertEquals(java.util.Set.of(1, 3), o.single().keySet());
  }

  @Test
  void aPartyTooLateForTheWindowSitsTheRoundOut() throws Exception {
    AgreedRounds late = new AgreedRounds(roster, 1, ids.get(1).privateKey(), 100 * MS, 64L << 20);
    late.receive(witnessed(message(2, "two")), t0, t0);
    late.receive(witnessed(message(3, "three")), t0, t0);
    late.receive(witnessed(message(4, "four")), t0, t0);
    assertFalse(late.own(message(1, "one"), t0 + 100 * MS), "more than W = Δ after the round began");
    assertFalse(late.await("inst", 1, t0, 0).accepted().containsKey(1));
  }

  @Test
  void beforeKAuthorsAreHeardFromTheRoundHasNotStartedAndEverythingIsSubRoundOne() throws Exception {
    assertTrue(rounds.own(message(1, "one"), t0));
    // Only two authors so far: a message ten seconds later still counts as sub-round 1.
    assertNotNull(rounds.receive(witnessed(message(2, "two")), t0 + 10_000 * MS, t0 + 10_000 * MS));
    assertEquals(java.util.Set.of(1, 2), outcome().single().keySet());
  }
}
