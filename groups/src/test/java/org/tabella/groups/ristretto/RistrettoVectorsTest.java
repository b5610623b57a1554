package org.tabella.groups.ristretto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabella.vectors.VectorFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.groups.Element;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.vectors.VectorFiles;
import org.tabella.groups.internal.ExpandMessageXmd;

@DisplayName("ristretto255 reproduces RFC 9496")
class RistrettoVectorsTest {
  private final Ristretto255Group group = Ristretto255Group.instance();

  @Test
  @DisplayName("A.1: encodings of k·B for k = 0..15, by repeated addition and by every exp path")
  void generatorMultiples() throws InvalidEncodingException {
    Element acc = group.identity();
    for (JsonNode v : VectorFiles.vectors("groups/ristretto255-rfc9496.json")) {
      int k = Integer.parseInt(v.get("k").asText(), 16);
      String expected = v.get("encoding").asText();
      assertEquals(expected, hex(acc.encode()), "sum for k = " + k);
      assertEquals(expected, hex(group.generator().exp(group.scalar(k)).encode()), "exp k = " + k);
      assertEquals(expected, hex(group.generatorTable().exp(group.scalar(k)).encode()), "table k = " + k);
      Element decoded = group.decode(hex(expected));
      assertEquals(acc, decoded);
      assertEquals(expected, hex(decoded.encode()));
      acc = acc.mul(group.generator());
    }
  }

  @Test
  @DisplayName("A.2: every invalid encoding is rejected by decode")
  void invalidEncodings() {
    for (JsonNode v : VectorFiles.vectors("groups/ristretto255-invalid-rfc9496.json")) {
      byte[] bytes = hex(v.get("encoding").asText());
      assertThrows(InvalidEncodingException.class, () -> group.decode(bytes),
          v.get("comment").asText() + " " + v.get("encoding").asText());
    }
  }

  @Test
  @DisplayName("A.3: from_uniform_bytes, including the inputs that must collide")
  void fromUniformBytes() {
    for (JsonNode v : VectorFiles.vectors("groups/ristretto255-from-uniform-bytes-rfc9496.json")) {
      Element e = group.fromUniformBytes(hex(v.get("input").asText()));
      assertEquals(v.get("output").asText(), hex(e.encode()));
    }
  }

  @Test
  @DisplayName("hash_to_ristretto255 is from_uniform_bytes of expand_message_xmd(SHA-512, 64)")
  void hashToRistretto() {
    byte[] msg = "abc".getBytes(StandardCharsets.UTF_8);
    byte[] dst = "QUUX-V01-CS02-with-ristretto255_XMD:SHA-512_R255MAP_RO_".getBytes(StandardCharsets.UTF_8);
    byte[] uniform = ExpandMessageXmd.forHash("SHA-512").expand(msg, dst, 64);
    assertEquals(group.fromUniformBytes(uniform), group.hashToElement(msg, dst));
  }

  @Test
  @DisplayName("the field constants satisfy their definitions")
  void constants() {
    BigInteger p = Fe.P;
    BigInteger d = Fe.toBig(Fe.D);
    BigInteger i = Fe.toBig(Fe.SQRT_M1);
    assertEquals(p.subtract(BigInteger.ONE), i.multiply(i).mod(p));
    BigInteger adMinusOne = d.negate().subtract(BigInteger.ONE).mod(p);
    BigInteger s = Fe.toBig(Fe.SQRT_AD_MINUS_ONE);
    assertEquals(adMinusOne, s.multiply(s).mod(p));
    BigInteger inv = Fe.toBig(Fe.INVSQRT_A_MINUS_D);
    BigInteger aMinusD = BigInteger.ONE.negate().subtract(d).mod(p);
    assertEquals(BigInteger.ONE, inv.multiply(inv).multiply(aMinusD).mod(p));
    assertEquals(BigInteger.ONE.subtract(d.multiply(d)).mod(p), Fe.toBig(Fe.ONE_MINUS_D_SQ));
    assertEquals(d.subtract(BigInteger.ONE).pow(2).mod(p), Fe.toBig(Fe.D_MINUS_ONE_SQ));
  }

  @Test
  @DisplayName("the order-l multiple of the generator is the identity, order l − 1 its inverse")
  void order() {
    assertTrue(group.generator().expPublic(group.scalar(0)).isIdentity());
    Element last = group.generator().exp(group.scalar(group.order().subtract(BigInteger.ONE)));
    assertTrue(last.mul(group.generator()).isIdentity());
  }
}
