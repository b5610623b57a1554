package org.tabella.crypto.encoding;

import java.io.ByteArrayOutputStream;
import org.tabella.groups.Element;
import org.tabella.groups.Scalar;

/**
 * Writes Tabella's one canonical byte encoding (SPEC.md §2.0): big-endian fixed-width integers,
 * {@code LP(x) = I2OSP(len(x), 4) ‖ x} for byte strings, UTF-8 for text, and one byte 0/1 for
 * flags. Every message of every module (ballots, election parameters, proof contexts, protocol
 * payloads, network envelopes) is written with it, so each message has exactly one encoding and
 * {@link ByteReader} accepts only that one.
 */
public final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Writes {@code I2OSP(v, 4)} (two's complement for negative values). */
  public ByteWriter writeInt(int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  /** Writes {@code I2OSP(v, 8)}. */
  public ByteWriter writeLong(long v) {
    writeInt((int) (v >>> 32));
    return writeInt((int) v);
  }

  /** Writes one byte (0..255). */
  public ByteWriter writeByte(int v) {
    if (v < 0 || v > 255) {
      throw new IllegalArgumentException("a byte is 0..255");
    }
    out.write(v);
    return this;
  }

  /** Writes a flag: one byte, 1 for true and 0 for false. */
  public ByteWriter writeFlag(boolean v) {
    out.write(v ? 1 : 0);
    return this;
  }

  /** Writes {@code LP(bytes)}. */
  public ByteWriter writeBytes(byte[] b) {
    writeInt(b.length);
    out.write(b, 0, b.length);
    return this;
  }

  /** Writes {@code LP(UTF-8(s))}; a string with no UTF-8 form is an {@link IllegalArgumentException}. */
  public ByteWriter writeString(String s) {
    return writeBytes(Utf8.encode(s));
  }

  /** Writes {@code LP(encode(e))}. */
  public ByteWriter writeElement(Element e) {
    return writeBytes(e.encode());
  }

  /** Writes {@code LP(encode(s))}. */
  public ByteWriter writeScalar(Scalar s) {
    return writeBytes(s.encode());
  }

  /** Writes bytes as they are, without a length (for fixed-width fields). */
  public ByteWriter writeRaw(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  /** Returns the bytes written so far. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  /** Returns {@code LP(p_1) ‖ … ‖ LP(p_n)}. */
  public static byte[] lengthPrefixed(byte[]... parts) {
    ByteWriter w = new ByteWriter();
    for (byte[] p : parts) {
      w.writeBytes(p);
    }
    return w.toByteArray();
  }

  /** Returns {@code I2OSP(v, 4)}. */
  public static byte[] int32(int v) {
    return new ByteWriter().writeInt(v).toByteArray();
  }
}
