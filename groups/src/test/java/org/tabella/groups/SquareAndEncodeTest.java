package org.tabella.groups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Group#squareAndEncode}: every group returns x² with the encoding {@code encode()} gives one
 * element at a time — ristretto255's batched double-and-encode included, for batches of 1 to 40,
 * with the identity, the generator and its inverse among them.
 */
@DisplayName("squareAndEncode agrees with square().encode()")
class SquareAndEncodeTest {
  static List<String> groups() {
    return List.of("ristretto255", "decaf448", "P-256", "secp256k1", "modp-2048-256");
  }

  @ParameterizedTest
  @MethodSource("groups")
  void agreesElementByElement(String name) {
    Group g = Groups.named(name);
    SecureRandom rng = new SecureRandom();
    for (int n : new int[] {1, 2, 6, 40}) {
      List<Element> xs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        xs.add(g.generator().exp(g.randomScalar(rng)));
      }
      xs.set(0, n > 2 ? g.identity() : xs.get(0));
      if (n > 2) {
        xs.set(1, g.generator());
        xs.set(2, g.generator().inverse());
      }
      List<Element> squared = g.squareAndEncode(xs);
      assertEquals(n, squared.size());
      for (int i = 0; i < n; i++) {
        Element expected = xs.get(i).square();
        assertEquals(expected, squared.get(i));
        assertArrayEquals(expected.encode(), squared.get(i).encode(), name + " element " + i + " of " + n);
      }
    }
  }
}
