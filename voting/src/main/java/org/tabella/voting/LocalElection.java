package org.tabella.voting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tabella.crypto.threshold.InsufficientSharesException;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdKey;
import org.tabella.voting.board.BallotRejectedException;
import org.tabella.voting.board.BulletinBoard;
import org.tabella.voting.board.Receipt;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordBallots;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.LocalTrustees;
import org.tabella.voting.tally.TallyDecryption;

/**
 * An election run in one process: a bulletin board file, ballots cast through it, and a tally
 * decrypted by the trustees whose key shares are given — the library path for programs that hold
 * the trustees' shares themselves (tests, small deployments).
 */
public final class LocalElection implements AutoCloseable {
  private final ElectionParameters election;
  private final ThresholdKey key;
  private final BulletinBoard board;

  /**
   * Opens (or reopens) the election's board. The key's origin (a trusted dealer, or a ceremony the
   * caller ran) is not part of this election's record: it carries no ceremony transcript.
   *
   * @throws IOException if the board cannot be opened (another election's, corrupted, or in use)
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
    List<DecryptedEntry> entries;
    try {
      entries = TallyDecryption.decrypt(election, key, board.encryptedTally(), board.size(),
          new LocalTrustees(trustees));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    // The record reads the board's ballots chunk by chunk when it is written or verified.
    return new ElectionRecord(election, key, List.of(), Optional.empty(),
        RecordBallots.from(board.size(), board::encodedBallots), board.head(), entries);
  }

  @Override
  public void close() throws IOException {
    board.close();
  }
}
