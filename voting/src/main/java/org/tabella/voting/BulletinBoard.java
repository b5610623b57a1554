package org.tabella.voting;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.elgamal.ProvenCiphertext;
import org.tabella.crypto.encoding.MalformedEncodingException;

/**
 * The bulletin board: accepts a ballot only after checking it (proofs batch-verified), refuses
 * invalid ones, duplicate ids and copied ciphertexts with a reason, and makes every accepted ballot
 * durable — appended to a log file with a CRC-32 per record and fsync'd — before acknowledging it.
 * Reopening after a crash (even kill -9 mid-write) keeps every acknowledged ballot and cuts a torn
 * tail. Every accepted ballot extends a SHA-256 hash chain whose head the election record carries.
 * SPEC.md §4.3. Thread-safe.
 */
public final class BulletinBoard implements AutoCloseable {
  private static final byte[] MAGIC = "TABELLA-BOARD-V1".getBytes(StandardCharsets.US_ASCII);

  private final ElectionParameters election;
  private final ElGamalPublicKey key;
  private final FileChannel log;
  private final List<Ballot> ballots = new ArrayList<>();
  private final List<byte[]> encoded = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final Set<ByteBuffer> ciphertexts = new HashSet<>();
  private byte[] head;
  private final int truncatedBytes;

  private BulletinBoard(ElectionParameters election, ElGamalPublicKey key, FileChannel log, int truncated) {
    this.election = election;
    this.key = key;
    this.log = log;
    this.truncatedBytes = truncated;
  }

  /**
   * Opens (or creates) the board's log, replaying every intact record and cutting a torn tail.
   *
   * @throws IOException if the file belongs to another election or cannot be read
   */
  public static synchronized BulletinBoard open(Path file, ElectionParameters election, ElGamalPublicKey key)
      throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    byte[] header = header(election);
    if (ch.size() < header.length) {
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(header), 0);
      ch.force(true);
    }
    ByteBuffer h = ByteBuffer.allocate(header.length);
    ch.read(h, 0);
    if (!Arrays.equals(h.array(), header)) {
      ch.close();
      throw new IOException(file + " is the board of another election");
    }
    long pos = header.length;
    long size = ch.size();
    List<byte[]> records = new ArrayList<>();
    while (pos + 8 <= size) {
      ByteBuffer lenCrc = ByteBuffer.allocate(8);
      ch.read(lenCrc, pos);
      lenCrc.flip();
      int len = lenCrc.getInt();
      int crc = lenCrc.getInt();
      if (len <= 0 || len > 16 << 20 || pos + 8 + len > size) {
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(len);
      ch.read(body, pos + 8);
      if (crc(body.array()) != crc) {
        break;
      }
      records.add(body.array());
      pos += 8 + len;
    }
    int truncated = (int) (size - pos);
    if (truncated > 0) {
      ch.truncate(pos);
      ch.force(true);
    }
    BulletinBoard board = new BulletinBoard(election, key, ch, truncated);
    board.head = genesis(election);
    for (byte[] r : records) {
      try {
        board.remember(BallotCodec.decode(key.group(), r), r);
      } catch (MalformedEncodingException e) {
        ch.close();
        throw new IOException("corrupt ballot in " + file + " despite a valid checksum", e);
      }
    }
    return board;
  }

  /** Number of bytes of torn tail cut when the board was opened. */
  public int truncatedBytes() {
    return truncatedBytes;
  }

  /**
   * Verifies and records one ballot; returns only once it is on disk.
   *
   * @throws BallotRejectedException with the reason, for an invalid, duplicate or copied ballot
   */
  public Receipt submit(Ballot b) throws BallotRejectedException, IOException {
    List<Object> r = submitAll(List.of(b));
    if (r.get(0) instanceof BallotRejectedException e) {
      throw e;
    }
    return (Receipt) r.get(0);
  }

  /**
   * Verifies many ballots in one batch and records the valid ones with one fsync. Returns, per
   * ballot, a {@link Receipt} or the {@link BallotRejectedException} saying why it was refused.
   */
  public synchronized List<Object> submitAll(List<Ballot> batch) throws IOException {
    List<Object> out = new ArrayList<>(Collections.nCopies(batch.size(), null));
    BallotBatchVerifier.problems(election, key, batch).forEach((i, problems) ->
        out.set(i, new BallotRejectedException(String.join("; ", problems))));
    ByteBuffer pending;
    List<byte[]> toWrite = new ArrayList<>();
    Set<String> batchIds = new HashSet<>();
    Set<ByteBuffer> batchCts = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      if (out.get(i) != null) {
        continue;
      }
      Ballot b = batch.get(i);
      if (ids.contains(b.ballotId()) || !batchIds.add(b.ballotId())) {
        out.set(i, new BallotRejectedException("duplicate ballot id " + b.ballotId()));
      } else if (copiesCiphertext(b, batchCts)) {
        out.set(i, new BallotRejectedException("ciphertext already on the board (copied ballot)"));
      } else {
        toWrite.add(BallotCodec.encode(b));
        out.set(i, Boolean.TRUE);
      }
    }
    int total = 0;
    for (byte[] r : toWrite) {
      total += 8 + r.length;
    }
    pending = ByteBuffer.allocate(total);
    for (byte[] r : toWrite) {
      pending.putInt(r.length).putInt(crc(r)).put(r);
    }
    pending.flip();
    long at = log.size();
    while (pending.hasRemaining()) {
      at += log.write(pending, at);
    }
    log.force(false);
    int w = 0;
    for (int i = 0; i < batch.size(); i++) {
      if (out.get(i) == Boolean.TRUE) {
        byte[] r = toWrite.get(w++);
        remember(batch.get(i), r);
        out.set(i, new Receipt(batch.get(i).ballotId(), Ballots.trackingCode(election, batch.get(i)), ballots.size() - 1));
      }
    }
    return out;
  }

  private boolean copiesCiphertext(Ballot b, Set<ByteBuffer> batchCts) {
    List<ByteBuffer> mine = new ArrayList<>();
    for (ContestBallot c : b.contests()) {
      for (ProvenCiphertext s : c.selections()) {
        ByteBuffer k = ByteBuffer.wrap(s.ciphertext().a().encode());
        if (ciphertexts.contains(k) || batchCts.contains(k) || mine.contains(k)) {
          return true;
        }
        mine.add(k);
      }
    }
    batchCts.addAll(mine);
    return false;
  }

  private void remember(Ballot b, byte[] bytes) {
    ballots.add(b);
    encoded.add(bytes);
    ids.add(b.ballotId());
    for (ContestBallot c : b.contests()) {
      for (ProvenCiphertext s : c.selections()) {
        ciphertexts.add(ByteBuffer.wrap(s.ciphertext().a().encode()));
      }
    }
    head = chain(head, bytes);
  }

  /** The accepted ballots, in order. */
  public synchronized List<Ballot> ballots() {
    return List.copyOf(ballots);
  }

  /** The canonical bytes of the accepted ballots, in order. */
  public synchronized List<byte[]> encodedBallots() {
    return List.copyOf(encoded);
  }

  /** The head of the hash chain over every accepted ballot. */
  public synchronized byte[] head() {
    return head.clone();
  }

  /** Number of accepted ballots. */
  public synchronized int size() {
    return ballots.size();
  }

  /** The chain's start: SHA-256("tabella-board-v1" ‖ election hash). */
  public static byte[] genesis(ElectionParameters e) {
    return chain(MAGIC, e.hash());
  }

  /** One chain step: SHA-256(previous ‖ ballot bytes). */
  public static byte[] chain(byte[] previous, byte[] ballot) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous);
      sha.update(ballot);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] header(ElectionParameters e) {
    byte[] h = Arrays.copyOf(MAGIC, MAGIC.length + 32);
    System.arraycopy(e.hash(), 0, h, MAGIC.length, 32);
    return h;
  }

  private static int crc(byte[] b) {
    CRC32 c = new CRC32();
    c.update(b);
    return (int) c.getValue();
  }

  @Override
  public synchronized void close() throws IOException {
    log.close();
  }
}
