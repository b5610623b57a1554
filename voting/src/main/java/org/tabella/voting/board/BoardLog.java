package org.tabella.voting.board;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.tabella.crypto.encoding.ByteReader;
import org.tabella.crypto.encoding.ByteWriter;
import org.tabella.crypto.encoding.MalformedEncodingException;

/**
 * The board's append-only file (SPEC.md §4.3): a fixed header, then frames. A frame is
 * {@code I2OSP(len, 4) ‖ CRC32C(I2OSP(len, 4)) ‖ CRC32C(body) ‖ body}, and its body is
 * {@code I2OSP(count, 4) ‖ LP(ballot)…}: one frame per group commit, written with one write and
 * fsync'd before any of its ballots is acknowledged, the next frame only after that.
 *
 * <p>So only the last frame can be damaged by a crash. On open: an incomplete last frame (fewer
 * bytes left than its checked length says), a last frame whose body checksum fails, or a tail of
 * zero bytes is a torn write — never acknowledged — and is cut. Anything else that is wrong (a bad
 * header checksum or body checksum with data after it, a body that does not decode) is corruption:
 * the file is left untouched and {@link BoardCorruptedException} names the offset. The file is
 * locked for as long as the log is open, so a second process cannot interleave appends.
 */
final class BoardLog implements AutoCloseable {
  static final int HEADER_LENGTH = 80;
  static final int FRAME_HEADER = 12;
  /** Largest frame body; larger batches are written as several frames, each fsync'd. */
  static final int MAX_FRAME = 16 << 20;
  static final int MAX_BALLOT = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final List<Stored> recovered;
  private final long truncatedBytes;

  /** A ballot as stored: its bytes and the offset of the frame that holds it. */
  record Stored(long frameOffset, byte[] bytes) {}

  private BoardLog(Path file, FileChannel channel, FileLock lock, List<Stored> recovered, long truncated) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.recovered = recovered;
    this.truncatedBytes = truncated;
  }

  /**
   * Opens or creates the log with this 80-byte header, replaying every intact frame.
   *
   * @throws BoardCorruptedException for another header or damaged records (nothing is changed)
   * @throws IOException if the file is locked by another board or cannot be read
   */
  static BoardLog open(Path file, byte[] header) throws IOException {
    if (header.length != HEADER_LENGTH) {
      throw new IllegalArgumentException("header is " + HEADER_LENGTH + " bytes");
    }
    boolean created = !Files.exists(file);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new IOException("board file " + file + " is already open in another board or process");
    }
    try {
      long size = ch.size();
      if (size < HEADER_LENGTH) {
        // Creation writes the header with one write and one fsync before any ballot exists, so a
        // short file is a creation that crashed: rewrite it only if what is there is our header's start.
        byte[] present = read(ch, 0, (int) size);
        if (!Arrays.equals(present, Arrays.copyOf(header, (int) size))) {
          throw new BoardCorruptedException(file + ": not a Tabella board of this election (bad header)");
        }
        ch.truncate(0);
        write(ch, ByteBuffer.wrap(header), 0);
        ch.force(true);
        if (created || size == 0) {
          syncDirectory(file);
        }
        size = HEADER_LENGTH;
      }
      checkHeader(file, read(ch, 0, HEADER_LENGTH), header);
      List<Stored> stored = new ArrayList<>();
      long end = replay(file, ch, size, stored);
      long truncated = size - end;
      if (truncated > 0) {
        ch.truncate(end);
        ch.force(true);
      }
      return new BoardLog(file, ch, lock, stored, truncated);
    } catch (IOException | RuntimeException e) {
      lock.release();
      ch.close();
      throw e;
    }
  }

  private static void checkHeader(Path file, byte[] got, byte[] want) throws BoardCorruptedException {
    if (!Arrays.equals(Arrays.copyOf(got, 16), Arrays.copyOf(want, 16))) {
      throw new BoardCorruptedException(file + " is not a version-2 Tabella board");
    }
    if (!Arrays.equals(Arrays.copyOfRange(got, 16, 48), Arrays.copyOfRange(want, 16, 48))) {
      throw new BoardCorruptedException(file + " is the board of another election (election hash differs)");
    }
    if (!Arrays.equals(Arrays.copyOfRange(got, 48, 80), Arrays.copyOfRange(want, 48, 80))) {
      throw new BoardCorruptedException(file + " is the board of another election key (public key differs)");
    }
  }

  /** Reads frames from the header on; returns where the intact frames end. */
  private static long replay(Path file, FileChannel ch, long size, List<Stored> out) throws IOException {
    long pos = HEADER_LENGTH;
    while (pos < size) {
      long left = size - pos;
      if (left < FRAME_HEADER) {
        return pos; // fewer bytes than a frame header: only the start of a torn last frame
      }
      ByteBuffer h = ByteBuffer.wrap(read(ch, pos, FRAME_HEADER));
      int len = h.getInt();
      int lenCrc = h.getInt();
      int bodyCrc = h.getInt();
      if (crc(ByteWriter.int32(len)) != lenCrc || len < 4 || len > MAX_FRAME) {
        if (allZero(ch, pos, size)) {
          return pos;
        }
        throw new BoardCorruptedException(file + ": damaged frame header at offset " + pos
            + " with data after it; refusing to open (nothing was changed)");
      }
      if (pos + FRAME_HEADER + len > size) {
        return pos; // the last frame is incomplete: a torn write, never acknowledged
      }
      byte[] body = read(ch, pos + FRAME_HEADER, len);
      if (crc(body) != bodyCrc) {
        if (pos + FRAME_HEADER + len == size) {
          return pos; // the last frame's body never fully reached the disk
        }
        throw new BoardCorruptedException(file + ": checksum failure in the frame at offset " + pos
            + " with intact data after it; refusing to open (nothing was changed)");
      }
      try {
        for (byte[] ballot : decodeBody(body)) {
          out.add(new Stored(pos, ballot));
        }
      } catch (MalformedEncodingException e) {
        throw new BoardCorruptedException(file + ": malformed frame at offset " + pos + " despite a valid checksum: "
            + e.getMessage());
      }
      pos += FRAME_HEADER + len;
    }
    return pos;
  }

  private static boolean allZero(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1 << 16);
    long p = from;
    while (p < size) {
      b.clear();
      int n = ch.read(b, p);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (b.get(i) != 0) {
          return false;
        }
      }
      p += n;
    }
    return true;
  }

  /** A frame body: {@code I2OSP(count, 4) ‖ LP(ballot)…}. */
  static byte[] encodeBody(List<byte[]> ballots) {
    ByteWriter body = new ByteWriter().writeInt(ballots.size());
    ballots.forEach(body::writeBytes);
    return body.toByteArray();
  }

  /**
   * Decodes a frame body: 1 or more ballots of at most {@link #MAX_BALLOT} bytes, nothing after.
   *
   * @throws MalformedEncodingException for anything else
   */
  static List<byte[]> decodeBody(byte[] body) throws MalformedEncodingException {
    ByteReader r = new ByteReader(body);
    int count = r.readInt(1, MAX_FRAME, "ballot count");
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(r.readBytes(MAX_BALLOT));
    }
    r.end();
    return out;
  }

  /** The ballots found on open, in order. */
  List<Stored> recovered() {
    return recovered;
  }

  /** Bytes of torn tail cut on open. */
  long truncatedBytes() {
    return truncatedBytes;
  }

  /** Appends ballots as frames of at most {@link #MAX_FRAME} bytes, each written and fsync'd in turn. */
  void append(List<byte[]> ballots) throws IOException {
    int i = 0;
    while (i < ballots.size()) {
      int start = i;
      long bytes = 4;
      while (i < ballots.size() && (i == start || bytes + 4 + ballots.get(i).length <= MAX_FRAME)) {
        bytes += 4 + ballots.get(i).length;
        i++;
      }
      byte[] b = encodeBody(ballots.subList(start, i));
      ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + b.length);
      frame.putInt(b.length).putInt(crc(ByteWriter.int32(b.length))).putInt(crc(b)).put(b).flip();
      write(channel, frame, channel.size());
      channel.force(false);
    }
  }

  private static void write(FileChannel ch, ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      at += ch.write(b, at);
    }
  }

  private static byte[] read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        throw new IOException("unexpected end of " + n + "-byte read");
      }
    }
    return b.array();
  }

  /** Makes a new directory entry durable (a file's fsync does not cover its name on every filesystem). */
  private static void syncDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the file's own fsync is all they offer.
    }
  }

  static int crc(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return (int) c.getValue();
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  @Override
  public String toString() {
    return "BoardLog(" + file + ")";
  }
}
