package org.tabella.voting.board;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.voting.Ballot;
import org.tabella.voting.BallotCodec;
import org.tabella.voting.BallotVerifier;
import org.tabella.voting.Ballots;
import org.tabella.voting.ContestBallot;
import org.tabella.voting.ElectionParameters;

/**
 * The bulletin board's admission policy over its durable log (SPEC.md §4.3): a ballot is accepted
 * only if its proofs verify (batched, on all cores), its id is new and none of its ciphertexts is
 * already on the board; it is acknowledged only after its frame is fsync'd. The same ballot
 * submitted again gets its original receipt (clients may retry safely); another ballot with a used
 * id is rejected. On open, the log's header must name this election and key, and every replayed
 * ballot is decoded and re-verified: a log that fails is refused, never repaired. Every accepted
 * ballot extends the {@link BoardChain} and the running encrypted tally. In memory the board keeps
 * each ballot's canonical bytes, its id and the id's position, and 16-byte fingerprints of its
 * ciphertexts — not the decoded ballots. Thread-safe.
 */
public final class BulletinBoard implements AutoCloseable {
  private static final byte[] MAGIC = "TABELLA-BOARD-V2".getBytes(StandardCharsets.US_ASCII);

  private final ElectionParameters election;
  private final ElGamalPublicKey key;
  private final BoardLog log;
  /** Ballots decoded and re-verified together when a log is replayed. */
  private static final int REPLAY_BATCH = 4096;

  private final List<byte[]> encoded = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  private final Map<String, Integer> positions = new HashMap<>();
  private final FingerprintSet ciphertexts = new FingerprintSet();
  private final Ciphertext[][] tally;
  private byte[] head;

  private BulletinBoard(ElectionParameters election, ElGamalPublicKey key, BoardLog log) {
    this.election = election;
    this.key = key;
    this.log = log;
    this.head = BoardChain.genesis(election, key);
    this.tally = new Ciphertext[election.contests().size()][];
    for (int c = 0; c < tally.length; c++) {
      tally[c] = new Ciphertext[election.contests().get(c).options()];
      Arrays.fill(tally[c], Ciphertext.zero(key.group()));
    }
  }

  /**
   * Opens (or creates) the board's log, replaying and re-verifying every acknowledged ballot and
   * cutting a torn last frame.
   *
   * @throws BoardCorruptedException if the file is another election's or key's board, or holds a
   *     damaged record, an undecodable ballot or one that no longer verifies (the file is unchanged)
   * @throws IOException if the file is in use by another board or cannot be read
   */
  public static BulletinBoard open(Path file, ElectionParameters election, ElGamalPublicKey key) throws IOException {
    BoardLog log = BoardLog.open(file, header(election, key));
    BulletinBoard board = new BulletinBoard(election, key, log);
    try {
      board.replay(file);
    } catch (IOException | RuntimeException e) {
      log.close();
      throw e;
    }
    return board;
  }

  private void replay(Path file) throws BoardCorruptedException {
    List<BoardLog.Stored> stored = log.recovered();
    for (int from = 0; from < stored.size(); from += REPLAY_BATCH) {
      int to = Math.min(stored.size(), from + REPLAY_BATCH);
      List<Ballot> decoded = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        try {
          decoded.add(BallotCodec.decode(key.group(), stored.get(i).bytes()));
        } catch (MalformedEncodingException e) {
          throw new BoardCorruptedException(file + ": ballot " + i + " (frame at offset " + stored.get(i).frameOffset()
              + ") does not decode: " + e.getMessage());
        }
      }
      Map<Integer, List<String>> problems = BallotVerifier.problems(election, key, decoded);
      if (!problems.isEmpty()) {
        var first = problems.entrySet().iterator().next();
        int i = from + first.getKey();
        throw new BoardCorruptedException(file + ": ballot " + i + " (frame at offset "
            + stored.get(i).frameOffset() + ") does not verify: " + String.join("; ", first.getValue()));
      }
      for (int i = from; i < to; i++) {
        Ballot b = decoded.get(i - from);
        String reason = admissionProblem(b, stored.get(i).bytes(), new HashSet<>(), new FingerprintSet());
        if (reason != null) {
          throw new BoardCorruptedException(file + ": ballot " + i + " (frame at offset " + stored.get(i).frameOffset()
              + ") breaks the board's rules: " + reason);
        }
        remember(b, stored.get(i).bytes());
      }
    }
  }

  /** Number of bytes of torn tail cut when the board was opened. */
  public long truncatedBytes() {
    return log.truncatedBytes();
  }

  /**
   * Verifies and records one ballot; returns only once it is on disk.
   *
   * @throws BallotRejectedException with the reason, for an invalid, duplicate or copied ballot
   */
  public Receipt submit(Ballot b) throws BallotRejectedException, IOException {
    Submission s = submitAll(List.of(b)).get(0);
    if (s instanceof Submission.Rejected r) {
      throw new BallotRejectedException(r.reason());
    }
    return ((Submission.Accepted) s).receipt();
  }

  /**
   * Verifies many ballots in one batch and records the valid ones with one fsync per frame.
   * Returns, per ballot and in order, {@link Submission.Accepted} (on disk) or
   * {@link Submission.Rejected} with the reason. Nothing is acknowledged if the write fails.
   */
  public synchronized List<Submission> submitAll(List<Ballot> batch) throws IOException {
    Submission[] out = new Submission[batch.size()];
    BallotVerifier.problems(election, key, batch).forEach((i, problems) ->
        out[i] = new Submission.Rejected(String.join("; ", problems)));
    List<byte[]> bytes = new ArrayList<>();
    List<Integer> toWrite = new ArrayList<>();
    Set<String> batchIds = new HashSet<>();
    FingerprintSet batchCts = new FingerprintSet();
    for (int i = 0; i < batch.size(); i++) {
      if (out[i] != null) {
        continue;
      }
      Ballot b = batch.get(i);
      byte[] enc = BallotCodec.encode(b);
      Integer existing = positions.get(b.ballotId());
      if (existing != null && Arrays.equals(encoded.get(existing), enc)) {
        out[i] = new Submission.Accepted(receipt(existing));
        continue;
      }
      String reason = admissionProblem(b, enc, batchIds, batchCts);
      if (reason != null) {
        out[i] = new Submission.Rejected(reason);
      } else {
        bytes.add(enc);
        toWrite.add(i);
      }
    }
    log.append(bytes);
    for (int w = 0; w < toWrite.size(); w++) {
      int i = toWrite.get(w);
      remember(batch.get(i), bytes.get(w));
      out[i] = new Submission.Accepted(receipt(encoded.size() - 1));
    }
    return List.of(out);
  }

  /** Why {@code b} may not join the board (null: it may); adds it to the batch's sets when it may. */
  private String admissionProblem(Ballot b, byte[] enc, Set<String> batchIds, FingerprintSet batchCts) {
    if (election.unanimous() && encoded.size() + batchIds.size() >= election.voters()) {
      return "all " + election.voters() + " eligible voters have voted";
    }
    if (positions.containsKey(b.ballotId()) || !batchIds.add(b.ballotId())) {
      return "ballot id " + b.ballotId() + " is already used by another ballot";
    }
    if (enc.length > BoardLog.MAX_BALLOT) {
      return "ballot larger than " + BoardLog.MAX_BALLOT + " bytes";
    }
    List<ByteBuffer> mine = new ArrayList<>();
    for (ContestBallot c : b.contests()) {
      for (ProvenCiphertext s : c.selections()) {
        ByteBuffer k = ByteBuffer.wrap(s.ciphertext().a().encode());
        if (ciphertexts.contains(k.array()) || batchCts.contains(k.array()) || mine.contains(k)) {
          batchIds.remove(b.ballotId());
          return "ciphertext already on the board (copied ballot)";
        }
        mine.add(k);
      }
    }
    mine.forEach(k -> batchCts.add(k.array()));
    return null;
  }

  private Receipt receipt(int position) {
    return new Receipt(ids.get(position), Ballots.trackingCode(election, encoded.get(position)), position);
  }

  private void remember(Ballot b, byte[] bytes) {
    positions.put(b.ballotId(), encoded.size());
    encoded.add(bytes);
    ids.add(b.ballotId());
    for (int c = 0; c < b.contests().size(); c++) {
      List<ProvenCiphertext> selections = b.contests().get(c).selections();
      for (int k = 0; k < selections.size(); k++) {
        Ciphertext ct = selections.get(k).ciphertext();
        ciphertexts.add(ct.a().encode());
        tally[c][k] = tally[c][k].add(ct);
      }
    }
    head = BoardChain.next(head, bytes);
  }

  /** The election. */
  public ElectionParameters election() {
    return election;
  }

  /** The election key ballots are checked against. */
  public ElGamalPublicKey key() {
    return key;
  }

  /**
   * The accepted ballots, in order, decoded anew from their bytes — for small boards; a large one
   * is read with {@link #encodedBallots(int, int)} and tallied by {@link #encryptedTally()}.
   */
  public synchronized List<Ballot> ballots() {
    List<Ballot> out = new ArrayList<>(encoded.size());
    for (int i = 0; i < encoded.size(); i++) {
      out.add(ballot(i));
    }
    return out;
  }

  /**
   * The product of every accepted ballot's selections, [contest][option] (SPEC.md §4.4), kept up
   * to date as ballots are accepted.
   */
  public synchronized List<List<Ciphertext>> encryptedTally() {
    List<List<Ciphertext>> out = new ArrayList<>(tally.length);
    for (Ciphertext[] options : tally) {
      out.add(List.of(options));
    }
    return out;
  }

  /** The canonical bytes of the accepted ballots, in order. */
  public synchronized List<byte[]> encodedBallots() {
    return encoded.stream().map(byte[]::clone).toList();
  }

  /**
   * The canonical bytes of the ballots at positions {@code from} (inclusive) to {@code to}
   * (exclusive, clamped to the board's size), in order: what a service copies after each batch or
   * per page, instead of the whole board.
   */
  public synchronized List<byte[]> encodedBallots(int from, int to) {
    int end = Math.min(to, encoded.size());
    List<byte[]> out = new ArrayList<>(Math.max(0, end - from));
    for (int i = Math.max(0, from); i < end; i++) {
      out.add(encoded.get(i).clone());
    }
    return out;
  }

  /** The id of the ballot at {@code position} (without decoding it). */
  public synchronized String ballotId(int position) {
    return ids.get(position);
  }

  /** The accepted ballot at {@code position}, decoded from its bytes. */
  public synchronized Ballot ballot(int position) {
    try {
      return BallotCodec.decode(key.group(), encoded.get(position));
    } catch (MalformedEncodingException e) {
      throw new IllegalStateException("an accepted ballot no longer decodes", e);
    }
  }

  /** The head of the hash chain over every accepted ballot. */
  public synchronized byte[] head() {
    return head.clone();
  }

  /** Number of accepted ballots. */
  public synchronized int size() {
    return encoded.size();
  }

  /** The log header: "TABELLA-BOARD-V2" ‖ election hash ‖ SHA-256(public key). */
  static byte[] header(ElectionParameters e, ElGamalPublicKey key) {
    byte[] h = Arrays.copyOf(MAGIC, BoardLog.HEADER_LENGTH);
    System.arraycopy(e.hash(), 0, h, 16, 32);
    System.arraycopy(BoardChain.sha256(key.element().encode()), 0, h, 48, 32);
    return h;
  }

  @Override
  public synchronized void close() throws IOException {
    log.close();
  }
}
