package org.tabella.groups.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tabella.vectors.VectorFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.groups.Element;
import org.tabella.groups.Groups;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;
import org.tabella.vectors.VectorFiles;

@DisplayName("the elliptic-curve groups reproduce external vectors")
class EcVectorsTest {

  private static EcGroup group(JsonNode doc) {
    return (EcGroup) Groups.named(doc.get("group").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"multiples-p-256.json", "multiples-p-384.json", "multiples-secp256k1.json"})
  @DisplayName("k·G known answers through exp, expPublic and the generator table")
  void scalarMultiples(String file) {
    JsonNode doc = VectorFiles.load("groups/" + file);
    EcGroup g = group(doc);
    for (JsonNode v : doc.get("vectors")) {
      Scalar k = g.scalar(new BigInteger(v.get("k").asText(), 16).mod(g.order()));
      String expected = v.get("encoding").asText();
      assertEquals(expected, hex(g.generator().expPublic(k).encode()), "k = " + v.get("k"));
      assertEquals(expected, hex(g.generator().exp(k).encode()), "k = " + v.get("k"));
      assertEquals(expected, hex(g.generatorTable().exp(k).encode()), "k = " + v.get("k"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sec1-points-p-256.json", "sec1-points-p-384.json", "sec1-points-secp256k1.json"})
  @DisplayName("SEC1 decoding accepts exactly the valid points; canonical decoding only compressed ones")
  void sec1Points(String file) throws InvalidEncodingException {
    JsonNode doc = VectorFiles.load("groups/" + file);
    EcGroup g = group(doc);
    for (JsonNode v : doc.get("vectors")) {
      byte[] bytes = hex(v.get("encoding").asText());
      String why = v.get("comment").asText();
      if (v.get("expected").asText().equals("accept")) {
        Element e = g.decodeSec1(bytes);
        assertEquals(e, g.decode(e.encode()), why);
        if (bytes.length == g.elementLength()) {
          assertArrayEquals(bytes, g.decode(bytes).encode(), why);
        } else {
          assertThrows(InvalidEncodingException.class, () -> g.decode(bytes), why);
        }
      } else {
        assertThrows(InvalidEncodingException.class, () -> g.decodeSec1(bytes), why);
        assertThrows(InvalidEncodingException.class, () -> g.decode(bytes), why);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ecdh-p-256-wycheproof.json", "ecdh-p-384-wycheproof.json"})
  @DisplayName("Wycheproof ECDH: invalid public points are rejected at decode, valid secrets reproduced")
  void wycheproofEcdh(String file) {
    JsonNode doc = VectorFiles.load("groups/" + file);
    EcGroup g = group(doc);
    int valid = 0;
    int invalid = 0;
    for (JsonNode v : doc.get("vectors")) {
      byte[] pub = hex(v.get("public").asText());
      String result = v.get("result").asText();
      String why = v.get("id") + " " + v.get("comment").asText();
      Element point;
      try {
        point = g.decodeSec1(pub);
      } catch (InvalidEncodingException e) {
        assertTrue(!result.equals("valid"), "valid point rejected: " + why);
        invalid++;
        continue;
      }
      assertTrue(!result.equals("invalid"), "invalid point accepted: " + why);
      Scalar d = Scalar.reduce(new BigInteger(1, hex(v.get("private").asText())), g.order());
      byte[] shared = point.exp(d).encode();
      assertEquals(v.get("shared").asText(), hex(Arrays.copyOfRange(shared, 1, shared.length)), why);
      valid++;
    }
    assertTrue(valid > 300 && invalid > 15, "valid " + valid + ", invalid " + invalid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hash-to-curve-p-256-rfc9380.json", "hash-to-curve-p-384-rfc9380.json",
      "hash-to-curve-secp256k1-rfc9380.json"})
  @DisplayName("RFC 9380 hash_to_curve, with hash_to_field and map_to_curve checked on the way")
  void hashToCurve(String file) {
    JsonNode doc = VectorFiles.load("groups/" + file);
    EcGroup g = group(doc);
    byte[] dst = doc.get("dst").asText().getBytes(StandardCharsets.UTF_8);
    for (JsonNode v : doc.get("vectors")) {
      byte[] msg = v.get("msg").asText().getBytes(StandardCharsets.UTF_8);
      BigInteger[] u = g.hashToField(msg, dst);
      assertEquals(new BigInteger(v.get("u").get(0).asText(), 16), u[0]);
      assertEquals(new BigInteger(v.get("u").get(1).asText(), 16), u[1]);
      assertEquals(v.get("q0").asText(), hex(g.mapToCurve(u[0]).getEncoded(true)));
      assertEquals(v.get("q1").asText(), hex(g.mapToCurve(u[1]).getEncoded(true)));
      assertEquals(v.get("output").asText(), hex(g.hashToElement(msg, dst).encode()));
    }
  }
}
