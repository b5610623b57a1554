package org.tabella.groups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.tabella.groups.ec.EcGroup;

/**
 * Fuzzes every decoder: whatever the bytes, decode either returns an element whose canonical
 * encoding is exactly the input, or throws {@link InvalidEncodingException} — nothing else
 * escapes. Tries: {@code jqwik.tries.default} (2,000 in a normal build, a million with -Pfuzz).
 */
class DecodeFuzzProperties {
  private static final Group[] GROUPS = {
      Groups.named("ristretto255"), Groups.named("decaf448"), Groups.named("P-256"), Groups.named("P-384"),
      Groups.named("secp256k1"), Groups.named("modp-2048-256"), Groups.named("modp-2048")};

  @Provide
  Arbitrary<Group> groups() {
    return Arbitraries.of(GROUPS);
  }

  /** Random bytes of any length around the right one. */
  @Property
  void randomBytes(@ForAll("groups") Group group, @ForAll @Size(max = 600) byte[] bytes) {
    check(group, bytes);
  }

  /** A valid encoding with a few bytes changed: close to the boundary of validity. */
  @Property
  void mutatedEncodings(@ForAll("groups") Group group, @ForAll long seed,
      @ForAll @Size(min = 1, max = 4) byte[] xors) {
    java.util.Random r = new java.util.Random(seed);
    byte[] bytes = group.generator().exp(group.scalar(r.nextInt(1 << 30))).encode();
    for (byte x : xors) {
      bytes[r.nextInt(bytes.length)] ^= (byte) (x == 0 ? 1 : x);
    }
    check(group, bytes);
  }

  @Property
  void scalars(@ForAll("groups") Group group, @ForAll @Size(max = 70) byte[] bytes) {
    try {
      Scalar s = group.decodeScalar(bytes);
      assertArrayEquals(bytes, s.encode());
    } catch (InvalidEncodingException expected) {
      // the documented outcome for bad input
    }
  }

  @Property
  void sec1(@ForAll @Size(max = 100) byte[] bytes) {
    EcGroup g = EcGroup.p256();
    try {
      Element e = g.decodeSec1(bytes);
      if (bytes.length == g.elementLength()) {
        assertArrayEquals(bytes, e.encode());
      }
    } catch (InvalidEncodingException expected) {
      // the documented outcome for bad input
    }
  }

  private static void check(Group group, byte[] bytes) {
    try {
      Element e = group.decode(bytes);
      assertArrayEquals(bytes, e.encode(), group.name());
    } catch (InvalidEncodingException expected) {
      // the documented outcome for bad input
    }
  }
}
