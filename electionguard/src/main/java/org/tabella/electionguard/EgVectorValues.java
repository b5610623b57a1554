package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;

/** The values of our converted ElectionGuard vectors (hex numbers, elements, strings, the revision they follow). */
final class EgVectorValues {
  private EgVectorValues() {}

  /** The one pre-release revision egk's key-ceremony and pre-encryption vectors follow. */
  static final String REVISION = "egk-2023-07";

  static void requireRevision(JsonNode v) {
    if (!REVISION.equals(v.path("revision").asText())) {
      throw new IllegalArgumentException("only revision " + REVISION + " is known, not " + v.path("revision").asText());
    }
  }

  static BigInteger num(JsonNode n) {
    return new BigInteger(1, bytes(n));
  }

  static byte[] bytes(JsonNode n) {
    return HexFormat.of().parseHex(n.asText());
  }

  static byte[] utf8(JsonNode n) {
    return n.asText().getBytes(StandardCharsets.UTF_8);
  }

  static Element element(Group g, BigInteger x) throws InvalidEncodingException {
    return g.decode(EgHash.fixed(x, g.elementLength()));
  }
}
