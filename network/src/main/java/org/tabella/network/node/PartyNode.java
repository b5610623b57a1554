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
import org.tabella.network.wire.WitnessedMessage;
import org.tabella.crypto.encoding.MalformedEncodingException;

/**
 * One party on the network: its lifecycle (listen, connect, close), its messaging (signed
 * envelopes over {@link Transport}, private messages, fault injection for tests only through
 * {@link #startWithFaults}) and the routing of what arrives — sender and session checked, rounds
 * bounded, early messages held per peer until their instance opens (SPEC.md §3). The parts:
 * {@link ConsistentRounds} and {@link Mailbox} (consistent broadcast, §3.3.1), {@link AgreedRounds}
 * (agreed broadcast, §3.3.2), {@link KeyCeremony} (the key ceremony's driver, §2.10) and
 * {@link DecryptionRound} (threshold decryption, §2.8). {@link #barrier} waits for busy peers.
 */
public final class PartyNode implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PartyNode.class.getName());
  /** Rounds are numbered 1..MAX_ROUND in every instance (a blinding chain uses one round per trustee). */
  static final int MAX_ROUND = 4096;

  private final Roster roster;
  private final Identity identity;
  private final NodeOptions options;
  private final Mailbox mailbox;
  private final ConsistentRounds consistent;
  private final AgreedRounds agreed;
  private final PendingEnvelopes pending;
  private final Transport transport;
  private final int self;

  private final OutgoingFilter outgoing;
  private volatile CeremonyEvidence lastEvidence;

  private PartyNode(Roster roster, Identity identity, NodeOptions options, OutgoingFilter outgoing) throws SSLException {
    this.roster = roster;
    this.identity = identity;
    this.options = options;
    this.outgoing = Objects.requireNonNull(outgoing, "outgoing");
    this.self = identity.id();
    this.mailbox = new Mailbox(self, roster.size(), options.heldBytesPerPeer(), MAX_ROUND);
    this.agreed = new AgreedRounds(roster, self, identity.privateKey(), options.delta().toNanos(),
        options.heldBytesPerPeer());
    this.pending = new PendingEnvelopes(options.pendingBytesPerPeer());
    this.transport = new Transport(roster, identity, this::onEnvelope, options.maxFrame());
    this.consistent = new ConsistentRounds(roster, self, mailbox, transport::send);
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

  /** Returns every equivocation this node has proven (in consistent and in agreed rounds). */
  public List<Equivocation> equivocations() {
    List<Equivocation> all = mailbox.equivocations();
    all.addAll(agreed.equivocations());
    return all;
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
    KeyCeremony ceremony = new KeyCeremony(this, identity);
    try {
      return ceremony.run(base);
    } finally {
      lastEvidence = ceremony.evidence();
    }
  }

  /**
   * The evidence of the last key ceremony this node ran, finished or failed — the signed messages
   * its verdict rests on, checkable offline with {@link CeremonyEvidence#audit} — or null if none
   * got past its first round.
   */
  public CeremonyEvidence lastCeremonyEvidence() {
    return lastEvidence;
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
   * (and can keep them, e.g. for an election record). See {@link DecryptionRound}.
   */
  public List<DecryptionShare> collectDecryptionShares(KeyShare share, Ciphertext c, String instance, byte[] context)
      throws InterruptedException {
    return new DecryptionRound(this).collect(share, c, instance, context);
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
    agreed.finish(instance);
  }

  /** Bytes held on behalf of one author and buffered from it as a peer (to check memory stays bounded). */
  public long heldBytes(int party) {
    return mailbox.heldBytes(party) + agreed.heldBytes(party) + pending.bytes(party);
  }

  /** Returns how many rounds the node holds messages for (to check memory stays bounded). */
  public int heldRounds() {
    return mailbox.heldRounds() + agreed.heldRounds();
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
    List<PendingEnvelopes.Item> early;
    synchronized (pending) {
      // Under the same lock as the receiver's "not open yet → pending" decision, so no message
      // can slip into the pending buffer after it was emptied.
      mailbox.open(instance);
      early = pending.take(instance);
    }
    for (var e : early) {
      onEnvelope(e.peer(), e.envelope(), e.arrival());
    }
  }

  // ---------------------------------------------------------------- agreed rounds

  /**
   * Runs one agreed round (SPEC.md §3.3.2): sends this party's payload (unless null, or unless
   * this party comes too late for the round, when it only listens) and returns, once the round is
   * over, every author's payload that every honest party also ends the round with — equivocators
   * and the silent left out, this party's own included. The round lasts {@code (3 + 2t)·Δ} from its
   * start.
   */
  public Map<Integer, byte[]> agree(String instance, int round, byte[] payload) throws InterruptedException {
    return agreeAll(instance, round, payload).single();
  }

  /** Like {@link #agree}, but returns every message accepted from each author (package-private: for the hello round). */
  AgreedRounds.Outcome agreeAll(String instance, int round, byte[] payload) throws InterruptedException {
    open(instance);
    long started = System.nanoTime();
    if (payload != null) {
      sendAgreed(instance, round, payload);
    }
    long margin = options.delta().toNanos() / 2;
    return agreed.await(instance, round, started + options.roundTimeout().toNanos(), margin);
  }

  private void sendAgreed(String instance, int round, byte[] payload) {
    byte[] session = roster.sessionId();
    Envelope own = sign(new Envelope(session, instance, round, self, Envelope.BROADCAST, Envelope.AGREED, payload, new byte[0]));
    if (!agreed.own(own, System.nanoTime())) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: too late for agreed round {1} of {2}; listening only", self,
          round, instance);
      return;
    }
    Envelope signed = own;
    byte[] signedPayload = payload;
    for (int peer : peers()) {
      byte[] p = outgoing.apply(instance, round, peer, payload);
      if (p == null) {
        continue;
      }
      if (!Arrays.equals(signedPayload, p)) {
        signed = sign(new Envelope(session, instance, round, self, Envelope.BROADCAST, Envelope.AGREED, p, new byte[0]));
        signedPayload = p;
      }
      transport.send(peer, wrap(new WitnessedMessage(signed, new java.util.TreeMap<>())));
    }
  }

  private Envelope wrap(WitnessedMessage m) {
    Envelope inner = m.message();
    return new Envelope(roster.sessionId(), inner.instance(), inner.round(), self, Envelope.BROADCAST,
        Envelope.WITNESSED, m.encode(), new byte[0]);
  }

  /** Takes in a relayed agreed message and relays it on, witnessed, if the round's rule says so. */
  private void onWitnessed(int peer, Envelope outer, long arrival) {
    WitnessedMessage m;
    try {
      m = WitnessedMessage.decode(outer.payload());
    } catch (MalformedEncodingException ex) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: malformed agreed message from {1}", self, peer);
      return;
    }
    Envelope inner = m.message();
    if (!inner.instance().equals(outer.instance()) || inner.round() != outer.round()
        || !Arrays.equals(inner.sessionId(), roster.sessionId())) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: agreed message from {1} for another round or session", self, peer);
      return;
    }
    WitnessedMessage relay = agreed.receive(m, arrival, System.nanoTime());
    if (relay == null) {
      return;
    }
    Envelope wrapped = wrap(relay);
    for (int other : peers()) {
      if (other != inner.sender() && !relay.witnesses().containsKey(other)
          && outgoing.apply(inner.instance(), inner.round(), other, inner.payload()) != null) {
        transport.send(other, wrapped);
      }
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

  /** The private messages to this party that have arrived for a round (package-private: after an agreed round). */
  Map<Integer, byte[]> privatesArrived(String instance, int round) {
    return mailbox.privates(instance, round);
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
    onEnvelope(peer, e, System.nanoTime());
  }

  private void onEnvelope(int peer, Envelope e, long arrival) {
    if (e.sender() != peer || !Arrays.equals(e.sessionId(), roster.sessionId())) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: dropped a message from {1} with a wrong sender or session", self, peer);
      return;
    }
    if (mailbox.isFinished(e.instance())) {
      consistent.late(peer, e);
      return;
    }
    if (e.round() < 1 || e.round() > MAX_ROUND) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: dropped a message from {1} with round {2}", self, peer, e.round());
      return;
    }
    synchronized (pending) {
      if (!mailbox.accepts(e.instance(), e.round())) {
        // An instance not opened yet: buffer within the peer's budget.
        if (!pending.add(peer, e, arrival)) {
          LOG.log(System.Logger.Level.WARNING, "party {0}: dropped a message from {1} for an instance not open ({2})",
              self, peer, e.instance());
        }
        return;
      }
    }
    if (e.kind() == Envelope.WITNESSED) {
      onWitnessed(peer, e, arrival);
      return;
    }
    if (e.kind() == Envelope.AGREED) {
      LOG.log(System.Logger.Level.WARNING, "party {0}: an agreed message from {1} outside its wrapper", self, peer);
      return;
    }
    consistent.receive(peer, e);
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
