package org.tabella.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the context byte strings that proofs are bound to: a label and parts, each with a 4-byte
 * big-endian length prefix, so that different (label, parts) never give the same bytes.
 */
public final class Contexts {
  private Contexts() {}

  /** Returns LP(label) ‖ LP(part_1) ‖ … ‖ LP(part_n). */
  public static byte[] of(String label, byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    block(out, label.getBytes(StandardCharsets.UTF_8));
    for (byte[] p : parts) {
      block(out, p);
    }
    return out.toByteArray();
  }

  /** Returns LP(part_1) ‖ … ‖ LP(part_n), without a label. */
  public static byte[] lengthPrefixed(java.util.List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      block(out, p);
    }
    return out.toByteArray();
  }

  /** Returns a 4-byte big-endian integer. */
  public static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static void block(ByteArrayOutputStream out, byte[] b) {
    out.write(b.length >>> 24);
    out.write(b.length >>> 16);
    out.write(b.length >>> 8);
    out.write(b.length);
    out.write(b, 0, b.length);
  }
}
