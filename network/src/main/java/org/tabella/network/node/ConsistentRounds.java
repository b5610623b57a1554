package org.tabella.network.node;

import java.util.Arrays;
import java.util.function.BiConsumer;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.Signatures;
import org.tabella.network.wire.Envelope;

/**
 * Consistent broadcast (SPEC.md §3.3.1), the receiving side: a signed message (kind 0) or an echo
 * of one (kind 1) is verified once per distinct message, stored in the {@link Mailbox}, and on first
 * receipt echoed to every party but its author and this one — so a party that signs two different
 * payloads for one round is caught with both signatures, and its message is delivered to nobody.
 * Private messages to this party are stored too. The rounds themselves end in {@link Mailbox#await}.
 */
final class ConsistentRounds {
  private static final System.Logger LOG = System.getLogger(ConsistentRounds.class.getName());

  private final Roster roster;
  private final int self;
  private final Mailbox mailbox;
  private final BiConsumer<Integer, Envelope> send;

  ConsistentRounds(Roster roster, int self, Mailbox mailbox, BiConsumer<Integer, Envelope> send) {
    this.roster = roster;
    this.self = self;
    this.mailbox = mailbox;
    this.send = send;
  }

  /**
   * A message for a finished instance: peers may still wait for this node's echo, so a direct
   * broadcast this node delivered (an identical copy, already verified) is relayed; anything else
   * is dropped.
   */
  void late(int peer, Envelope e) {
    if (e.kind() == Envelope.MESSAGE && e.isBroadcast() && mailbox.wasDelivered(e)) {
      relay(e);
    }
  }

  /** A kind-0 or kind-1 envelope from {@code peer} (sender and session already checked) for an open instance. */
  void receive(int peer, Envelope e) {
    if (e.kind() == Envelope.ECHO) {
      try {
        Envelope inner = Envelope.decode(e.payload());
        if (inner.kind() == Envelope.MESSAGE && inner.isBroadcast() && inner.sender() != self
            && roster.parties().containsKey(inner.sender())
            && Arrays.equals(inner.sessionId(), roster.sessionId())
            && (mailbox.holds(inner) || verified(inner)) && mailbox.addBroadcast(inner, peer)) {
          // Relay on first receipt, however it came: every honest party forwards every message
          // once, so all of them complete a round when it has reached all of them.
          relay(inner);
        }
      } catch (MalformedEncodingException ex) {
        LOG.log(System.Logger.Level.WARNING, "party {0}: malformed echo from {1}", self, peer);
      }
      return;
    }
    if (!(mailbox.holds(e) || verified(e))) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: dropped a message from {1} with a bad signature", self, peer);
      return;
    }
    if (e.isBroadcast()) {
      if (mailbox.addBroadcast(e, peer)) {
        relay(e);
      }
    } else if (e.recipient() == self) {
      mailbox.addPrivate(e);
    }
  }

  /**
   * Echoes a broadcast to every party but its author and this one — the peer it came from too, since
   * every party counts every other party's echo before it ends the round.
   */
  private void relay(Envelope e) {
    Envelope echo = new Envelope(roster.sessionId(), e.instance(), e.round(), self, Envelope.BROADCAST,
        Envelope.ECHO, e.encode(), new byte[0]);
    for (int other : roster.parties().keySet()) {
      if (other != self && other != e.sender()) {
        send.accept(other, echo);
      }
    }
  }

  private boolean verified(Envelope e) {
    var entry = roster.parties().get(e.sender());
    return entry != null && Signatures.verify(entry.certificate(), e.signedBytes(), e.signature());
  }
}
