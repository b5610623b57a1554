package org.tabella.network.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the length-prefixed fields of SPEC.md §3.2 from a byte array, with a bound on every length;
 * any truncation, oversize field or trailing garbage is an {@link InvalidMessageException}.
 */
public final class WireReader {
  private final byte[] data;
  private int pos;

  /** Reads {@code data} from the start. */
  public WireReader(byte[] data) {
    this.data = data;
  }

  /** Reads a 4-byte big-endian signed integer. */
  public int readInt() throws InvalidMessageException {
    need(4);
    int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  /** Reads one byte. */
  public int readByte() throws InvalidMessageException {
    need(1);
    return data[pos++] & 0xff;
  }

  /** Reads LP(bytes) with at most {@code max} bytes. */
  public byte[] readBytes(int max) throws InvalidMessageException {
    int n = readInt();
    if (n < 0 || n > max) {
      throw new InvalidMessageException("field length " + n + " outside 0.." + max);
    }
    need(n);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** Reads LP(UTF-8) with at most {@code max} bytes. */
  public String readString(int max) throws InvalidMessageException {
    return new String(readBytes(max), StandardCharsets.UTF_8);
  }

  /** Reads a count in 0..max. */
  public int readCount(int max) throws InvalidMessageException {
    int n = readInt();
    if (n < 0 || n > max) {
      throw new InvalidMessageException("count " + n + " outside 0.." + max);
    }
    return n;
  }

  /** Fails unless every byte was consumed. */
  public void end() throws InvalidMessageException {
    if (pos != data.length) {
      throw new InvalidMessageException((data.length - pos) + " trailing bytes");
    }
  }

  private void need(int n) throws InvalidMessageException {
    if (n > data.length - pos) {
      throw new InvalidMessageException("truncated message");
    }
  }
}
