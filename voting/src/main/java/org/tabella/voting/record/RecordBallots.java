package org.tabella.voting.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The accepted ballots of an election record, in board order, as canonical bytes: either held in
 * memory (a record just produced) or read from a record directory one chunk of
 * {@value #CHUNK_SIZE} ballots at a time (SPEC.md §4.4), so that neither writing nor verifying a
 * record ever holds all of its ballots.
 */
public abstract sealed class RecordBallots permits RecordBallots.InMemory, RecordBallots.OnDisk {
  /** Ballots per chunk file; every chunk but the last is full. */
  public static final int CHUNK_SIZE = 10_000;

  RecordBallots() {}

  /** Ballots held in memory (copied). */
  public static RecordBallots of(List<byte[]> ballots) {
    return new InMemory(ballots.stream().map(byte[]::clone).toList());
  }

  /**
   * The first {@code size} ballots of a source read range by range — {@code range.apply(from, to)}
   * returns the bytes at positions from…to−1, as {@code BulletinBoard.encodedBallots(int, int)}
   * does — one chunk at a time, without a copy of the whole.
   */
  public static RecordBallots from(int size, java.util.function.BiFunction<Integer, Integer, List<byte[]>> range) {
    return new InMemory(new java.util.AbstractList<>() {
      @Override
      public byte[] get(int i) {
        return range.apply(i, i + 1).get(0);
      }

      @Override
      public int size() {
        return size;
      }

      @Override
      public List<byte[]> subList(int from, int to) {
        List<byte[]> part = range.apply(from, to);
        if (part.size() != to - from) {
          throw new IllegalStateException("the ballot source holds fewer than " + size + " ballots");
        }
        return part;
      }
    });
  }

  /** Number of ballots. */
  public abstract int size();

  /** Reads the ballots chunk by chunk, in board order. */
  public abstract Chunks chunks();

  /**
   * All ballots in one list — for small records and tests; a large record is read with
   * {@link #chunks()}.
   *
   * @throws InvalidRecordException if a chunk file is malformed
   */
  public List<byte[]> toList() throws IOException, InvalidRecordException {
    List<byte[]> all = new ArrayList<>(size());
    Chunks c = chunks();
    for (List<byte[]> chunk = c.next(); chunk != null; chunk = c.next()) {
      for (byte[] b : chunk) {
        all.add(b.clone());
      }
    }
    return all;
  }

  /** Successive chunks of at most {@link #CHUNK_SIZE} ballots. */
  public interface Chunks {
    /**
     * The next chunk (full except perhaps the last; never empty), or null after the last.
     *
     * @throws InvalidRecordException if the chunk's file is malformed (names file and path)
     * @throws IOException if it cannot be read
     */
    List<byte[]> next() throws IOException, InvalidRecordException;

    /** The file the last chunk came from (for findings), or "ballots" in memory. */
    String source();
  }

  /** Number of chunks {@code n} ballots take. */
  static int chunkCount(int n) {
    return (n + CHUNK_SIZE - 1) / CHUNK_SIZE;
  }

  static final class InMemory extends RecordBallots {
    private final List<byte[]> ballots;

    InMemory(List<byte[]> ballots) {
      this.ballots = ballots;
    }

    @Override
    public int size() {
      return ballots.size();
    }

    @Override
    public Chunks chunks() {
      return new Chunks() {
        private int next;

        @Override
        public List<byte[]> next() {
          if (next >= ballots.size()) {
            return null;
          }
          int to = Math.min(ballots.size(), next + CHUNK_SIZE);
          List<byte[]> chunk = ballots.subList(next, to);
          next = to;
          return chunk;
        }

        @Override
        public String source() {
          return "ballots";
        }
      };
    }
  }

  /** A record directory's chunk files, each read strictly when reached. */
  static final class OnDisk extends RecordBallots {
    private final Path dir;
    private final int count;

    OnDisk(Path dir, int count) {
      this.dir = dir;
      this.count = count;
    }

    @Override
    public int size() {
      return count;
    }

    @Override
    public Chunks chunks() {
      return new Chunks() {
        private int index;
        private String source = BallotsJson.FILE;

        @Override
        public List<byte[]> next() throws IOException, InvalidRecordException {
          if (index >= chunkCount(count)) {
            return null;
          }
          int expected = Math.min(CHUNK_SIZE, count - index * CHUNK_SIZE);
          source = BallotChunkJson.file(index);
          List<byte[]> chunk = BallotChunkJson.read(RecordIo.load(dir, source), index, expected);
          index++;
          return chunk;
        }

        @Override
        public String source() {
          return source;
        }
      };
    }
  }
}
