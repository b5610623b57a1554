package org.tabella.groups.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Byte helpers shared by the group implementations. Not part of the public API. */
public final class Bytes {
  private Bytes() {}

  /** Returns each part preceded by its length as a 4-byte big-endian integer, concatenated. */
  public static byte[] lengthPrefixed(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      int n = part.length;
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
      out.write(part, 0, n);
    }
    return out.toByteArray();
  }

  /** Returns the non-negative {@code value} as exactly {@code length} big-endian bytes. */
  public static byte[] toFixedLength(BigInteger value, int length) {
    if (value.signum() < 0 || value.bitLength() > 8 * length) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  /** Returns the minimal big-endian unsigned encoding of {@code value} (0 encodes as one byte). */
  public static byte[] unsigned(BigInteger value) {
    return toFixedLength(value, Math.max(1, (value.bitLength() + 7) / 8));
  }
}
