package org.tabella.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ASCII fast path and the strict encoder give Java's UTF-8 and refuse unpaired surrogates. */
@DisplayName("strict UTF-8")
class Utf8Test {
  @Test
  void encodesLikeJavaAndRefusesUnpairedSurrogates() {
    for (String s : new String[] {"", "a", "commitments-a", "\u007f", "\u0080", "ab\u00e9", "\u20ac1",
        "x\ud83d\uddf3y", "tabella-tally-v2"}) {
      assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Utf8.encode(s), s);
    }
    for (String bad : new String[] {"\ud800", "a\udc00", "ok\ud83d", "\udc00\ud800"}) {
      assertThrows(IllegalArgumentException.class, () -> Utf8.encode(bad));
    }
  }
}
