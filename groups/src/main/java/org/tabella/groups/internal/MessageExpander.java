package org.tabella.groups.internal;

/** An RFC 9380 §5.3 message expander: {@code expand_message_xmd} or {@code expand_message_xof}. */
public interface MessageExpander {
  /** Returns {@code length} uniform bytes for {@code message} under the tag {@code dst}. */
  byte[] expand(byte[] message, byte[] dst, int length);

  /** The expander a group's hash names: SHAKE256 (XOF, k = 224) or SHA-256/384/512 (XMD). */
  static MessageExpander forHash(String hashName) {
    return "SHAKE256".equals(hashName) ? ExpandMessageXof.shake256() : ExpandMessageXmd.forHash(hashName);
  }
}
