package org.tabella.groups.internal;

import java.util.Objects;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.hash2curve.impl.XmdMessageExpansion;

/**
 * RFC 9380 §5.3.1 {@code expand_message_xmd}, on Bouncy Castle's implementation, with the
 * §5.3.3 rule for domain separation tags longer than 255 bytes. Not part of the public API.
 */
public final class ExpandMessageXmd implements MessageExpander {
  private static final byte[] OVERSIZE_PREFIX =
      "H2C-OVERSIZE-DST-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final String hashName;

  private ExpandMessageXmd(String hashName) {
    this.hashName = hashName;
  }

  /** Returns the expander for a JCA hash name: SHA-256, SHA-384 or SHA-512. */
  public static ExpandMessageXmd forHash(String hashName) {
    newDigest(hashName);
    return new ExpandMessageXmd(hashName);
  }

  /** Returns {@code expand_message_xmd(message, dst, length)}. */
  @Override
  public byte[] expand(byte[] message, byte[] dst, int length) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(dst, "dst");
    ExtendedDigest digest = newDigest(hashName);
    if (length <= 0 || length > 255 * digest.getDigestSize() || length > 65535) {
      throw new IllegalArgumentException("expand_message_xmd length out of range: " + length);
    }
    byte[] effectiveDst = dst.length > 255 ? hashOversizeDst(dst) : dst;
    if (effectiveDst.length == 0) {
      throw new IllegalArgumentException("the domain separation tag must not be empty");
    }
    return new XmdMessageExpansion(digest, digest.getDigestSize() * 4)
        .expandMessage(message, effectiveDst, length);
  }

  private byte[] hashOversizeDst(byte[] dst) {
    ExtendedDigest d = newDigest(hashName);
    d.update(OVERSIZE_PREFIX, 0, OVERSIZE_PREFIX.length);
    d.update(dst, 0, dst.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }

  private static ExtendedDigest newDigest(String hashName) {
    switch (hashName) {
      case "SHA-256":
        return new SHA256Digest();
      case "SHA-384":
        return new SHA384Digest();
      case "SHA-512":
        return new SHA512Digest();
      default:
        throw new IllegalArgumentException("unsupported hash for expand_message_xmd: " + hashName);
    }
  }
}
