package org.tabella.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A reproducible byte stream (SHA-256 of seed ‖ counter) posing as a SecureRandom, only for
 * generating and re-checking known-answer vectors. Never use it for anything else.
 */
public final class DeterministicRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final byte[] seed;
  private long counter;
  private byte[] block = new byte[0];
  private int used;

  public DeterministicRandom(String seed) {
    super(new byte[0]);
    this.seed = seed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void nextBytes(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      if (used == block.length) {
        try {
          MessageDigest sha = MessageDigest.getInstance("SHA-256");
          sha.update(seed);
          sha.update(java.nio.ByteBuffer.allocate(8).putLong(counter++).array());
          block = sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
        used = 0;
      }
      out[i] = block[used++];
    }
  }

  @Override
  public void setSeed(byte[] ignored) {
    // deterministic by construction
  }

  @Override
  public void setSeed(long ignored) {
    // deterministic by construction
  }
}
