package org.tabella.electionguard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * Strict reading of one egk or egk-ec JSON file: every refusal names the file and the JSON path.
 * Objects must have exactly the expected fields; binary values are in the record's
 * {@link EgFormat.Encoding}, elements of its group's stored length.
 */
final class EgJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private final String file;
  private final EgFormat format;

  /** A reader of {@code file} in {@code format} (null only for constants.json, which says the format). */
  EgJson(String file, EgFormat format) {
    this.file = file;
    this.format = format;
  }

  /**
   * Parses {@code path}.
   *
   * @throws java.nio.file.NoSuchFileException if it is missing (callers decide whether that is an error)
   */
  JsonNode parse(Path path) throws IOException, EgRecordException {
    try {
      return JSON.readTree(Files.readString(path));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw fail("$", "not JSON: " + e.getOriginalMessage());
    }
  }

  /** The JSON files under {@code root} (none if it is not a directory), in path order. */
  static java.util.List<Path> jsonFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return java.util.List.of();
    }
    try (java.util.stream.Stream<Path> s = Files.walk(root)) {
      return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** The file's name (as findings give it). */
  String file() {
    return file;
  }

  EgRecordException fail(String at, String message) {
    return new EgRecordException(file, at, message);
  }

  /** {@code o} is an object with exactly the {@code allowed} fields. */
  void fields(String at, JsonNode o, Set<String> allowed) throws EgRecordException {
    if (o == null || !o.isObject()) {
      throw fail(at, "an object is required");
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw fail(at + "." + f, "unknown field");
      }
    }
    for (String f : allowed) {
      if (!o.has(f)) {
        throw fail(at + "." + f, "missing field");
      }
    }
  }

  JsonNode array(String at, JsonNode a) throws EgRecordException {
    if (a == null || !a.isArray()) {
      throw fail(at, "an array is required");
    }
    return a;
  }

  String text(String at, JsonNode v) throws EgRecordException {
    if (v == null || !v.isTextual()) {
      throw fail(at, "a string is required");
    }
    return v.asText();
  }

  int integer(String at, JsonNode v, int min, int max) throws EgRecordException {
    if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw fail(at, "an integer in " + min + ".." + max + " is required");
    }
    return v.asInt();
  }

  boolean bool(String at, JsonNode v) throws EgRecordException {
    if (v == null || !v.isBoolean()) {
      throw fail(at, "a boolean is required");
    }
    return v.asBoolean();
  }

  /** A 32-byte hash. */
  byte[] hash(String at, JsonNode v) throws EgRecordException {
    return format.encoding() == EgFormat.Encoding.HEX ? bytes(at, v, 32, true) : base64(at, v, 32, true);
  }

  /** Binary data of at most {@code max} bytes (B_aux). */
  byte[] blob(String at, JsonNode v, int max) throws EgRecordException {
    return format.encoding() == EgFormat.Encoding.HEX ? bytes(at, v, max, false) : base64(at, v, max, false);
  }

  /** A group element's stored form, as a number (see {@link EgGroup}); not yet validated. */
  BigInteger element(String at, JsonNode v) throws EgRecordException {
    int length = format.group().elementLength();
    return format.encoding() == EgFormat.Encoding.HEX ? number(at, v, length) : new BigInteger(1, base64(at, v, length, true));
  }

  /** An exponent (a challenge or response) of at most 32 bytes, not yet range-checked. */
  BigInteger scalar(String at, JsonNode v) throws EgRecordException {
    return format.encoding() == EgFormat.Encoding.HEX ? number(at, v, 32) : new BigInteger(1, base64(at, v, 32, true));
  }

  /** Canonical padded base64 of exactly (or at most) {@code max} bytes. */
  byte[] base64(String at, JsonNode v, int max, boolean exact) throws EgRecordException {
    String s = text(at, v);
    byte[] b;
    try {
      b = java.util.Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw fail(at, "base64 is required");
    }
    if (!java.util.Base64.getEncoder().encodeToString(b).equals(s)) {
      throw fail(at, "canonical padded base64 is required");
    }
    if (b.length > max || (exact && b.length != max)) {
      throw fail(at, "base64 of " + (exact ? "" : "at most ") + max + " bytes is required, got " + b.length);
    }
    return b;
  }

  /** Uppercase hex of exactly {@code max} bytes when {@code exact}, else of at most {@code max}. */
  byte[] bytes(String at, JsonNode v, int max, boolean exact) throws EgRecordException {
    String s = text(at, v);
    if (!s.matches("([0-9A-F]{2})*") || s.length() > 2 * max || (exact && s.length() != 2 * max)) {
      throw fail(at, "uppercase hex of " + (exact ? "" : "at most ") + max + " bytes is required");
    }
    return HexFormat.of().parseHex(s);
  }

  /** A non-empty uppercase hex number of at most {@code max} bytes. */
  BigInteger number(String at, JsonNode v, int max) throws EgRecordException {
    byte[] b = bytes(at, v, max, false);
    if (b.length == 0) {
      throw fail(at, "a non-empty hex number is required");
    }
    return new BigInteger(1, b);
  }
}
