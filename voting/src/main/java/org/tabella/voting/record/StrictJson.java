package org.tabella.voting.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;

/**
 * Strict reading of one record file: a JSON object whose fields are exactly the expected ones
 * (none unknown, none missing, none twice), each of the expected type; byte strings as lowercase
 * hex; group elements and scalars through the group's validating decoders. Every refusal is an
 * {@link InvalidRecordException} naming the file and the JSON path.
 */
final class StrictJson {
  private static final HexFormat HEX = HexFormat.of();
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private StrictJson() {}

  /** Parses a whole file's text. */
  static Obj parse(String file, String text, Set<String> fields) throws InvalidRecordException {
    JsonNode n;
    try {
      n = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException(file, "$", "not JSON: " + e.getOriginalMessage());
    }
    if (n == null) {
      throw new InvalidRecordException(file, "$", "empty file");
    }
    return new Obj(file, "$", n, fields);
  }

  /** One JSON object with a fixed set of fields. */
  static final class Obj {
    final String file;
    final String path;
    private final JsonNode node;

    Obj(String file, String path, JsonNode node, Set<String> fields) throws InvalidRecordException {
      this.file = file;
      this.path = path;
      this.node = node;
      if (node == null || !node.isObject()) {
        throw fail(path, "expected an object");
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String f = names.next();
        if (!fields.contains(f)) {
          throw fail(path + "." + f, "unknown field");
        }
      }
      for (String f : fields) {
        if (!node.has(f)) {
          throw fail(path + "." + f, "missing field");
        }
      }
    }

    InvalidRecordException fail(String at, String message) {
      return new InvalidRecordException(file, at, message);
    }

    private JsonNode get(String f) {
      return node.get(f);
    }

    String text(String f) throws InvalidRecordException {
      JsonNode v = get(f);
      if (!v.isTextual()) {
        throw fail(path + "." + f, "expected a string");
      }
      return v.textValue();
    }

    long integer(String f, long min, long max) throws InvalidRecordException {
      return StrictJson.integer(this, get(f), path + "." + f, min, max);
    }

    boolean bool(String f) throws InvalidRecordException {
      JsonNode v = get(f);
      if (!v.isBoolean()) {
        throw fail(path + "." + f, "expected true or false");
      }
      return v.booleanValue();
    }

    boolean isNull(String f) {
      return get(f).isNull();
    }

    Obj object(String f, Set<String> fields) throws InvalidRecordException {
      return new Obj(file, path + "." + f, get(f), fields);
    }

    /** The elements of array field {@code f}, with their paths. */
    List<Item> array(String f, int max) throws InvalidRecordException {
      JsonNode v = get(f);
      String at = path + "." + f;
      if (!v.isArray()) {
        throw fail(at, "expected an array");
      }
      if (v.size() > max) {
        throw fail(at, "more than " + max + " items");
      }
      List<Item> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        out.add(new Item(this, at + "[" + i + "]", v.get(i)));
      }
      return out;
    }

    byte[] hex(String f, int maxBytes) throws InvalidRecordException {
      return StrictJson.hex(this, get(f), path + "." + f, maxBytes);
    }

    Element element(String f, Group g) throws InvalidRecordException {
      return StrictJson.element(this, hex(f, g.elementLength()), path + "." + f, g);
    }

    Element nonIdentity(String f, Group g) throws InvalidRecordException {
      Element e = element(f, g);
      if (e.isIdentity()) {
        throw fail(path + "." + f, "the identity is not allowed here");
      }
      return e;
    }

    Scalar scalar(String f, Group g) throws InvalidRecordException {
      try {
        return g.decodeScalar(hex(f, g.scalarLength()));
      } catch (InvalidEncodingException e) {
        throw fail(path + "." + f, "invalid scalar: " + e.getMessage());
      }
    }

    Ciphertext ciphertext(String f, Group g) throws InvalidRecordException {
      try {
        return Ciphertext.decode(g, hex(f, 2 * g.elementLength()));
      } catch (InvalidEncodingException e) {
        throw fail(path + "." + f, "invalid ciphertext: " + e.getMessage());
      }
    }
  }

  /** One array element. */
  record Item(Obj parent, String path, JsonNode node) {
    Obj object(Set<String> fields) throws InvalidRecordException {
      return new Obj(parent.file, path, node, fields);
    }

    long integer(long min, long max) throws InvalidRecordException {
      return StrictJson.integer(parent, node, path, min, max);
    }

    byte[] hex(int maxBytes) throws InvalidRecordException {
      return StrictJson.hex(parent, node, path, maxBytes);
    }

    Element nonIdentity(Group g) throws InvalidRecordException {
      Element e = StrictJson.element(parent, hex(g.elementLength()), path, g);
      if (e.isIdentity()) {
        throw parent.fail(path, "the identity is not allowed here");
      }
      return e;
    }
  }

  static long integer(Obj o, JsonNode v, String at, long min, long max) throws InvalidRecordException {
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw o.fail(at, "expected an integer");
    }
    long x = v.longValue();
    if (x < min || x > max) {
      throw o.fail(at, x + " outside " + min + ".." + max);
    }
    return x;
  }

  static byte[] hex(Obj o, JsonNode v, String at, int maxBytes) throws InvalidRecordException {
    if (!v.isTextual()) {
      throw o.fail(at, "expected a hex string");
    }
    String s = v.textValue();
    if (s.length() % 2 != 0 || s.length() > 2L * maxBytes) {
      throw o.fail(at, "hex of the wrong length");
    }
    byte[] b;
    try {
      b = HEX.parseHex(s);
    } catch (IllegalArgumentException e) {
      throw o.fail(at, "not hex");
    }
    if (!HEX.formatHex(b).equals(s)) {
      throw o.fail(at, "hex must be lowercase");
    }
    return b;
  }

  static Element element(Obj o, byte[] b, String at, Group g) throws InvalidRecordException {
    try {
      return g.decode(b);
    } catch (InvalidEncodingException e) {
      throw o.fail(at, "invalid group element: " + e.getMessage());
    }
  }

  static String hex(byte[] b) {
    return HEX.formatHex(b);
  }
}
