package org.tabella.crypto.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for identifiers that are encoded, hashed and bound into proofs: a Java string with
 * an unpaired surrogate has no UTF-8 form (Java would silently write '?'), so it is refused, and
 * lengths are counted in encoded bytes, the unit every decoder bounds.
 */
public final class Utf8 {
  private Utf8() {}

  /**
   * Returns the UTF-8 bytes of {@code s}.
   *
   * @throws IllegalArgumentException if {@code s} is not well-formed UTF-16
   */
  public static byte[] encode(String s) {
    // ASCII (every label and most ids) is its own UTF-8 and needs no encoder: one pass.
    byte[] ascii = new byte[s.length()];
    int i = 0;
    while (i < ascii.length) {
      char ch = s.charAt(i);
      if (ch >= 0x80) {
        break;
      }
      ascii[i++] = (byte) ch;
    }
    if (i == ascii.length) {
      return ascii;
    }
    try {
      ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(s));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text with an unpaired surrogate has no UTF-8 encoding");
    }
  }

  /**
   * Checks that {@code s} is well-formed and its UTF-8 encoding has {@code min..max} bytes.
   *
   * @return s
   * @throws IllegalArgumentException otherwise, naming {@code what}
   */
  public static String checkLength(String s, int min, int max, String what) {
    int n = encode(s).length;
    if (n < min || n > max) {
      throw new IllegalArgumentException(what + " must be " + min + ".." + max + " bytes of UTF-8, not " + n);
    }
    return s;
  }
}
