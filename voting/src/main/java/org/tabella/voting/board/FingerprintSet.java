package org.tabella.voting.board;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A set of byte strings held as 128-bit SHA-256 prefixes in two open-addressing arrays (16 bytes
 * per member, not a Java object per member): the verifier's uniqueness checks over millions of
 * ballots, and the board's check that no ciphertext is accepted twice. Two different strings
 * collide with probability about n²/2^129. Not thread-safe.
 */
public final class FingerprintSet {
  private long[] high = new long[1 << 12];
  private long[] low = new long[1 << 12];
  private boolean[] used = new boolean[1 << 12];
  private int size;
  private final MessageDigest sha256;

  /** An empty set. */
  public FingerprintSet() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds {@code value}; false if it (by its fingerprint) was already a member. */
  public boolean add(byte[] value) {
    ByteBuffer d = ByteBuffer.wrap(sha256.digest(value));
    long h = d.getLong();
    long l = d.getLong();
    if (2 * (size + 1) > used.length) {
      grow();
    }
    if (!insert(h, l)) {
      return false;
    }
    size++;
    return true;
  }

  /** Whether {@code value} (by its fingerprint) is a member. */
  public boolean contains(byte[] value) {
    ByteBuffer d = ByteBuffer.wrap(sha256.digest(value));
    long h = d.getLong();
    long l = d.getLong();
    int mask = used.length - 1;
    for (int i = (int) h & mask; used[i]; i = (i + 1) & mask) {
      if (high[i] == h && low[i] == l) {
        return true;
      }
    }
    return false;
  }

  /** Number of members. */
  public int size() {
    return size;
  }

  private boolean insert(long h, long l) {
    int mask = used.length - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = true;
        high[i] = h;
        low[i] = l;
        return true;
      }
      if (high[i] == h && low[i] == l) {
        return false;
      }
    }
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    boolean[] oldUsed = used;
    high = new long[oldUsed.length * 2];
    low = new long[oldUsed.length * 2];
    used = new boolean[oldUsed.length * 2];
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i]) {
        insert(oldHigh[i], oldLow[i]);
      }
    }
  }
}
