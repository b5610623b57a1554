package org.tabella.crypto.dkg;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.internal.Contexts;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.crypto.sharing.FeldmanCommitment;
import org.tabella.crypto.sharing.PartyIndices;
import org.tabella.crypto.sharing.Polynomial;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;
import org.tabella.groups.SecretScalar;

/**
 * One party of a dealerless key ceremony: Joint-Feldman DKG with proofs of possession, complaint
 * and reveal rounds, and an echo check against equivocating dealers (SPEC.md §2.10). A
 * message-in/message-out state machine with no I/O: call {@link #deal()}, then
 * {@link #receiveRound1}, {@link #receiveRound2} and {@link #receiveRound3} with whatever messages
 * arrived before each round's timeout — missing messages mean absent parties.
 *
 * <p>Every honest party that sees the same broadcasts computes the same qualified set, the same
 * joint key and the same verification keys. The key is secret as long as fewer than k parties
 * collude; it can be biased by a rushing adversary only in the limited way GJKR describe for
 * Joint-Feldman, which does not help against ElGamal's semantic security.
 */
public final class DkgParty {
  private enum Stage { NEW, DEALT, ROUND1, ROUND2, DONE }

  private final Set<Integer> viewDiffers = new TreeSet<>();
  private final DkgParameters params;
  private final Group group;
  private final int self;
  private Stage stage = Stage.NEW;

  private Polynomial polynomial;
  private DealerBroadcast myBroadcast;
  private final Map<Integer, DealerBroadcast> dealers = new TreeMap<>();
  private final Map<Integer, FeldmanCommitment> commitments = new TreeMap<>();
  private final Map<Integer, Scalar> sharesForMe = new TreeMap<>();
  private final Map<Integer, byte[]> myEchoes = new TreeMap<>();
  private final Set<Integer> disqualified = new TreeSet<>();
  private final Map<Integer, Set<Integer>> complaintsAgainst = new TreeMap<>();
  private final List<Misbehaviour> misbehaviour = new ArrayList<>();
  private ComplaintBroadcast myComplaints;
  private RevealBroadcast myReveal;

  /**
   * Creates party {@code self} of the ceremony.
   *
   * @throws IllegalArgumentException if self is not a valid index
   */
  public DkgParty(DkgParameters params, int self) {
    PartyIndices.check(self, params.parties(), params.group().order());
    this.params = params;
    this.group = params.group();
    this.self = self;
  }

  /** Returns this party's index. */
  public int index() {
    return self;
  }

  /** Round 1 output: the broadcast and one private share per other party. */
  public record Dealing(DealerBroadcast broadcast, List<PrivateShare> privateShares) {
    /** Copies the list. */
    public Dealing {
      privateShares = List.copyOf(privateShares);
    }
  }

  /** Round 1: picks a random polynomial, commits to it, proves possession, deals shares. */
  public Dealing deal() {
    require(Stage.NEW);
    polynomial = Polynomial.random(group, params.threshold());
    FeldmanCommitment c = FeldmanCommitment.of(polynomial);
    SchnorrProof pop = SchnorrProof.prove(polynomial.constantTerm(), c.constantTerm(),
        popContext(params, self));
    myBroadcast = new DealerBroadcast(self, c.commitments(), pop);
    List<PrivateShare> shares = new ArrayList<>();
    for (int j = 1; j <= params.parties(); j++) {
      if (j != self) {
        shares.add(new PrivateShare(self, j, polynomial.evaluate(j)));
      }
    }
    stage = Stage.DEALT;
    return new Dealing(myBroadcast, shares);
  }

  /**
   * Round 2: validates every dealer's broadcast (commitment count, no identity, proof of
   * possession) and every share sent to this party; returns this party's complaints and echoes.
   */
  public ComplaintBroadcast receiveRound1(Collection<DealerBroadcast> broadcasts,
      Collection<PrivateShare> privateShares) {
    require(Stage.DEALT);
    Map<Integer, DealerBroadcast> received = new LinkedHashMap<>();
    received.put(self, myBroadcast);
    for (DealerBroadcast b : broadcasts) {
      if (!params.isParty(b.dealer()) || b.dealer() == self) {
        continue;
      }
      DealerBroadcast previous = received.putIfAbsent(b.dealer(), b);
      if (previous != null && !java.util.Arrays.equals(previous.encode(), b.encode())) {
        disqualify(b.dealer(), "round 1: two different broadcasts");
      }
    }
    for (DealerBroadcast b : received.values()) {
      myEchoes.put(b.dealer(), sha256(b.encode()));
      String problem = validate(b);
      if (problem != null) {
        disqualify(b.dealer(), "round 1: " + problem);
      } else {
        dealers.put(b.dealer(), b);
        commitments.put(b.dealer(), new FeldmanCommitment(b.commitments()));
      }
    }
    sharesForMe.put(self, polynomial.evaluate(self).reveal());
    for (PrivateShare s : privateShares) {
      if (s.recipient() == self && dealers.containsKey(s.dealer()) && !sharesForMe.containsKey(s.dealer())
          && commitments.get(s.dealer()).verify(self, s.share().reveal())) {
        sharesForMe.put(s.dealer(), s.share().reveal());
      }
    }
    List<Integer> accused = new ArrayList<>();
    for (int d : dealers.keySet()) {
      if (!disqualified.contains(d) && !sharesForMe.containsKey(d)) {
        accused.add(d);
      }
    }
    stage = Stage.ROUND1;
    myComplaints = new ComplaintBroadcast(self, accused, myEchoes);
    return myComplaints;
  }

  /**
   * Round 3: compares echoes (a dealer seen differently by two parties is disqualified), collects
   * the complaints, and reveals the shares this party is accused of withholding.
   */
  public RevealBroadcast receiveRound2(Collection<ComplaintBroadcast> complaints) {
    require(Stage.ROUND1);
    Map<Integer, ComplaintBroadcast> byParty = new TreeMap<>();
    byParty.put(self, myComplaints);
    for (ComplaintBroadcast c : complaints) {
      if (params.isParty(c.from()) && c.from() != self) {
        byParty.putIfAbsent(c.from(), c);
      }
    }
    // A dealer is kept only if, of the B round-2 broadcasters, at least B − f echo one and the
    // same digest, and it is the digest of the broadcast this party holds (f = ⌊(n − 1)/3⌋, the
    // Byzantine parties tolerated). Up to f lying or silent echoers cannot disqualify an honest
    // dealer (no veto); a dealer whose broadcast did not reach (or was not the same at) more than
    // f broadcasters is out. Every honest party applies the rule to the same round-2 broadcasts
    // (consistent broadcast, SPEC.md §3.3), so all keep the same dealers.
    int tolerated = (params.parties() - 1) / 3;
    Set<Integer> echoedDealers = new TreeSet<>();
    for (ComplaintBroadcast c : byParty.values()) {
      for (int d : c.echoes().keySet()) {
        if (params.isParty(d)) {
          echoedDealers.add(d);
        }
      }
    }
    for (int d : echoedDealers) {
      Map<java.nio.ByteBuffer, Integer> votes = new java.util.HashMap<>();
      for (ComplaintBroadcast c : byParty.values()) {
        byte[] digest = c.echoes().get(d);
        if (digest != null) {
          votes.merge(java.nio.ByteBuffer.wrap(digest), 1, Integer::sum);
        }
      }
      byte[] mine = myEchoes.get(d);
      int agreeing = mine == null ? 0 : votes.getOrDefault(java.nio.ByteBuffer.wrap(mine), 0);
      boolean othersKeep = votes.values().stream().anyMatch(v -> v >= byParty.size() - tolerated);
      if (agreeing < byParty.size() - tolerated && othersKeep) {
        // The others keep a version of d's broadcast this party does not hold: it cannot compute
        // their key, so it aborts rather than finish with another one (SPEC.md §2.10).
        viewDiffers.add(d);
      }
      if (agreeing < byParty.size() - tolerated) {
        disqualify(d, "round 2: only " + agreeing + " of " + byParty.size()
            + " round-2 broadcasters echoed the broadcast this party holds (" + (byParty.size() - tolerated) + " needed)");
      }
    }
    for (ComplaintBroadcast c : byParty.values()) {
      for (int d : c.accused()) {
        if (dealers.containsKey(d) && d != c.from()) {
          complaintsAgainst.computeIfAbsent(d, k -> new TreeSet<>()).add(c.from());
        }
      }
    }
    Map<Integer, Scalar> reveal = new TreeMap<>();
    for (int j : complaintsAgainst.getOrDefault(self, Set.of())) {
      reveal.put(j, polynomial.evaluate(j).reveal());
    }
    stage = Stage.ROUND2;
    myReveal = new RevealBroadcast(self, reveal);
    return myReveal;
  }

  /**
   * Finishes: resolves every complaint by the dealer's reveal (or disqualifies the dealer), and
   * combines the qualified dealers into the joint key, this party's share and every verification
   * key.
   *
   * @throws DkgFailedException if fewer than k dealers qualify
   */
  public DkgResult receiveRound3(Collection<RevealBroadcast> reveals) throws DkgFailedException {
    require(Stage.ROUND2);
    if (!viewDiffers.isEmpty()) {
      stage = Stage.DONE;
      throw new DkgFailedException("the round-2 echoes keep dealer(s) " + viewDiffers + " with a broadcast this party"
          + " did not receive as the others did; aborting rather than deriving a different key");
    }
    Map<Integer, RevealBroadcast> byDealer = new TreeMap<>();
    for (RevealBroadcast r : reveals) {
      if (params.isParty(r.dealer())) {
        byDealer.putIfAbsent(r.dealer(), r);
      }
    }
    // A party judges its own reveal as broadcast, exactly as everyone else does.
    byDealer.putIfAbsent(self, myReveal);
    for (Map.Entry<Integer, Set<Integer>> e : complaintsAgainst.entrySet()) {
      int d = e.getKey();
      if (disqualified.contains(d)) {
        continue;
      }
      RevealBroadcast r = byDealer.get(d);
      for (int j : e.getValue()) {
        Scalar s = r == null ? null : r.revealed().get(j);
        if (s == null || !s.order().equals(group.order()) || !commitments.get(d).verify(j, s)) {
          disqualify(d, "round 3: no valid answer to the complaint of party " + j);
          break;
        }
        if (j == self) {
          sharesForMe.put(d, s);
        }
      }
    }
    Set<Integer> qualified = new TreeSet<>(dealers.keySet());
    qualified.removeAll(disqualified);
    stage = Stage.DONE;
    if (qualified.size() < params.threshold()) {
      throw new DkgFailedException(qualified.size() + " dealers qualified, " + params.threshold() + " needed");
    }
    List<Element> combined = new ArrayList<>();
    Scalar myShare = group.scalar(0);
    for (int k = 0; k < params.threshold(); k++) {
      Element acc = group.identity();
      for (int d : qualified) {
        acc = acc.mul(commitments.get(d).commitments().get(k));
      }
      combined.add(acc);
    }
    for (int d : qualified) {
      Scalar s = sharesForMe.get(d);
      if (s == null) {
        throw new IllegalStateException("no share from qualified dealer " + d);
      }
      myShare = myShare.add(s);
    }
    FeldmanCommitment joint = new FeldmanCommitment(combined);
    Map<Integer, Element> verificationKeys = new TreeMap<>();
    for (int j = 1; j <= params.parties(); j++) {
      verificationKeys.put(j, joint.publicValueAt(j));
    }
    if (!group.generatorTable().exp(myShare).equals(verificationKeys.get(self))) {
      throw new IllegalStateException("own share does not match the joint commitments");
    }
    ThresholdKey key = new ThresholdKey(ElGamalPublicKey.of(joint.constantTerm()),
        params.threshold(), verificationKeys);
    List<DealerBroadcast> transcript = new ArrayList<>();
    for (int d : qualified) {
      transcript.add(dealers.get(d));
    }
    return new DkgResult(key, new KeyShare(group, self, SecretScalar.of(myShare)), qualified, misbehaviour,
        transcript, params.sessionId(), List.of());
  }

  /** Returns null if the broadcast is well formed, else what is wrong. */
  private String validate(DealerBroadcast b) {
    return problem(params, b);
  }

  /** Returns null if {@code b} is a well-formed dealing for these parameters, else what is wrong (also for {@link DkgAudit}). */
  static String problem(DkgParameters params, DealerBroadcast b) {
    Group group = params.group();
    if (b.commitments().size() != params.threshold()) {
      return "expected " + params.threshold() + " commitments, got " + b.commitments().size();
    }
    for (Element c : b.commitments()) {
      if (!c.group().equals(group)) {
        return "commitment of another group";
      }
      if (c.isIdentity()) {
        return "identity commitment";
      }
    }
    if (!b.proofOfPossession().verify(b.commitments().get(0), popContext(params, b.dealer()))) {
      return "invalid proof of possession";
    }
    return null;
  }

  private void disqualify(int party, String reason) {
    if (disqualified.add(party)) {
      misbehaviour.add(new Misbehaviour(party, reason));
    }
  }

  /** The proof-of-possession context: session id and dealer index (SPEC.md §2.10). */
  static byte[] popContext(DkgParameters params, int dealer) {
    return Contexts.of("tabella-dkg-pop-v1", params.sessionId(), Contexts.intBytes(dealer),
        Contexts.intBytes(params.parties()), Contexts.intBytes(params.threshold()));
  }

  private void require(Stage expected) {
    if (stage != expected) {
      throw new IllegalStateException("DKG step called in stage " + stage + ", expected " + expected);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "DkgParty(" + self + ", " + params + ", " + stage + ")";
  }
}
