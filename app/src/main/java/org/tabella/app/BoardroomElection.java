package org.tabella.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tabella.crypto.dkg.DkgResult;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.network.node.PartyNode;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.board.BulletinBoard;
import org.tabella.voting.record.CeremonyTranscript;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.EntryOutcome;
import org.tabella.voting.tally.TallyDecryption;

/**
 * One party's side of a boardroom election over the network (SPEC.md §4.6): after the key
 * ceremony, the party casts its ballot by broadcast; the parties agree on the ballot set
 * ({@link BallotAgreement}); every party puts the same ballots (its peers' and any voters') on its
 * own bulletin board in ballot-id order, multiplies them, and the parties still present
 * threshold-decrypt each tally entry — in unanimous mode after joint blinding. The outcome is an
 * {@link ElectionRecord}.
 */
public final class BoardroomElection {
  private static final System.Logger LOG = System.getLogger(BoardroomElection.class.getName());

  /** Ballot-id order as SPEC.md §4.6 fixes it: unsigned lexicographic order of the ids' UTF-8 bytes. */
  static final Comparator<Ballot> BY_ID_BYTES = (x, y) -> Arrays.compareUnsigned(
      x.ballotId().getBytes(StandardCharsets.UTF_8), y.ballotId().getBytes(StandardCharsets.UTF_8));

  private BoardroomElection() {}

  /**
   * The election's part of every instance name: the first 16 hex digits of its hash. Election ids
   * carry the key ceremony's run nonce, so no message of an earlier run is taken for this one.
   */
  /**
   * The decryption ceremony of an election whose ballots came from a board: waits for the other
   * trustees online (busy is not absent), then decrypts every tally entry with them over the roster
   * network (instances {@code tally/<tag>/…}), each share proven.
   *
   * @throws InsufficientSharesException if fewer than k trustees answered validly
   */
  public static List<DecryptedEntry> decryptTally(PartyNode node, ElectionParameters election,
      org.tabella.crypto.threshold.ThresholdKey key, org.tabella.crypto.threshold.KeyShare share, List<Ballot> ballots)
      throws InterruptedException, InsufficientSharesException {
    node.barrier("decrypt-ready/" + runTag(election));
    return TallyDecryption.run(election, key, ballots, new NetworkTrustees(node, share, runTag(election)));
  }

  static String runTag(ElectionParameters election) {
    return java.util.HexFormat.of().formatHex(election.hash(), 0, 8);
  }

  /**
   * What one party ends up with.
   *
   * @param record the election record as this party made it
   * @param refused ballot id → why this party's board refused that ballot
   */
  public record Outcome(ElectionRecord record, Map<String, String> refused) {
    /** Copies. */
    public Outcome {
      refused = java.util.Collections.unmodifiableMap(new TreeMap<>(refused));
    }

    /** The counts in entry order (count mode). */
    public List<Long> counts() {
      return record.entries().stream().filter(e -> e.outcome() instanceof EntryOutcome.Count)
          .map(e -> ((EntryOutcome.Count) e.outcome()).value()).toList();
    }

    /** Whether the vote was unanimous (unanimous mode). */
    public boolean unanimous() {
      return record.entries().get(0).outcome().equals(new EntryOutcome.Unanimity(true));
    }
  }

  /**
   * Casts this party's ballot (null: it does not vote) and collects its peers' in one agreed round
   * (SPEC.md §3.3.2, §4.6): every honest party ends it with the same ballots, whatever up to t
   * parties do; returns those that decode (the board checks them).
   */
  public static List<Ballot> castAndCollect(PartyNode node, ElectionParameters election, Ballot mine)
      throws InterruptedException {
    String instance = "ballots/" + runTag(election);
    Map<Integer, byte[]> received = node.agree(instance, 1, mine == null ? null : BallotCodec.encode(mine));
    node.finish(instance);
    List<Ballot> out = new ArrayList<>();
    for (var e : received.entrySet()) {
      try {
        out.add(BallotCodec.decode(election.group(), e.getValue()));
      } catch (MalformedEncodingException ex) {
        LOG.log(System.Logger.Level.WARNING, "party {0}: undecodable ballot from {1}", node.id(), e.getKey());
      }
    }
    return out;
  }

  /**
   * Puts the ballots on this party's board (in ballot-id order, so every party's board and hash
   * chain are the same), then tallies and decrypts with the parties present.
   *
   * @throws IOException if the board cannot be opened (another election's, corrupted, in use)
   * @throws InsufficientSharesException if fewer than k trustees answered validly
   */
  public static Outcome tallyAndDecrypt(PartyNode node, ElectionParameters election, DkgResult key,
      List<Ballot> ballots, Path boardFile) throws IOException, InterruptedException, InsufficientSharesException {
    List<Ballot> ordered = new ArrayList<>(ballots);
    ordered.sort(BY_ID_BYTES);
    List<Ballot> accepted;
    List<byte[]> encoded;
    byte[] head;
    Map<String, String> refused = new TreeMap<>();
    try (BulletinBoard board = BulletinBoard.open(boardFile, election, key.key().publicKey())) {
      List<org.tabella.voting.board.Submission> results = board.submitAll(ordered);
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i) instanceof org.tabella.voting.board.Submission.Rejected r) {
          refused.put(ordered.get(i).ballotId(), r.reason());
        }
      }
      accepted = board.ballots();
      encoded = board.encodedBallots();
      head = board.head();
    }
    // Verifying a large board takes a while, and not the same while on every machine: wait for the
    // peers that are still connected before the timed decryption rounds (busy is not absent).
    node.barrier("ready/" + runTag(election));
    List<DecryptedEntry> entries = TallyDecryption.run(election, key.key(), accepted,
        new NetworkTrustees(node, key.share(), runTag(election)));
    ElectionRecord record = new ElectionRecord(election, key.key(), new ArrayList<>(new TreeSet<>(key.qualified())),
        Optional.of(new CeremonyTranscript(key.sessionId(), key.transcript(), key.confirmations())), encoded, head, entries);
    return new Outcome(record, refused);
  }
}
