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
 * Strict reading of one egk JSON file: every refusal names the file and the JSON path. Objects
 * must have exactly the expected fields; binary values are uppercase hex (egk's form).
 */
final class EgJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private final String file;

  EgJson(String file) {
    this.file = file;
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
