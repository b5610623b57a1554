package org.tabella.network.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLException;
import org.tabella.crypto.dkg.DkgFailedException;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Group;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.Signatures;
import org.tabella.network.transport.Transport;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.network.wire.Envelope;
import org.tabella.crypto.encoding.MalformedEncodingException;

/**
 * One party on the network: carries the crypto module's protocol messages between the parties of
 * a roster over {@link Transport}, with signed envelopes and consistent broadcast (every broadcast
 * is echoed to every other party on first receipt, so a party that signs two different payloads for
 * one round is caught with both signatures as evidence and its message is delivered to nobody).
 * Rounds end when every reachable party's message and echoes are in, when all but f reachable
 * peers have moved on to the next round, or at the round timeout; parties that are silent or
 * disconnected are absent. Memory is bounded per peer. The key ceremony is {@link KeyCeremony};
 * {@link #barrier} waits for busy peers. SPEC.md §3.
 */
public final class PartyNode implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PartyNode.class.getName());
  /** Rounds are numbered 1..MAX_ROUND in every instance (a blinding chain uses one round per trustee). */
  static final int MAX_ROUND = 4096;

  private final Roster roster;
  private final Identity identity;
  private final NodeOptions options;
  private final Mailbox mailbox;
  private final PendingEnvelopes pending;
  private final Transport transport;
  private final int self;

  private final OutgoingFilter outgoing;

  private PartyNode(Roster roster, Identity identity, NodeOptions options, OutgoingFilter outgoing) throws SSLException {
    this.roster = roster;
    this.identity = identity;
    this.options = options;
    this.outgoing = Objects.requireNonNull(outgoing, "outgoing");
    this.self = identity.id();
    this.mailbox = new Mailbox(self, roster.size(), options.heldBytesPerPeer(), MAX_ROUND);
    this.pending = new PendingEnvelopes(options.pendingBytesPerPeer());
    this.transport = new Transport(roster, identity, this::onEnvelope, options.maxFrame());
  }

  /**
   * Starts the node: listens on its roster port and connects to every peer, waiting up to the
   * connect timeout for them to come up (those that do not are treated as absent).
   */
  public static PartyNode start(Roster roster, Identity identity, NodeOptions options)
      throws SSLException, InterruptedException {
    return startWithFaults(roster, identity, options, OutgoingFilter.NONE);
  }

  /**
   * Starts a node whose every outgoing payload passes through {@code faults} before it is signed:
   * fault injection for tests and drills (a node that lies, equivocates or falls silent). Never for
   * production.
   */
  public static PartyNode startWithFaults(Roster roster, Identity identity, NodeOptions options, OutgoingFilter faults)
      throws SSLException, InterruptedException {
    Objects.requireNonNull(roster, "roster");
    if (!roster.party(identity.id()).certificate().equals(identity.certificate())) {
      throw new IllegalArgumentException("the identity's certificate is not the one the roster pins");
    }
    PartyNode node = new PartyNode(roster, identity, options, faults);
    node.transport.start();
    long deadline = System.nanoTime() + options.connectTimeout().toNanos();
    while (System.nanoTime() < deadline && !node.allConnected()) {
      Thread.sleep(20);
    }
    return node;
  }

  /** Returns this party's id. */
  public int id() {
    return self;
  }

  /** Returns the roster. */
  public Roster roster() {
    return roster;
  }

  /** Returns whether every peer's connection is up. */
  public boolean allConnected() {
    for (int p : roster.parties().keySet()) {
      if (p != self && !transport.isConnected(p)) {
        return false;
      }
    }
    return true;
  }

  /** Returns every equivocation this node has proven. */
  public List<Equivocation> equivocations() {
    return mailbox.equivocations();
  }

  // ---------------------------------------------------------------- ceremonies

  /**
   * Runs the key ceremony (SPEC.md §2.10) with every party of the roster: a fresh run nonce agreed
   * in round 0, the three DKG rounds under an instance and session bound to it, and the signed
   * confirmation round. See {@link KeyCeremony}.
   *
   * @throws DkgFailedException if fewer than k dealers qualify, or a party confirms another outcome
   */
  public DkgResult runDkg() throws DkgFailedException, InterruptedException {
    return runDkg("dkg");
  }

  /**
   * Runs a key ceremony under its own base name (several ceremonies in one session need distinct
   * names).
   *
   * @throws DkgFailedException if fewer than k dealers qualify, or a party confirms another outcome
   */
  public DkgResult runDkg(String base) throws DkgFailedException, InterruptedException {
    return new KeyCeremony(this, identity).run(base);
  }

  /**
   * Threshold-decrypts {@code c} with the other parties in one round, instance {@code instance}:
   * this party (if it holds a share) broadcasts its decryption share with its proof; everyone
   * combines every valid share that arrived, skipping and reporting invalid ones.
   *
   * @param share this party's key share, or null if it only collects
   * @throws InsufficientSharesException with fewer than k valid shares
   */
  public DecryptionResult decrypt(ThresholdKey key, KeyShare share, Ciphertext c, String instance, byte[] context)
      throws InsufficientSharesException, InterruptedException {
    return ThresholdDecryption.combine(key, c, collectDecryptionShares(share, c, instance, context), context);
  }

  /**
   * The exchange half of {@link #decrypt}: broadcasts this party's share (if it holds one) and
   * returns every well-formed share that arrived (own first), unchecked; the caller combines them
   * (and can keep them, e.g. for an election record).
   */
  public List<DecryptionShare> collectDecryptionShares(KeyShare share, Ciphertext c, String instance, byte[] context)
      throws InterruptedException {
    Group g = c.group();
    List<DecryptionShare> shares = new ArrayList<>();
    if (share != null) {
      DecryptionShare mine = ThresholdDecryption.share(share, c, context);
      shares.add(mine);
      broadcast(instance, 1, ProtocolCodec.encode(mine));
    }
    try {
      for (var e : await(instance, 1, false).broadcasts().entrySet()) {
        try {
          DecryptionShare s = ProtocolCodec.decodeDecryptionShare(g, e.getValue());
          if (s.trustee() == e.getKey()) {
            shares.add(s);
          }
        } catch (MalformedEncodingException ex) {
          warn(instance, 1, e.getKey(), ex);
        }
      }
      return shares;
    } finally {
      mailbox.finish(instance);
    }
  }

  /** The peers whose connection is currently up. */
  public Set<Integer> connectedPeers() {
    Set<Integer> s = new TreeSet<>();
    for (int p : peers()) {
      if (transport.isConnected(p)) {
        s.add(p);
      }
    }
    return s;
  }

  /**
   * Forgets an application protocol instance: its messages are dropped from memory and late ones
   * ignored. Call it when an instance run with {@link #collectBroadcasts} is over.
   */
  public void finish(String instance) {
    mailbox.finish(instance);
  }

  /** Bytes held on behalf of one author and buffered from it as a peer (to check memory stays bounded). */
  public long heldBytes(int party) {
    return mailbox.heldBytes(party) + pending.bytes(party);
  }

  /** Returns how many rounds the node holds messages for (to check memory stays bounded). */
  public int heldRounds() {
    return mailbox.heldRounds();
  }

  // ---------------------------------------------------------------- messaging

  /**
   * Waits for one broadcast round of an application protocol (every reachable party's message and
   * its echoes, or the round timeout) and returns the payloads by sender, equivocators left out.
   */
  public Map<Integer, byte[]> collectBroadcasts(String instance, int round) throws InterruptedException {
    return await(instance, round, false).broadcasts();
  }

  /**
   * Waits until every connected peer has reached this point too (or disconnected, or the work
   * timeout passed): each party broadcasts an empty message in {@code instance} and waits for the
   * others', for as long as their connection is up. Use it before rounds that follow long local
   * work, so that a peer still busy is not taken for absent by a round timeout.
   *
   * @return the parties that arrived, this one included
   */
  public Set<Integer> barrier(String instance) throws InterruptedException {
    broadcast(instance, 1, new byte[0]);
    long deadline = System.nanoTime() + options.workTimeout().toNanos();
    Set<Integer> arrived = new TreeSet<>(mailbox.await(instance, 1, new TreeSet<>(roster.parties().keySet()), false,
        transport::isConnected, deadline, grace()).broadcasts().keySet());
    finish(instance);
    arrived.add(self);
    return arrived;
  }

  /** Like {@link #collectBroadcasts} but waits only for the given senders. */
  public Map<Integer, byte[]> collectBroadcastsFrom(String instance, int round, Set<Integer> senders)
      throws InterruptedException {
    open(instance);
    long deadline = System.nanoTime() + options.roundTimeout().toNanos();
    return mailbox.await(instance, round, senders, false, transport::isConnected, deadline, grace()).broadcasts();
  }

  /**
   * Opens an instance: from now on this node holds its messages (and takes in those that arrived
   * early). Sending or collecting in an instance opens it; {@link #finish} closes it for good.
   */
  public void open(String instance) {
    if (mailbox.isFinished(instance)) {
      return;
    }
    List<Map.Entry<Integer, Envelope>> early;
    synchronized (pending) {
      // Under the same lock as the receiver's "not open yet → pending" decision, so no message
      // can slip into the pending buffer after it was emptied.
      mailbox.open(instance);
      early = pending.take(instance);
    }
    for (var e : early) {
      onEnvelope(e.getKey(), e.getValue());
    }
  }

  /** How long a round waits for private messages once its broadcasts are complete: a tenth of the round timeout. */
  private long grace() {
    return options.roundTimeout().toNanos() / 10;
  }

  /** Signs and sends a broadcast to every peer. */
  public void broadcast(String instance, int round, byte[] payload) {
    open(instance);
    byte[] session = roster.sessionId();
    Envelope signed = null;
    byte[] signedPayload = null;
    for (int peer : roster.parties().keySet()) {
      if (peer == self) {
        continue;
      }
      byte[] p = outgoing.apply(instance, round, peer, payload);
      if (p == null) {
        continue;
      }
      if (signed == null || !Arrays.equals(signedPayload, p)) {
        signed = sign(new Envelope(session, instance, round, self, Envelope.BROADCAST, Envelope.MESSAGE, p, new byte[0]));
        signedPayload = p;
      }
      transport.send(peer, signed);
    }
  }

  /** Signs and sends a private message to one peer. */
  public void sendPrivate(String instance, int round, int recipient, byte[] payload) {
    open(instance);
    byte[] p = outgoing.apply(instance, round, recipient, payload);
    if (p != null) {
      transport.send(recipient, sign(new Envelope(roster.sessionId(), instance, round, self, recipient,
          Envelope.MESSAGE, p, new byte[0])));
    }
  }

  /** Waits for one round of an instance (package-private: the ceremony drivers use it). */
  Mailbox.Delivery await(String instance, int round, boolean privateToo) throws InterruptedException {
    open(instance);
    Set<Integer> expected = new TreeSet<>(roster.parties().keySet());
    long deadline = System.nanoTime() + options.roundTimeout().toNanos();
    return mailbox.await(instance, round, expected, privateToo, transport::isConnected, deadline, grace());
  }

  private Envelope sign(Envelope unsigned) {
    return unsigned.withSignature(Signatures.sign(identity.privateKey(), unsigned.signedBytes()));
  }

  /**
   * Every envelope from the transport: the TLS-authenticated peer must be the sender; an echo is
   * the relayer's unsigned copy of someone's signed broadcast (the channel authenticates the
   * relayer, the inner signature the author, checked once per distinct message); anything else must
   * carry the sender's valid signature and this session's id.
   */
  private void onEnvelope(int peer, Envelope e) {
    if (e.sender() != peer || !Arrays.equals(e.sessionId(), roster.sessionId())) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: dropped a message from {1} with a wrong sender or session", self, peer);
      return;
    }
    if (mailbox.isFinished(e.instance())) {
      // Late for this node, but peers may still wait for its echo: relay a direct broadcast that
      // this node delivered (an identical copy, already verified); drop everything else.
      if (e.kind() == Envelope.MESSAGE && e.isBroadcast() && mailbox.wasDelivered(e)) {
        relay(e, peer);
      }
      return;
    }
    if (e.round() < 1 || e.round() > MAX_ROUND) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: dropped a message from {1} with round {2}", self, peer, e.round());
      return;
    }
    synchronized (pending) {
      if (!mailbox.accepts(e.instance(), e.round())) {
        // An instance not opened yet: buffer within the peer's budget.
        if (!pending.add(peer, e)) {
          LOG.log(System.Logger.Level.WARNING, "party {0}: dropped a message from {1} for an instance not open ({2})",
              self, peer, e.instance());
        }
        return;
      }
    }
    if (e.kind() == Envelope.ECHO) {
      try {
        Envelope inner = Envelope.decode(e.payload());
        if (inner.kind() == Envelope.MESSAGE && inner.isBroadcast() && inner.sender() != self
            && roster.parties().containsKey(inner.sender())
            && Arrays.equals(inner.sessionId(), roster.sessionId())
            && (mailbox.holds(inner) || verified(inner)) && mailbox.addBroadcast(inner, peer)) {
          // Relay on first receipt, however it came: every honest party forwards every message
          // once, so all of them complete a round when it has reached all of them.
          relay(inner, peer);
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
        relay(e, peer);
      }
    } else if (e.recipient() == self) {
      mailbox.addPrivate(e);
    }
  }

  /**
   * Echoes a broadcast to every party but its author and this one — the peer it came from too, since
   * every party counts every other party's echo before it ends the round.
   */
  private void relay(Envelope e, int peer) {
    Envelope echo = new Envelope(roster.sessionId(), e.instance(), e.round(), self, Envelope.BROADCAST,
        Envelope.ECHO, e.encode(), new byte[0]);
    for (int other : roster.parties().keySet()) {
      if (other != self && other != e.sender()) {
        transport.send(other, echo);
      }
    }
  }

  private boolean verified(Envelope e) {
    var entry = roster.parties().get(e.sender());
    return entry != null && Signatures.verify(entry.certificate(), e.signedBytes(), e.signature());
  }

  void warn(String instance, int round, int sender, Exception ex) {
    LOG.log(System.Logger.Level.WARNING, "party {0}: invalid {1} round {2} message from {3}: {4}",
        self, instance, round, sender, ex.getMessage());
  }

  /** Closes every connection and thread; the port is free afterwards. */
  @Override
  public void close() {
    transport.close();
  }

  /** Round timeout in force. */
  public Duration roundTimeout() {
    return options.roundTimeout();
  }

  /** The parties of the roster other than this one. */
  public Set<Integer> peers() {
    Set<Integer> s = new TreeSet<>(roster.parties().keySet());
    s.remove(self);
    return s;
  }
}
