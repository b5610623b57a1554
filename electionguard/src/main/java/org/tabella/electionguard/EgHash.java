package org.tabella.electionguard;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ElectionGuard 2.0's hash (SPEC.md §6.1): {@code H(B0; B1) = HMAC-SHA-256(key = B0, B1)} with a
 * 32-byte key (an earlier hash, or the version string padded with zero bytes), and
 * {@code H_q = H mod q}. Fields are concatenated without separators: a one-byte domain tag, Z_p
 * elements as 512 bytes and Z_q values as 32 bytes big-endian, small integers as 4 bytes.
 */
public final class EgHash {
  private EgHash() {}

  /** H(key; message). */
  public static byte[] h(byte[] key, byte[] message) {
    if (key.length != 32) {
      throw new IllegalArgumentException("ElectionGuard hash keys are 32 bytes");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
    }
  }

  /** H_q(key; message) = H(key; message) mod q. */
  public static BigInteger hq(byte[] key, byte[] message, BigInteger q) {
    return new BigInteger(1, h(key, message)).mod(q);
  }

  /** a ‖ b. */
  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The version string as a hash key: its UTF-8 bytes padded with zero bytes to 32. */
  public static byte[] versionKey(String version) {
    byte[] v = version.getBytes(StandardCharsets.UTF_8);
    if (v.length > 32) {
      throw new IllegalArgumentException("a version string has at most 32 bytes");
    }
    byte[] k = new byte[32];
    System.arraycopy(v, 0, k, 0, v.length);
    return k;
  }

  /** Big-endian, exactly {@code length} bytes. */
  public static byte[] fixed(BigInteger x, int length) {
    byte[] b = x.toByteArray();
    if (b.length > length + 1 || (b.length == length + 1 && b[0] != 0)) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] out = new byte[length];
    int n = Math.min(b.length, length);
    System.arraycopy(b, b.length - n, out, length - n, n);
    return out;
  }

  /** A message of concatenated fields. */
  public static final class Message {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts with the one-byte domain tag. */
    public Message(int tag) {
      out.write(tag);
    }

    /** Appends raw bytes. */
    public Message bytes(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    /** Appends a 4-byte big-endian integer. */
    public Message int4(long v) {
      out.write((int) (v >>> 24));
      out.write((int) (v >>> 16));
      out.write((int) (v >>> 8));
      out.write((int) v);
      return this;
    }

    /** Appends a 2-byte big-endian integer (the indices of egk's pre-release revision egk-2023-07). */
    public Message int2(int v) {
      if (v < 0 || v > 0xFFFF) {
        throw new IllegalArgumentException("does not fit in 2 bytes: " + v);
      }
      out.write(v >>> 8);
      out.write(v);
      return this;
    }

    /** Appends {@code x} as exactly {@code length} big-endian bytes. */
    public Message number(BigInteger x, int length) {
      return bytes(fixed(x, length));
    }

    /** The message. */
    public byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
