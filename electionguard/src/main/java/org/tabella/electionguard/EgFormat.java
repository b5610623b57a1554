package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * How a record's files write their values, read from its {@code constants.json} (SPEC.md §6.4):
 * egk writes uppercase hex (numbers without leading zero bytes) and the integer group's constants
 * as {@code large_prime, small_prime, cofactor, generator}; egk-ec writes base64 of the exact
 * stored length (33 or 512 bytes for elements, 32 for exponents and hashes) and its constants as
 * {@code name, type, protocolVersion, constants} in lowercase hex, for an {@code IntegerGroup} or
 * an {@code EllipticCurve}.
 *
 * @param encoding how binary values are written
 * @param constants the constants the record states (they name its group)
 * @param protocolVersion egk-ec's {@code protocolVersion}, or empty for egk
 */
public record EgFormat(Encoding encoding, EgConstants constants, String protocolVersion) {
  /** How binary values are written. */
  public enum Encoding {
    /** Uppercase hex (egk). */
    HEX,
    /** Standard base64 with padding, exact lengths (egk-ec). */
    BASE64
  }

  /** The record's group. */
  public EgGroup group() {
    return constants.group();
  }

  /** Reads {@code dir/constants.json}. */
  public static EgFormat read(Path dir) throws IOException, EgRecordException {
    EgJson cj = new EgJson("constants.json", null);
    JsonNode c;
    try {
      c = cj.parse(dir.resolve(cj.file()));
    } catch (NoSuchFileException e) {
      throw cj.fail("$", "missing");
    }
    if (c != null && c.isObject() && c.has("large_prime")) {
      cj.fields("$", c, Set.of("name", "large_prime", "small_prime", "cofactor", "generator"));
      EgJson hex = new EgJson("constants.json", new EgFormat(Encoding.HEX, EgParameters.standard(), ""));
      return new EgFormat(Encoding.HEX, new EgParameters(hex.number("$.large_prime", c.get("large_prime"), 512),
          hex.number("$.small_prime", c.get("small_prime"), 32), hex.number("$.generator", c.get("generator"), 512)), "");
    }
    cj.fields("$", c, Set.of("name", "type", "protocolVersion", "constants"));
    String type = cj.text("$.type", c.get("type"));
    String version = cj.text("$.protocolVersion", c.get("protocolVersion"));
    JsonNode k = c.get("constants");
    switch (type) {
      case "IntegerGroup":
        cj.fields("$.constants", k, Set.of("largePrime", "smallPrime", "cofactor", "generator"));
        return new EgFormat(Encoding.BASE64, new EgParameters(lowerHex(cj, "$.constants.largePrime", k.get("largePrime")),
            lowerHex(cj, "$.constants.smallPrime", k.get("smallPrime")), lowerHex(cj, "$.constants.generator",
                k.get("generator"))), version);
      case "EllipticCurve":
        cj.fields("$.constants", k, Set.of("a", "b", "primeModulus", "order", "g.x", "g.y", "h"));
        return new EgFormat(Encoding.BASE64, new EgCurveParameters(lowerHex(cj, "$.constants.a", k.get("a")),
            lowerHex(cj, "$.constants.b", k.get("b")), lowerHex(cj, "$.constants.primeModulus", k.get("primeModulus")),
            lowerHex(cj, "$.constants.order", k.get("order")), lowerHex(cj, "$.constants.g.x", k.get("g.x")),
            lowerHex(cj, "$.constants.g.y", k.get("g.y")), lowerHex(cj, "$.constants.h", k.get("h"))), version);
      default:
        throw cj.fail("$.type", "IntegerGroup or EllipticCurve is required, not " + type);
    }
  }

  /** egk-ec's constants: lowercase hex, at most 512 bytes. */
  private static BigInteger lowerHex(EgJson json, String at, JsonNode v) throws EgRecordException {
    String s = json.text(at, v);
    if (!s.matches("[0-9a-f]{1,1024}")) {
      throw json.fail(at, "lowercase hex of at most 512 bytes is required");
    }
    return new BigInteger(s, 16);
  }
}
