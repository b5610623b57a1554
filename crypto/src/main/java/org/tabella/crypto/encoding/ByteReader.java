package org.tabella.crypto.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;

/**
 * Reads the canonical encoding written by {@link ByteWriter}, accepting nothing else: every length
 * is bounded (in bytes), text must be valid UTF-8, a flag must be 0 or 1, elements and scalars go
 * through the group's validating decoders, and {@link #end()} refuses trailing bytes. Anything
 * else is a {@link MalformedEncodingException}; a value that decodes re-encodes to the same bytes.
 */
public final class ByteReader {
  private final byte[] data;
  private int pos;

  /** Reads {@code data} from the start (the array is not copied; do not change it while reading). */
  public ByteReader(byte[] data) {
    this.data = data;
  }

  /** Reads {@code I2OSP(v, 4)} as a signed integer. */
  public int readInt() throws MalformedEncodingException {
    need(4);
    int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
        | (data[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  /** Reads {@code I2OSP(v, 8)}. */
  public long readLong() throws MalformedEncodingException {
    long hi = readInt() & 0xffffffffL;
    return (hi << 32) | (readInt() & 0xffffffffL);
  }

  /** Reads an integer that must lie in {@code min..max}. */
  public int readInt(int min, int max, String what) throws MalformedEncodingException {
    int v = readInt();
    if (v < min || v > max) {
      throw new MalformedEncodingException(what + " " + v + " outside " + min + ".." + max);
    }
    return v;
  }

  /** Reads one byte (0..255). */
  public int readByte() throws MalformedEncodingException {
    need(1);
    return data[pos++] & 0xff;
  }

  /** Reads a flag: exactly 0 (false) or 1 (true). */
  public boolean readFlag() throws MalformedEncodingException {
    int b = readByte();
    if (b > 1) {
      throw new MalformedEncodingException("flag byte " + b + " is neither 0 nor 1");
    }
    return b == 1;
  }

  /** Reads {@code LP(bytes)} with at most {@code max} bytes. */
  public byte[] readBytes(int max) throws MalformedEncodingException {
    int n = readInt();
    if (n < 0 || n > max) {
      throw new MalformedEncodingException("field length " + n + " outside 0.." + max);
    }
    return readRaw(n);
  }

  /** Reads exactly {@code n} bytes with no length prefix. */
  public byte[] readRaw(int n) throws MalformedEncodingException {
    need(n);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** Reads {@code LP(UTF-8)} with at most {@code maxBytes} bytes; invalid UTF-8 is refused. */
  public String readString(int maxBytes) throws MalformedEncodingException {
    return utf8(readBytes(maxBytes));
  }

  /** Reads a string that must be exactly {@code expected} (a format tag). */
  public void expectString(String expected) throws MalformedEncodingException {
    String s = readString(expected.length() * 4);
    if (!s.equals(expected)) {
      throw new MalformedEncodingException("expected tag '" + expected + "'");
    }
  }

  /** Reads a count in {@code 0..max}. */
  public int readCount(int max) throws MalformedEncodingException {
    return readInt(0, max, "count");
  }

  /** Reads {@code LP(encode(e))} and decodes it with the group's validating decoder. */
  public Element readElement(Group g) throws MalformedEncodingException {
    try {
      return g.decode(readBytes(g.elementLength()));
    } catch (InvalidEncodingException e) {
      throw new MalformedEncodingException("invalid group element: " + e.getMessage(), e);
    }
  }

  /** Reads {@code LP(encode(s))}, refusing values ≥ q. */
  public Scalar readScalar(Group g) throws MalformedEncodingException {
    try {
      return g.decodeScalar(readBytes(g.scalarLength()));
    } catch (InvalidEncodingException e) {
      throw new MalformedEncodingException("invalid scalar: " + e.getMessage(), e);
    }
  }

  /** Bytes not read yet. */
  public int remaining() {
    return data.length - pos;
  }

  /** Fails unless every byte was consumed. */
  public void end() throws MalformedEncodingException {
    if (pos != data.length) {
      throw new MalformedEncodingException((data.length - pos) + " trailing bytes");
    }
  }

  /** Decodes strict UTF-8 (malformed or unmappable input is refused, never replaced). */
  public static String utf8(byte[] bytes) throws MalformedEncodingException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedEncodingException("text is not valid UTF-8");
    }
  }

  private void need(int n) throws MalformedEncodingException {
    if (n < 0 || n > data.length - pos) {
      throw new MalformedEncodingException("truncated message");
    }
  }
}
