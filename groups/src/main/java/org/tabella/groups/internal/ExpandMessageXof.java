package org.tabella.groups.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * RFC 9380 §5.3.2 {@code expand_message_xof} with SHAKE256 (security level k = 224, as RFC 9496
 * uses for decaf448): {@code SHAKE256(msg ‖ I2OSP(len, 2) ‖ DST ‖ I2OSP(len(DST), 1), len)}, with
 * the §5.3.3 rule for tags over 255 bytes ({@code DST = SHAKE256("H2C-OVERSIZE-DST-" ‖ DST, 56)}).
 * Bouncy Castle has the XOF but not this expander. Not part of the public API.
 */
public final class ExpandMessageXof implements MessageExpander {
  private static final byte[] OVERSIZE_PREFIX = "H2C-OVERSIZE-DST-".getBytes(StandardCharsets.US_ASCII);
  private static final ExpandMessageXof SHAKE256 = new ExpandMessageXof();
  /** ceil(2k/8) bytes for an oversize tag, k = 224. */
  private static final int OVERSIZE_LENGTH = 56;

  private ExpandMessageXof() {}

  /** The SHAKE256 expander. */
  public static ExpandMessageXof shake256() {
    return SHAKE256;
  }

  @Override
  public byte[] expand(byte[] message, byte[] dst, int length) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(dst, "dst");
    if (length <= 0 || length > 65535) {
      throw new IllegalArgumentException("expand_message_xof length out of range: " + length);
    }
    byte[] effectiveDst = dst.length > 255 ? xof(OVERSIZE_LENGTH, OVERSIZE_PREFIX, dst) : dst;
    if (effectiveDst.length == 0) {
      throw new IllegalArgumentException("the domain separation tag must not be empty");
    }
    return xof(length, message, new byte[] {(byte) (length >>> 8), (byte) length}, effectiveDst,
        new byte[] {(byte) effectiveDst.length});
  }

  private static byte[] xof(int length, byte[]... parts) {
    SHAKEDigest d = new SHAKEDigest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[length];
    d.doFinal(out, 0, length);
    return out;
  }
}
