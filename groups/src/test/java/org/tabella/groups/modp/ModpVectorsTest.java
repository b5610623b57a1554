package org.tabella.groups.modp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabella.vectors.VectorFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.InvalidGroupParametersException;
import org.tabella.vectors.VectorFiles;

@DisplayName("the Schnorr groups reproduce external vectors and refuse bad parameters")
class ModpVectorsTest {

  @Test
  @DisplayName("special elements: small-order, out-of-range and non-canonical values are rejected")
  void specialElements() throws InvalidEncodingException {
    for (JsonNode v : VectorFiles.vectors("groups/modp-special-elements.json")) {
      Group g = Groups.named(v.get("group").asText());
      String why = v.get("group").asText() + " " + v.get("comment").asText();
      byte[] bytes;
      if (v.get("encoding").isNull()) {
        bytes = new BigInteger(v.get("value").asText(), 16).toByteArray();
      } else {
        bytes = hex(v.get("encoding").asText());
      }
      switch (v.get("expected").asText()) {
        case "accept" -> {
          Element e = g.decode(bytes);
          assertEquals(e, g.decodeNonIdentity(bytes), why);
        }
        case "accept-but-degenerate" -> {
          assertTrue(g.decode(bytes).isIdentity(), why);
          assertThrows(InvalidEncodingException.class, () -> g.decodeNonIdentity(bytes), why);
        }
        default -> assertThrows(InvalidEncodingException.class, () -> g.decode(bytes), why);
      }
    }
  }

  @Test
  @DisplayName("RFC 5114 Diffie–Hellman test data as exponentiation known answers")
  void rfc5114DiffieHellman() throws InvalidEncodingException {
    for (JsonNode v : VectorFiles.vectors("groups/modp-dh-rfc5114.json")) {
      Group g = Groups.named(v.get("group").asText());
      var xA = g.scalar(new BigInteger(v.get("xA").asText(), 16));
      var xB = g.scalar(new BigInteger(v.get("xB").asText(), 16));
      Element yA = g.decode(fixed(g, v.get("yA").asText()));
      Element yB = g.decode(fixed(g, v.get("yB").asText()));
      Element z = g.decode(fixed(g, v.get("Z").asText()));
      assertEquals(yA, g.generator().exp(xA));
      assertEquals(yA, g.generatorTable().exp(xA));
      assertEquals(yB, g.generator().expPublic(xB));
      assertEquals(z, yB.exp(xA));
      assertEquals(z, yA.exp(xB));
    }
  }

  private static byte[] fixed(Group g, String hexValue) {
    return org.tabella.groups.internal.Bytes.toFixedLength(new BigInteger(hexValue, 16), g.elementLength());
  }

  @Test
  @DisplayName("toy parameter sets: valid ones load for tests, the wrong-order generator is refused")
  void toyParameters() {
    for (JsonNode v : VectorFiles.vectors("groups/modp-parameters.json")) {
      SchnorrParameters params = new SchnorrParameters(new BigInteger(v.get("p").asText()),
          new BigInteger(v.get("q").asText()), new BigInteger(v.get("g").asText()));
      String name = v.get("name").asText();
      if (v.get("expected").asText().equals("accept")) {
        try {
          ModpGroup.createInsecureForTesting(name, params);
        } catch (InvalidGroupParametersException e) {
          throw new AssertionError(name + " should load", e);
        }
      } else {
        assertThrows(InvalidGroupParametersException.class,
            () -> ModpGroup.createInsecureForTesting(name, params), name);
      }
      // No toy group passes the security floor.
      assertThrows(InvalidGroupParametersException.class, () -> ModpGroup.create(name, params), name);
    }
  }

  @Test
  @DisplayName("Wycheproof primality vectors: no composite is accepted, no prime refused")
  void primality() {
    int composites = 0;
    for (JsonNode v : VectorFiles.vectors("groups/primality-wycheproof.json")) {
      BigInteger n = new BigInteger(hex(v.get("value").asText()));
      boolean prime = Primality.isProbablePrime(n);
      String why = v.get("id") + " " + v.get("comment").asText();
      switch (v.get("result").asText()) {
        case "valid" -> assertTrue(prime, why);
        case "invalid" -> {
          assertTrue(!prime, why);
          composites++;
        }
        default -> { }
      }
    }
    assertTrue(composites > 200);
  }

  @Test
  @DisplayName("parameter validation names what is wrong")
  void parameterChecks() {
    SchnorrParameters good = StandardModpGroups.parameters("modp-2048-256");
    BigInteger p = good.p();
    BigInteger q = good.q();
    BigInteger g = good.g();
    assertThrows(InvalidGroupParametersException.class,
        () -> new SchnorrParameters(p.add(BigInteger.TWO), q, g).validate());
    assertThrows(InvalidGroupParametersException.class,
        () -> new SchnorrParameters(p, q.add(BigInteger.TWO), g).validate());
    assertThrows(InvalidGroupParametersException.class,
        () -> new SchnorrParameters(p, q, BigInteger.ONE).validate());
    assertThrows(InvalidGroupParametersException.class,
        () -> new SchnorrParameters(p, q, p.subtract(BigInteger.ONE)).validate());
    assertThrows(InvalidGroupParametersException.class,
        () -> new SchnorrParameters(p, q, BigInteger.valueOf(2)).validate());
    assertThrows(InvalidGroupParametersException.class,
        () -> new SchnorrParameters(p, q, g).validate(4096, 256));
  }

  @Test
  @DisplayName("every shipped standard group validates")
  void standardGroupsValidate() {
    for (String name : StandardModpGroups.names()) {
      ModpGroup g = StandardModpGroups.create(name);
      assertEquals(name, g.name());
      assertTrue(!StandardModpGroups.source(name).isEmpty(), name);
    }
  }

  @Test
  @DisplayName("the Jacobi symbol agrees with Euler's criterion")
  void jacobi() {
    BigInteger p = StandardModpGroups.parameters("modp-2048").p();
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 50; i++) {
      BigInteger x = new BigInteger(2040, r);
      BigInteger euler = x.modPow(p.shiftRight(1), p);
      int expected = euler.equals(BigInteger.ONE) ? 1 : euler.signum() == 0 ? 0 : -1;
      assertEquals(expected, Jacobi.symbol(x, p));
    }
    assertEquals(0, Jacobi.symbol(p, p));
    assertEquals(1, Jacobi.symbol(BigInteger.ONE, p));
  }
}
