package org.tabella.groups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Message embedding (SPEC.md §1.7): for every supported group, {@code extract(embed(m)) = m} for
 * random messages of every length up to the capacity, distinct messages give distinct elements,
 * and a message over the capacity or a group without an embedding is refused with a clear error.
 */
class MessageEmbeddingProperties {
  static final String[] SUPPORTED = {"ristretto255", "decaf448", "P-256", "P-384", "secp256k1", "modp-2048", "ffdhe2048"};

  @Provide
  Arbitrary<String> groups() {
    return Arbitraries.of(SUPPORTED);
  }

  @Property(tries = 300)
  void roundTripsForEveryLength(@ForAll("groups") String name, @ForAll long seed) throws Exception {
    MessageEmbedding e = MessageEmbedding.forGroup(Groups.named(name));
    java.util.Random rng = new java.util.Random(seed);
    byte[] m = new byte[rng.nextInt(e.capacity() + 1)];
    rng.nextBytes(m);
    Element x = e.embed(m);
    assertArrayEquals(m, e.extract(x));
    // what travels is the element's encoding: decode and extract again
    assertArrayEquals(m, e.extract(x.group().decode(x.encode())));
  }

  @Example
  void everyLengthFromZeroToTheCapacityAndNotOneMore() throws Exception {
    SecureRandom rng = new SecureRandom();
    for (String name : SUPPORTED) {
      MessageEmbedding e = MessageEmbedding.forGroup(Groups.named(name));
      assertTrue(e.capacity() >= 28, name + " capacity " + e.capacity());
      Set<Element> seen = new HashSet<>();
      for (int len = 0; len <= e.capacity(); len++) {
        byte[] m = new byte[len];
        rng.nextBytes(m);
        Element x = e.embed(m);
        assertArrayEquals(m, e.extract(x), name + " length " + len);
        assertTrue(seen.add(x), "distinct messages, distinct elements");
        assertFalse(x.isIdentity());
      }
      byte[] over = new byte[e.capacity() + 1];
      IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.embed(over));
      assertTrue(ex.getMessage().contains("over the capacity") && ex.getMessage().contains(Integer.toString(e.capacity())),
          ex.getMessage());
      // a zero byte at the end is part of the message, not padding
      assertNotEquals(e.embed(new byte[] {1}), e.embed(new byte[] {1, 0}));
      assertArrayEquals(new byte[] {1, 0}, e.extract(e.embed(new byte[] {1, 0})));
      assertThrows(InvalidEncodingException.class, () -> e.extract(Groups.named(name).identity()));
    }
  }

  @Example
  void capacitiesAreAsSpecified() {
    assertEquals(28, MessageEmbedding.forGroup(Groups.named("ristretto255")).capacity());
    assertEquals(52, MessageEmbedding.forGroup(Groups.named("decaf448")).capacity());
    assertEquals(30, MessageEmbedding.forGroup(Groups.named("P-256")).capacity());
    assertEquals(46, MessageEmbedding.forGroup(Groups.named("P-384")).capacity());
    assertEquals(30, MessageEmbedding.forGroup(Groups.named("secp256k1")).capacity());
    assertEquals(255, MessageEmbedding.forGroup(Groups.named("modp-2048")).capacity());
  }

  @Example
  void groupsWithoutASoundEmbeddingAreRefused() {
    for (String name : new String[] {"modp-2048-256", "eg-4096"}) {
      Group g = Groups.named(name);
      assertFalse(MessageEmbedding.isSupported(g));
      UnsupportedOperationException ex = assertThrows(UnsupportedOperationException.class, () -> MessageEmbedding.forGroup(g));
      assertTrue(ex.getMessage().contains(name), ex.getMessage());
    }
  }

  @Example
  void anElementOfAnotherGroupIsRefused() {
    MessageEmbedding e = MessageEmbedding.forGroup(Groups.named("ristretto255"));
    assertThrows(IllegalArgumentException.class, () -> e.extract(Groups.named("P-256").generator()));
  }
}
