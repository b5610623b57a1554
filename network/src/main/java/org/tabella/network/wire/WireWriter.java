package org.tabella.network.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes the length-prefixed fields of SPEC.md §3.2. */
public final class WireWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Writes a 4-byte big-endian integer. */
  public WireWriter writeInt(int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  /** Writes one byte. */
  public WireWriter writeByte(int v) {
    out.write(v);
    return this;
  }

  /** Writes LP(bytes). */
  public WireWriter writeBytes(byte[] b) {
    writeInt(b.length);
    out.write(b, 0, b.length);
    return this;
  }

  /** Writes LP(UTF-8). */
  public WireWriter writeString(String s) {
    return writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the bytes written so far. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
