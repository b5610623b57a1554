package org.tabella.groups;

import org.tabella.groups.internal.ExpandMessageXmd;

/**
 * RFC 9380 §5.3.1 {@code expand_message_xmd}, the byte-string expander under every hash-to-group
 * and hash-to-scalar of this library, for callers that check it against vectors or build their
 * own hashes with it.
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
}
