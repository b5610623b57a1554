package org.tabella.voting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.DiscreteLogException;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.groups.Group;
import org.tabella.network.node.PartyNode;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.voting.record.DecryptedEntry;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordVerifier;

/**
 * One party's side of a boardroom election over the network (SPEC.md §4.6): after the key
 * ceremony, the party casts its ballot by broadcast; every party puts the same ballots (its peers'
 * and any voters' ballots) on its own bulletin board in ballot-id order, multiplies them, and the
 * parties still present threshold-decrypt each tally entry — in unanimous mode after joint
 * blinding. The outcome is an {@link ElectionRecord}.
 */
public final class PartyElection {
  private PartyElection() {}

  /** What one party ends up with. */
  public record Outcome(ElectionRecord record, List<Long> counts, boolean unanimous) {}

  /**
   * Casts this party's ballot (null: it does not vote) and collects its peers'.
   *
   * @return the peers' ballots that decoded (the board checks them)
   */
  public static List<Ballot> castAndCollect(PartyNode node, ElectionParameters election, Ballot mine)
      throws InterruptedException {
    if (mine != null) {
      node.broadcast("ballots", 1, BallotCodec.encode(mine));
    }
    java.util.Map<Integer, byte[]> received = new java.util.TreeMap<>(node.collectBroadcasts("ballots", 1));
    if (mine != null) {
      received.put(node.id(), BallotCodec.encode(mine));
    }
    // Round 2: everyone says which ballots it holds (sender, SHA-256 of the bytes); a ballot is kept
    // only if every party that answered holds exactly it, so all boards get the same ballots even
    // when a party crashed in the middle of its broadcast.
    ByteWriter w = new ByteWriter().writeInt(received.size());
    received.forEach((sender, bytes) -> w.writeInt(sender).writeBytes(sha256(bytes)));
    node.broadcast("ballots", 2, w.toByteArray());
    List<java.util.Map<Integer, byte[]>> views = new ArrayList<>();
    views.add(digests(received));
    for (byte[] view : node.collectBroadcasts("ballots", 2).values()) {
      java.util.Map<Integer, byte[]> parsed = parseView(view);
      if (parsed != null) {
        views.add(parsed);
      }
    }
    node.finish("ballots");
    List<Ballot> out = new ArrayList<>();
    Group g = election.groupObject();
    Set<Integer> agreed = agreedSenders(views);
    for (var e : received.entrySet()) {
      if (!agreed.contains(e.getKey())) {
        continue;
      }
      try {
        out.add(BallotCodec.decode(g, e.getValue()));
      } catch (MalformedEncodingException ex) {
        System.getLogger(PartyElection.class.getName()).log(System.Logger.Level.WARNING,
            "party {0}: undecodable ballot from {1}", node.id(), e.getKey());
      }
    }
    return out;
  }

  /**
   * The senders whose ballot every view holds with the same digest (the first view is this party's
   * own). Every honest party computes the same set from the same round-2 broadcasts.
   */
  static Set<Integer> agreedSenders(List<java.util.Map<Integer, byte[]>> views) {
    Set<Integer> agreed = new TreeSet<>(views.get(0).keySet());
    for (java.util.Map<Integer, byte[]> v : views) {
      agreed.removeIf(sender -> !v.containsKey(sender)
          || !java.security.MessageDigest.isEqual(v.get(sender), views.get(0).get(sender)));
    }
    return agreed;
  }

  private static java.util.Map<Integer, byte[]> digests(java.util.Map<Integer, byte[]> ballots) {
    java.util.Map<Integer, byte[]> d = new java.util.TreeMap<>();
    ballots.forEach((k, v) -> d.put(k, sha256(v)));
    return d;
  }

  private static java.util.Map<Integer, byte[]> parseView(byte[] bytes) {
    try {
      ByteReader r = new ByteReader(bytes);
      int n = r.readCount(1 << 16);
      java.util.Map<Integer, byte[]> m = new java.util.TreeMap<>();
      for (int i = 0; i < n; i++) {
        m.put(r.readInt(), r.readBytes(32));
      }
      r.end();
      return m;
    } catch (MalformedEncodingException e) {
      return null;
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Puts the ballots on this party's board (in ballot-id order, so every party's board and hash
   * chain are the same), then tallies and decrypts with the parties present.
   */
  public static Outcome tallyAndDecrypt(PartyNode node, ElectionParameters election, DkgResult key,
      List<Ballot> ballots, Path boardFile) throws IOException, InterruptedException, InsufficientSharesException {
    List<Ballot> ordered = new ArrayList<>(ballots);
    ordered.sort(Comparator.comparing(Ballot::ballotId));
    List<Ballot> accepted;
    List<byte[]> encoded;
    byte[] head;
    try (BulletinBoard board = BulletinBoard.open(boardFile, election, key.key().publicKey())) {
      board.submitAll(ordered);
      accepted = board.ballots();
      encoded = board.encodedBallots();
      head = board.head();
    }
    Group g = election.groupObject();
    List<List<Ciphertext>> tally = EncryptedTally.of(election, accepted);
    byte[] context = RecordVerifier.decryptionContext(election);
    List<DecryptedEntry> entries = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    boolean unanimous = false;
    for (int c = 0; c < election.contests().size(); c++) {
      Contest contest = election.contests().get(c);
      for (int k = 0; k < contest.options(); k++) {
        String instance = "tally/" + contest.id() + "/" + k;
        Ciphertext start = tally.get(c).get(k);
        List<BlindingStep> steps = List.of();
        if (election.unanimous()) {
          start = RecordVerifier.unanimityCiphertext(g, start, accepted.size());
          steps = blind(node, instance + "/blind", start, context);
        }
        Ciphertext target = steps.isEmpty() ? start : steps.get(steps.size() - 1).output();
        List<DecryptionShare> shares = node.collectDecryptionShares(key.share(), target, instance, context);
        DecryptionResult result = ThresholdDecryption.combine(key.key(), target, shares, context);
        List<DecryptionShare> used = new ArrayList<>();
        for (DecryptionShare s : shares) {
          if (result.usedTrustees().contains(s.trustee()) && used.stream().noneMatch(u -> u.trustee() == s.trustee())) {
            used.add(s);
          }
        }
        long count = -1;
        if (election.unanimous()) {
          unanimous = result.plaintextElement().isIdentity();
        } else {
          try {
            count = DiscreteLog.forBound(g, accepted.size()).solve(result.plaintextElement());
          } catch (DiscreteLogException ex) {
            throw new IllegalStateException("the tally decrypted outside 0.." + accepted.size(), ex);
          }
          counts.add(count);
        }
        entries.add(new DecryptedEntry(contest.id(), k, start, steps, used, count, unanimous));
      }
    }
    List<Integer> qualified = new ArrayList<>(new java.util.TreeSet<>(key.qualified()));
    ElectionRecord record = new ElectionRecord(election, key.key(), qualified, encoded, head, entries,
        new ElectionRecord.Ceremony(key.sessionId(), key.transcript()));
    return new Outcome(record, counts, unanimous);
  }

  /**
   * Joint blinding over the network: the parties present blind in id order; each waits for its
   * predecessor's step, checks it, adds its own and broadcasts it; everyone returns the checked
   * chain.
   */
  static List<BlindingStep> blind(PartyNode node, String instance, Ciphertext start, byte[] context)
      throws InterruptedException {
    Set<Integer> present = new TreeSet<>(node.connectedPeers());
    present.add(node.id());
    List<Integer> order = new ArrayList<>(present);
    Group g = start.group();
    List<BlindingStep> steps = new ArrayList<>();
    Ciphertext current = start;
    for (int pos = 0; pos < order.size(); pos++) {
      int trustee = order.get(pos);
      BlindingStep step;
      if (trustee == node.id()) {
        step = JointBlinding.blind(trustee, current, context);
        node.broadcast(instance, pos + 1, encodeStep(step));
      } else {
        Map<Integer, byte[]> got = node.collectBroadcastsFrom(instance, pos + 1, Set.of(trustee));
        byte[] bytes = got.get(trustee);
        step = bytes == null ? null : decodeStep(g, trustee, current, bytes);
        if (step == null) {
          continue; // an absent or failed trustee is skipped; the chain stays valid without it
        }
      }
      List<BlindingStep> extended = new ArrayList<>(steps);
      extended.add(step);
      if (JointBlinding.verifyChain(start, extended, context)) {
        steps = extended;
        current = step.output();
      }
    }
    node.finish(instance);
    return steps;
  }

  static byte[] encodeStep(BlindingStep s) {
    return new ByteWriter().writeInt(s.trustee()).writeBytes(ProtocolCodec.encode(s.output()))
        .writeBytes(s.proof().commitment1().encode()).writeBytes(s.proof().commitment2().encode())
        .writeBytes(s.proof().response().encode()).toByteArray();
  }

  static BlindingStep decodeStep(Group g, int trustee, Ciphertext input, byte[] bytes) {
    try {
      ByteReader r = new ByteReader(bytes);
      int t = r.readInt();
      Ciphertext out = ProtocolCodec.decodeCiphertext(g, r.readBytes(4 + 2 * g.elementLength()));
      DleqProof p = new DleqProof(g.decode(r.readBytes(g.elementLength())), g.decode(r.readBytes(g.elementLength())),
          g.decodeScalar(r.readBytes(g.scalarLength())));
      r.end();
      return t == trustee ? new BlindingStep(t, input, out, p) : null;
    } catch (MalformedEncodingException | org.tabella.groups.InvalidEncodingException | IllegalArgumentException e) {
      return null;
    }
  }
}
