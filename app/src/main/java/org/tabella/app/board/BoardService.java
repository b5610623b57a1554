package org.tabella.app.board;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.voting.Ballot;
import org.tabella.voting.Ballots;
import org.tabella.voting.board.BulletinBoard;
import org.tabella.voting.board.Receipt;
import org.tabella.voting.board.Submission;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.record.RecordBallots;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordVerifier;
import org.tabella.voting.record.VerificationReport;
import org.tabella.voting.tally.DecryptedEntry;
import org.tabella.voting.tally.EncryptedTally;
import java.util.Optional;

/**
 * The bulletin board behind the HTTPS API (SPEC.md §4.8), without any HTTP: one election's
 * definition, its board file, whether voting is closed, and an admission queue. Ballots from many
 * clients are verified and written in batches by one admission thread — all cores verify a batch,
 * one fsync commits it — and each caller's future completes only once its ballot is on disk (or
 * refused). Closing is durable too ({@code closed.json}, written atomically); a restart resumes
 * from the board file and that marker.
 */
public final class BoardService implements AutoCloseable {
  /** The most ballots one admission batch takes. */
  static final int BATCH = 256;

  /** What happened to one submission. */
  public sealed interface Outcome {
    /** On the board and on disk. */
    record Accepted(Receipt receipt, byte[] head) implements Outcome {}

    /** Refused, nothing stored. */
    record Refused(String reason) implements Outcome {}

    /** Another ballot already uses this ballot id. */
    record Conflict(String reason) implements Outcome {}

    /** Voting is closed. */
    record Closed() implements Outcome {}
  }

  /**
   * One ballot on the board, as listed.
   *
   * @param headAfter the chain head right after this ballot (SPEC.md §4.3)
   * @param acceptedAt when the board acknowledged it (epoch milliseconds), or -1 if unknown (a
   *     board killed between a batch's fsync and the note of its time)
   */
  public record Entry(int position, String ballotId, String trackingCode, byte[] ballot, byte[] headAfter, long acceptedAt) {}

  private record Pending(Ballot ballot, CompletableFuture<Outcome> result) {}

  private final RecordIo.Definition definition;
  private final Path data;
  private final BulletinBoard board;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(16_384);
  private final Thread admission;
  private final Map<String, Integer> byTrackingCode = new HashMap<>();
  private final List<String> trackingCodes = new ArrayList<>();
  /** The chain head after each position. */
  private final List<byte[]> heads = new ArrayList<>();
  /** The chain's start: the head of an empty board. */
  private final byte[] genesis;
  /** When each position was acknowledged (epoch ms; -1 unknown), kept in {@code times.log}. */
  private final List<Long> times = new ArrayList<>();
  private volatile boolean closed;
  private volatile boolean stopping;

  private BoardService(RecordIo.Definition definition, Path data, BulletinBoard board, boolean closed) {
    this.definition = definition;
    this.data = data;
    this.board = board;
    this.closed = closed;
    this.genesis = org.tabella.voting.board.BoardChain.genesis(definition.election(), definition.key().key().publicKey());
    index();
    loadTimes(board.size());
    this.admission = new Thread(this::admit, "board-admission");
    this.admission.setDaemon(true);
    this.admission.start();
  }

  /**
   * Opens (or resumes) the board of {@code definition} in {@code data}: {@code board.log} (only a
   * board of this very election and key opens) and {@code closed.json} if voting was closed.
   */
  public static BoardService open(RecordIo.Definition definition, Path data) throws IOException {
    Files.createDirectories(data);
    BulletinBoard board = BulletinBoard.open(data.resolve("board.log"), definition.election(),
        definition.key().key().publicKey());
    return new BoardService(definition, data, board, Files.exists(data.resolve("closed.json")));
  }

  /** The election definition served. */
  public RecordIo.Definition definition() {
    return definition;
  }

  /** Whether voting is closed. */
  public boolean isClosed() {
    return closed;
  }

  /** Ballots on the board. */
  public int size() {
    return board.size();
  }

  /** The chain head. */
  public byte[] head() {
    return board.head();
  }

  /**
   * Queues a ballot for admission; the future completes once it is on disk, refused, or voting is
   * closed. A ballot identical to one on the board gets the same receipt again.
   */
  public CompletableFuture<Outcome> submit(Ballot b) {
    CompletableFuture<Outcome> f = new CompletableFuture<>();
    if (closed) {
      f.complete(new Outcome.Closed());
    } else if (!queue.offer(new Pending(b, f))) {
      f.complete(new Outcome.Refused("the board is busy; retry"));
    }
    return f;
  }

  private void admit() {
    List<Pending> batch = new ArrayList<>();
    while (!stopping) {
      try {
        batch.clear();
        Pending first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        admitBatch(batch);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void admitBatch(List<Pending> batch) {
    if (closed) {
      batch.forEach(p -> p.result().complete(new Outcome.Closed()));
      return;
    }
    List<Ballot> ballots = new ArrayList<>();
    batch.forEach(p -> ballots.add(p.ballot()));
    List<Submission> results;
    try {
      results = board.submitAll(ballots);
    } catch (IOException | RuntimeException e) {
      batch.forEach(p -> p.result().complete(new Outcome.Refused("the board could not store the ballot; retry")));
      return;
    }
    byte[] head = board.head();
    long now = System.currentTimeMillis();
    int firstNew = trackingCodes.size();
    index();
    for (int i = firstNew; i < trackingCodes.size(); i++) {
      times.add(now);
    }
    noteTimes(firstNew, trackingCodes.size(), now);
    for (int i = 0; i < batch.size(); i++) {
      Submission s = results.get(i);
      Outcome o;
      if (s instanceof Submission.Accepted a) {
        o = new Outcome.Accepted(a.receipt(), head);
      } else {
        String reason = ((Submission.Rejected) s).reason();
        o = reason.contains("is already used by another ballot") ? new Outcome.Conflict(reason) : new Outcome.Refused(reason);
      }
      batch.get(i).result().complete(o);
    }
  }

  /** Indexes the positions not indexed yet: their tracking codes and the chain head after each. */
  private void index() {
    int first = trackingCodes.size();
    List<byte[]> fresh = board.encodedBallots(first, Integer.MAX_VALUE); // only the new ones
    for (int k = 0; k < fresh.size(); k++) {
      String code = Ballots.trackingCode(definition.election(), fresh.get(k));
      trackingCodes.add(code);
      byTrackingCode.put(code, first + k);
      heads.add(org.tabella.voting.board.BoardChain.next(heads.isEmpty() ? genesis : heads.get(heads.size() - 1), fresh.get(k)));
    }
  }

  /**
   * Reads {@code times.log}: one line per acknowledged batch, {@code <first position> <count> <epoch ms>}.
   * Positions it does not cover (a torn last line, or a crash before the line was written) are unknown.
   */
  private void loadTimes(int size) {
    for (int i = 0; i < size; i++) {
      times.add(-1L);
    }
    Path file = data.resolve("times.log");
    if (!Files.exists(file)) {
      return;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] p = line.trim().split(" ");
        if (p.length != 3) {
          continue;
        }
        int first = Integer.parseInt(p[0]);
        int count = Integer.parseInt(p[1]);
        long at = Long.parseLong(p[2]);
        for (int i = first; i < first + count && i < size && i >= 0; i++) {
          times.set(i, at);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Times are informative only: an unreadable line leaves its ballots' times unknown.
    }
  }

  /** Notes when a batch was acknowledged (after its ballots' fsync; informative, not fsynced itself). */
  private void noteTimes(int first, int end, long at) {
    if (end <= first) {
      return;
    }
    try {
      Files.writeString(data.resolve("times.log"), first + " " + (end - first) + " " + at + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      // Informative only: the ballots themselves are on disk.
    }
  }

  /** Up to {@code limit} ballots from position {@code from}. */
  public synchronized List<Entry> ballots(int from, int limit) {
    int start = Math.max(0, from);
    List<byte[]> page = board.encodedBallots(start, (int) Math.min(Integer.MAX_VALUE, (long) start + Math.max(0, limit)));
    List<Entry> out = new ArrayList<>();
    for (int k = 0; k < page.size(); k++) {
      int i = start + k;
      out.add(new Entry(i, board.ballotId(i), trackingCodes.get(i), page.get(k), heads.get(i), times.get(i)));
    }
    return out;
  }

  /** The ballot with this tracking code, or null. */
  public synchronized Entry find(String trackingCode) {
    Integer i = byTrackingCode.get(trackingCode);
    return i == null ? null : ballots(i, 1).get(0);
  }

  /**
   * Closes voting, durably: later submissions are refused.
   *
   * @return false if voting was already closed
   */
  public synchronized boolean closeVoting() throws IOException {
    if (closed) {
      return false;
    }
    String marker = "{\"ballots\": " + board.size() + ", \"head\": \"" + HexFormat.of().formatHex(board.head()) + "\"}\n";
    Path tmp = data.resolve("closed.json.tmp");
    Files.writeString(tmp, marker, StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, data.resolve("closed.json"), StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel dir = FileChannel.open(data, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the rename is still atomic.
    }
    closed = true;
    return true;
  }

  /**
   * The encrypted tally, one ciphertext per (contest, option), once voting is closed.
   *
   * @throws IllegalStateException while voting is open
   */
  public synchronized List<List<Ciphertext>> tally() {
    if (!closed) {
      throw new IllegalStateException("voting is still open");
    }
    return board.encryptedTally();
  }

  /**
   * Publishes the election record: the definition, the board's ballots and head, and the trustees'
   * decrypted entries — but only if the whole record verifies (SPEC.md §4.5), so the board never
   * serves a result that does not check. The first valid record stays; a later identical one is
   * accepted again, a different one refused.
   *
   * @return the verification report (valid: published)
   * @throws IllegalStateException while voting is open
   */
  public synchronized VerificationReport publish(List<DecryptedEntry> entries) throws IOException {
    if (!closed) {
      throw new IllegalStateException("voting is still open");
    }
    var k = definition.key();
    ElectionRecord r = new ElectionRecord(definition.election(), k.key(), k.qualified(), Optional.of(k.ceremony()),
        RecordBallots.from(board.size(), board::encodedBallots), board.head(), entries);
    VerificationReport report = RecordVerifier.verify(r);
    if (!report.valid()) {
      return report;
    }
    Path dir = data.resolve("record");
    if (Files.exists(dir.resolve("tally.json"))) {
      if (!Files.readString(dir.resolve("tally.json")).equals(RecordIo.tallyText(r))) {
        throw new IllegalStateException("a different valid record is already published");
      }
      return report;
    }
    Path tmp = data.resolve("record.tmp");
    RecordIo.write(r, tmp);
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    return report;
  }

  /** The published record's directory, or null before decryption. */
  public Path record() {
    Path dir = data.resolve("record");
    return Files.exists(dir.resolve("tally.json")) ? dir : null;
  }

  /** The published record and its verification report (the page shows both), or null before decryption. */
  public record Published(ElectionRecord record, VerificationReport report) {}

  private volatile Published published;

  /** The published record, read and verified once, or null before decryption. */
  public Published published() throws IOException {
    Published p = published;
    if (p == null && record() != null) {
      synchronized (this) {
        if (published == null) {
          try {
            ElectionRecord r = RecordIo.read(record());
            published = new Published(r, RecordVerifier.verify(r));
          } catch (org.tabella.voting.record.InvalidRecordException e) {
            throw new IOException("the published record does not read: " + e.getMessage(), e);
          }
        }
        p = published;
      }
    }
    return p;
  }

  /** Stops admission (queued ballots are refused, so their clients retry) and closes the board file. */
  @Override
  public void close() throws IOException {
    stopping = true;
    admission.interrupt();
    try {
      admission.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.result().complete(new Outcome.Refused("the board is shutting down; retry")));
    synchronized (this) {
      board.close();
    }
  }
}
