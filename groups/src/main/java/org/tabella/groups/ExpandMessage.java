package org.tabella.groups;

import org.tabella.groups.internal.ExpandMessageXmd;

/**
 * RFC 9380 §5.3 {@code expand_message_xmd} and {@code expand_message_xof}, the byte-string
 * expanders under every hash-to-group and hash-to-scalar of this library, for callers that check
 * them against vectors or build their own hashes with them.
 */
public final class ExpandMessage {
  private ExpandMessage() {}

  /**
   * Returns {@code expand_message_xmd(message, dst, length)} with hash SHA-256, SHA-384 or SHA-512
   * (domain tags over 255 bytes are hashed as RFC 9380 §5.3.3 says).
   *
   * @throws IllegalArgumentException for another hash, an empty tag or a length out of range
   */
  public static byte[] xmd(String hash, byte[] message, byte[] dst, int length) {
    return ExpandMessageXmd.forHash(hash).expand(message, dst, length);
  }

  /**
   * Returns {@code expand_message_xof(message, dst, length)} with SHAKE256 (RFC 9380 §5.3.2, k = 224).
   *
   * @throws IllegalArgumentException for an empty tag or a length out of range
   */
  public static byte[] xofShake256(byte[] message, byte[] dst, int length) {
    return org.tabella.groups.internal.ExpandMessageXof.shake256().expand(message, dst, length);
  }
}
