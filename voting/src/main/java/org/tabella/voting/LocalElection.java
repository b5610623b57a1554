package org.tabella.voting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.DiscreteLog;
import org.tabella.crypto.elgamal.DiscreteLogException;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionResult;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdDecryption;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.groups.Group;
import org.tabella.voting.record.DecryptedEntry;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordVerifier;

/**
 * An election run in one process: a bulletin board file, ballots cast through it, and a tally
 * decrypted by the trustees whose key shares are given — the library path for programs that hold
 * the trustees' shares themselves (tests, small deployments) or that carry the trustees' shares
 * over their own transport.
 */
public final class LocalElection implements AutoCloseable {
  private final ElectionParameters election;
  private final ThresholdKey key;
  private final BulletinBoard board;

  /**
   * Opens (or reopens) the election's board. The key's origin (a trusted dealer, or a ceremony the
   * caller ran) is not part of this election's record: it carries no ceremony transcript.
   */
  public LocalElection(ElectionParameters election, ThresholdKey key, Path boardFile) throws IOException {
    this.election = election;
    this.key = key;
    this.board = BulletinBoard.open(boardFile, election, key.publicKey());
  }

  /** The board. */
  public BulletinBoard board() {
    return board;
  }

  /**
   * Casts a ballot through the board.
   *
   * @throws BallotRejectedException with the reason, if the board refuses it
   */
  public Receipt cast(Ballot b) throws BallotRejectedException, IOException {
    return board.submit(b);
  }

  /**
   * Tallies the board and decrypts every entry with the given trustees' shares (at least the
   * quorum; in unanimous mode each of them also blinds), and returns the election record.
   *
   * @throws InsufficientSharesException with fewer than k valid shares
   */
  public ElectionRecord tally(List<KeyShare> trustees) throws InsufficientSharesException {
    Group g = election.groupObject();
    List<Ballot> ballots = board.ballots();
    List<List<Ciphertext>> tally = EncryptedTally.of(election, ballots);
    byte[] context = RecordVerifier.decryptionContext(election);
    List<DecryptedEntry> entries = new ArrayList<>();
    for (int c = 0; c < election.contests().size(); c++) {
      Contest contest = election.contests().get(c);
      for (int k = 0; k < contest.options(); k++) {
        Ciphertext start = tally.get(c).get(k);
        List<BlindingStep> steps = new ArrayList<>();
        if (election.unanimous()) {
          start = RecordVerifier.unanimityCiphertext(g, start, ballots.size());
          Ciphertext current = start;
          for (KeyShare t : trustees) {
            BlindingStep s = JointBlinding.blind(t.index(), current, context);
            steps.add(s);
            current = s.output();
          }
        }
        Ciphertext target = steps.isEmpty() ? start : steps.get(steps.size() - 1).output();
        List<DecryptionShare> shares = new ArrayList<>();
        for (KeyShare t : trustees) {
          shares.add(ThresholdDecryption.share(t, target, context));
        }
        DecryptionResult r = ThresholdDecryption.combine(key, target, shares, context);
        List<DecryptionShare> used = shares.stream().filter(s -> r.usedTrustees().contains(s.trustee())).toList();
        long count = -1;
        boolean unanimous = false;
        if (election.unanimous()) {
          unanimous = r.plaintextElement().isIdentity();
        } else {
          try {
            count = DiscreteLog.forBound(g, ballots.size()).solve(r.plaintextElement());
          } catch (DiscreteLogException e) {
            throw new IllegalStateException("tally outside 0.." + ballots.size(), e);
          }
        }
        entries.add(new DecryptedEntry(contest.id(), k, start, steps, used, count, unanimous));
      }
    }
    return new ElectionRecord(election, key, List.of(), board.encodedBallots(), board.head(), entries, null);
  }

  @Override
  public void close() throws IOException {
    board.close();
  }
}
