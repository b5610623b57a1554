package org.tabella.crypto.internal;

import java.nio.charset.StandardCharsets;
import org.tabella.crypto.encoding.ByteWriter;

/**
 * Builds the context byte strings that proofs are bound to: a label and parts, each
 * length-prefixed with the canonical encoding (SPEC.md §2.0), so that different (label, parts)
 * never give the same bytes.
 */
public final class Contexts {
  private Contexts() {}

  /** Returns LP(label) ‖ LP(part_1) ‖ … ‖ LP(part_n). */
  public static byte[] of(String label, byte[]... parts) {
    ByteWriter w = new ByteWriter().writeBytes(label.getBytes(StandardCharsets.UTF_8));
    for (byte[] p : parts) {
      w.writeBytes(p);
    }
    return w.toByteArray();
  }

  /** Returns a 4-byte big-endian integer. */
  public static byte[] intBytes(int v) {
    return ByteWriter.int32(v);
  }
}
