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

  /**
   * Checks a selection mask: all ones or zero. One test, the same path for both valid masks, so
   * the check itself reveals nothing about a secret mask.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static void checkMask(int mask) {
    if (((mask + 1) & ~1) != 0) {
      throw new IllegalArgumentException("mask must be 0 or -1");
    }
  }

  /**
   * Returns {@code ifSet} when {@code mask} is all ones and {@code ifClear} when it is zero (arrays
   * of one length), chosen byte by byte by the mask, without a branch; writes into {@code ifClear}.
   *
   * @throws IllegalArgumentException for another mask or arrays of different lengths
   */
  public static byte[] select(int mask, byte[] ifSet, byte[] ifClear) {
    checkMask(mask);
    if (ifSet.length != ifClear.length) {
      throw new IllegalArgumentException("arrays of different lengths");
    }
    for (int i = 0; i < ifSet.length; i++) {
      ifClear[i] = (byte) (ifClear[i] ^ ((ifSet[i] ^ ifClear[i]) & mask));
    }
    return ifClear;
  }

  /** Returns the minimal big-endian unsigned encoding of {@code value} (0 encodes as one byte). */
  public static byte[] unsigned(BigInteger value) {
    return toFixedLength(value, Math.max(1, (value.bitLength() + 7) / 8));
  }
}
