package org.tabella.groups.decaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabella.vectors.VectorFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.groups.Element;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.internal.ExpandMessageXof;
import org.tabella.vectors.VectorFiles;

@DisplayName("decaf448 reproduces RFC 9496 Appendix B")
class DecafVectorsTest {
  private final Decaf448Group group = Decaf448Group.instance();

  @Test
  @DisplayName("B.1: encodings of k·B for k = 0..15, by repeated addition and by every exp path")
  void generatorMultiples() throws InvalidEncodingException {
    Element acc = group.identity();
    int n = 0;
    for (JsonNode v : VectorFiles.vectors("groups/decaf448-rfc9496.json")) {
      int k = Integer.parseInt(v.get("k").asText(), 16);
      String expected = v.get("encoding").asText();
      assertEquals(expected, hex(acc.encode()), "sum for k = " + k);
      assertEquals(expected, hex(group.generator().exp(group.scalar(k)).encode()), "exp k = " + k);
      assertEquals(expected, hex(group.generatorTable().exp(group.scalar(k)).encode()), "table k = " + k);
      assertEquals(expected, hex(group.generator().square().exp(group.scalar(k)).exp(
          group.scalar(BigInteger.TWO.modInverse(group.order()))).encode()), "via 2B, k = " + k);
      Element decoded = group.decode(hex(expected));
      assertEquals(acc, decoded);
      assertEquals(expected, hex(decoded.encode()));
      acc = acc.mul(group.generator());
      n++;
    }
    assertEquals(16, n);
  }

  @Test
  @DisplayName("B.2: every invalid encoding is rejected by decode")
  void invalidEncodings() {
    int n = 0;
    for (JsonNode v : VectorFiles.vectors("groups/decaf448-invalid-rfc9496.json")) {
      byte[] bytes = hex(v.get("encoding").asText());
      assertThrows(InvalidEncodingException.class, () -> group.decode(bytes),
          v.get("comment").asText() + " " + v.get("encoding").asText());
      n++;
    }
    assertEquals(21, n);
    assertThrows(InvalidEncodingException.class, () -> group.decode(new byte[55]));
    assertThrows(InvalidEncodingException.class, () -> group.decode(new byte[57]));
  }

  @Test
  @DisplayName("B.3: from_uniform_bytes")
  void fromUniformBytes() {
    int n = 0;
    for (JsonNode v : VectorFiles.vectors("groups/decaf448-from-uniform-bytes-rfc9496.json")) {
      Element e = group.fromUniformBytes(hex(v.get("input").asText()));
      assertEquals(v.get("output").asText(), hex(e.encode()));
      n++;
    }
    assertEquals(7, n);
    assertThrows(IllegalArgumentException.class, () -> group.fromUniformBytes(new byte[111]));
  }

  @Test
  @DisplayName("hash_to_decaf448 is from_uniform_bytes of expand_message_xof(SHAKE256, 112)")
  void hashToDecaf() {
    byte[] msg = "abc".getBytes(StandardCharsets.UTF_8);
    byte[] dst = "tabella-test-decaf448".getBytes(StandardCharsets.UTF_8);
    byte[] uniform = ExpandMessageXof.shake256().expand(msg, dst, 112);
    assertEquals(group.fromUniformBytes(uniform), group.hashToElement(msg, dst));
    assertNotEquals(group.hashToElement(msg, dst), group.hashToElement("abd".getBytes(StandardCharsets.UTF_8), dst));
  }

  @Test
  @DisplayName("the field constants satisfy their definitions and the arithmetic matches BigInteger")
  void constantsAndArithmetic() {
    BigInteger p = Fe448.P;
    BigInteger d = Fe448.toBig(Fe448.D);
    assertEquals(p.subtract(BigInteger.valueOf(39081)), d);
    BigInteger s = Fe448.toBig(Fe448.SQRT_MINUS_D);
    assertEquals(d.negate().mod(p), s.multiply(s).mod(p));
    assertFalse(s.testBit(0), "√(−d) is the non-negative root");
    assertEquals(BigInteger.ONE, s.multiply(Fe448.toBig(Fe448.INVSQRT_MINUS_D)).mod(p));
    SecureRandom rng = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      BigInteger a = new BigInteger(448, rng).mod(p);
      BigInteger b = new BigInteger(448, rng).mod(p);
      int[] fa = Fe448.fromBig(a);
      int[] fb = Fe448.fromBig(b);
      int[] z = Fe448.create();
      Fe448.mul(fa, fb, z);
      assertEquals(a.multiply(b).mod(p), Fe448.toBig(z));
      Fe448.sub(fa, fb, z);
      assertEquals(a.subtract(b).mod(p), Fe448.toBig(z));
      Fe448.powPm3d4(fa, z);
      assertEquals(a.modPow(p.subtract(BigInteger.valueOf(3)).shiftRight(2), p), Fe448.toBig(z));
      int[] r = Fe448.create();
      int square = Fe448.sqrtRatioM1(fa, fb, r);
      BigInteger ratio = a.multiply(b.modInverse(p)).mod(p);
      BigInteger rr = Fe448.toBig(r);
      boolean isSquare = ratio.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(BigInteger.ONE);
      assertEquals(isSquare, square != 0);
      assertEquals(isSquare ? ratio : ratio.negate().mod(p), rr.multiply(rr).mod(p));
      assertFalse(rr.testBit(0));
    }
  }

  @Test
  @DisplayName("ℓ·B is the identity; (ℓ − 1)·B is −B; random scalars agree on every path")
  void orderAndPaths() {
    assertTrue(group.generator().expPublic(group.scalar(0)).isIdentity());
    Element last = group.generator().exp(group.scalar(group.order().subtract(BigInteger.ONE)));
    assertTrue(last.mul(group.generator()).isIdentity());
    assertEquals(group.generator().inverse(), last);
    SecureRandom rng = new SecureRandom();
    for (int i = 0; i < 10; i++) {
      var k = group.randomScalar(rng);
      var j = group.randomScalar(rng);
      Element byTable = group.generatorTable().exp(k);
      assertEquals(byTable, group.generator().exp(k));
      assertEquals(group.generator().exp(k.add(j)), byTable.mul(group.generator().exp(j)));
      assertEquals(group.generator().exp(k.multiply(j)), byTable.exp(j));
      assertEquals(byTable.mul(group.generator().exp(j)),
          group.multiExp(java.util.List.of(group.generator(), group.generator()), java.util.List.of(k, j)));
    }
  }
}
