package org.tabella.voting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tabella.voting.Fixtures.G;
import static org.tabella.voting.Fixtures.MIXED;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.crypto.encoding.MalformedEncodingException;

@DisplayName("election parameters")
class ElectionParametersTest {
  @Test
  @DisplayName("are built from named parts, validated, and round-trip through their canonical encoding")
  void builder() throws Exception {
    ElectionParameters back = ElectionParameters.decode(MIXED.encode());
    assertEquals(MIXED, back);
    assertArrayEquals(MIXED.hash(), back.hash());
    assertEquals(8, MIXED.entryCount());
    assertEquals(1, MIXED.indexOf("mayor"));
    assertNotEquals(MIXED, Fixtures.referendum("mixed-1", TallyMode.COUNT));
  }

  @Test
  @DisplayName("refuse a quorum above the trustees, duplicate contests, empty or oversized ids, and unanimity on a choice")
  void refused() {
    assertThrows(IllegalArgumentException.class,
        () -> ElectionParameters.builder("e", G).trustees(3).quorum(4).contest(Contest.referendum("q")).build());
    assertThrows(IllegalArgumentException.class,
        () -> ElectionParameters.builder("e", G).trustees(3).quorum(2).build());
    assertThrows(IllegalArgumentException.class, () -> ElectionParameters.builder("e", G).trustees(3).quorum(2)
        .contest(Contest.referendum("q")).contest(Contest.choice("q", 2)).build());
    assertThrows(IllegalArgumentException.class,
        () -> ElectionParameters.builder("", G).trustees(3).quorum(2).contest(Contest.referendum("q")).build());
    assertThrows(IllegalArgumentException.class, () -> ElectionParameters.builder("x".repeat(129), G).trustees(3)
        .quorum(2).contest(Contest.referendum("q")).build());
    assertThrows(IllegalArgumentException.class, () -> ElectionParameters.builder("e", G).trustees(3).quorum(2)
        .contest(Contest.choice("q", 2)).mode(TallyMode.UNANIMOUS).build());
    assertThrows(IllegalArgumentException.class, () -> Contest.referendum("é".repeat(33)));
  }

  @Test
  @DisplayName("decoding refuses a flag byte of 2, trailing bytes and a truncated encoding")
  void strictDecoding() {
    byte[] enc = Fixtures.referendum("e", TallyMode.COUNT).encode();
    int flag = 4 + "tabella-election-v1".length() + 4 + 1 + 4 + "ristretto255".length() + 8;
    assertEquals(0, enc[flag]);
    enc[flag] = 2;
    assertThrows(MalformedEncodingException.class, () -> ElectionParameters.decode(enc));
    byte[] good = Fixtures.referendum("e", TallyMode.COUNT).encode();
    assertThrows(MalformedEncodingException.class, () -> ElectionParameters.decode(java.util.Arrays.copyOf(good, good.length + 1)));
    assertThrows(MalformedEncodingException.class, () -> ElectionParameters.decode(java.util.Arrays.copyOf(good, good.length - 1)));
  }
}
