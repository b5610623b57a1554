package org.tabella.electionguard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The parts of an egk ElectionGuard 2.0 record (a directory of JSON files, uppercase hex) that
 * verification steps 1–3 need, read strictly: unknown, missing or mistyped fields are refused with
 * file and path. {@code manifest.json} is kept as its exact bytes (it is hashed as stored).
 *
 * @param parameters constants.json
 * @param version config_version
 * @param guardians number_of_guardians (n)
 * @param quorum k
 * @param parameterBaseHash the H_P the record states
 * @param manifestHash the H_M it states
 * @param electionBaseHash the H_B it states
 * @param manifest the manifest's bytes
 * @param jointKey K as stated
 * @param extendedBaseHash H_E as stated
 * @param guardianRecords each guardian's coordinate and coefficient proofs
 */
public record EgRecord(EgParameters parameters, String version, int guardians, int quorum, byte[] parameterBaseHash,
    byte[] manifestHash, byte[] electionBaseHash, byte[] manifest, BigInteger jointKey, byte[] extendedBaseHash,
    List<Guardian> guardianRecords) {

  /** One coefficient's commitment K_ij and its Schnorr proof (c, v). */
  public record CoefficientProof(BigInteger commitment, BigInteger challenge, BigInteger response) {}

  /** A guardian: its id, its coordinate i, and one proof per coefficient j = 0..k−1. */
  public record Guardian(String id, int coordinate, List<CoefficientProof> proofs) {
    /** Copies. */
    public Guardian {
      proofs = List.copyOf(proofs);
    }
  }

  /** Copies. */
  public EgRecord {
    guardianRecords = List.copyOf(guardianRecords);
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  /** Reads {@code dir}. */
  public static EgRecord read(Path dir) throws IOException, EgRecordException {
    JsonNode constants = load(dir, "constants.json");
    fields("constants.json", "$", constants, Set.of("name", "large_prime", "small_prime", "cofactor", "generator"));
    EgParameters params = new EgParameters(hex("constants.json", "$.large_prime", constants, 512),
        hex("constants.json", "$.small_prime", constants, 32), hex("constants.json", "$.generator", constants, 512));
    JsonNode config = load(dir, "election_config.json");
    fields("election_config.json", "$", config, Set.of("config_version", "number_of_guardians", "quorum",
        "parameter_base_hash", "manifest_hash", "election_base_hash", "chain_confirmation_codes", "baux0", "metadata"));
    String version = text("election_config.json", "$.config_version", config);
    int n = integer("election_config.json", "$.number_of_guardians", config, 1, 1 << 16);
    int k = integer("election_config.json", "$.quorum", config, 1, n);
    byte[] hp = hash("election_config.json", "$.parameter_base_hash", config);
    byte[] hm = hash("election_config.json", "$.manifest_hash", config);
    byte[] hb = hash("election_config.json", "$.election_base_hash", config);
    byte[] manifest;
    try {
      manifest = Files.readAllBytes(dir.resolve("manifest.json"));
    } catch (NoSuchFileException e) {
      throw new EgRecordException("manifest.json", "$", "missing");
    }
    JsonNode init = load(dir, "election_initialized.json");
    fields("election_initialized.json", "$", init, Set.of("joint_public_key", "extended_base_hash", "guardians"));
    BigInteger jointKey = hex("election_initialized.json", "$.joint_public_key", init, 512);
    byte[] he = hash("election_initialized.json", "$.extended_base_hash", init);
    JsonNode gs = init.get("guardians");
    if (gs == null || !gs.isArray()) {
      throw new EgRecordException("election_initialized.json", "$.guardians", "an array is required");
    }
    List<Guardian> guardians = new ArrayList<>();
    for (int i = 0; i < gs.size(); i++) {
      String at = "$.guardians[" + i + "]";
      JsonNode g = gs.get(i);
      fields("election_initialized.json", at, g, Set.of("guardian_id", "x_coordinate", "coefficient_proofs"));
      JsonNode ps = g.get("coefficient_proofs");
      if (!ps.isArray()) {
        throw new EgRecordException("election_initialized.json", at + ".coefficient_proofs", "an array is required");
      }
      List<CoefficientProof> proofs = new ArrayList<>();
      for (int j = 0; j < ps.size(); j++) {
        String pat = at + ".coefficient_proofs[" + j + "]";
        JsonNode p = ps.get(j);
        fields("election_initialized.json", pat, p, Set.of("public_key", "challenge", "response"));
        proofs.add(new CoefficientProof(hex("election_initialized.json", pat + ".public_key", p, 512),
            hex("election_initialized.json", pat + ".challenge", p, 32), hex("election_initialized.json", pat + ".response", p, 32)));
      }
      guardians.add(new Guardian(text("election_initialized.json", at + ".guardian_id", g),
          integer("election_initialized.json", at + ".x_coordinate", g, 1, 1 << 16), proofs));
    }
    return new EgRecord(params, version, n, k, hp, hm, hb, manifest, jointKey, he, guardians);
  }

  private static JsonNode load(Path dir, String file) throws IOException, EgRecordException {
    try {
      return JSON.readTree(Files.readString(dir.resolve(file)));
    } catch (NoSuchFileException e) {
      throw new EgRecordException(file, "$", "missing");
    } catch (JsonProcessingException e) {
      throw new EgRecordException(file, "$", "not JSON: " + e.getOriginalMessage());
    }
  }

  private static void fields(String file, String at, JsonNode o, Set<String> allowed) throws EgRecordException {
    if (o == null || !o.isObject()) {
      throw new EgRecordException(file, at, "an object is required");
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new EgRecordException(file, at + "." + f, "unknown field");
      }
    }
    for (String f : allowed) {
      if (!o.has(f)) {
        throw new EgRecordException(file, at + "." + f, "missing field");
      }
    }
  }

  private static String text(String file, String at, JsonNode o) throws EgRecordException {
    JsonNode v = o.get(at.substring(at.lastIndexOf('.') + 1));
    if (v == null || !v.isTextual()) {
      throw new EgRecordException(file, at, "a string is required");
    }
    return v.asText();
  }

  private static int integer(String file, String at, JsonNode o, int min, int max) throws EgRecordException {
    JsonNode v = o.get(at.substring(at.lastIndexOf('.') + 1));
    if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw new EgRecordException(file, at, "an integer in " + min + ".." + max + " is required");
    }
    return v.asInt();
  }

  /** Uppercase hex of at most {@code bytes} bytes (egk writes fixed widths, leading zeros kept). */
  private static BigInteger hex(String file, String at, JsonNode o, int bytes) throws EgRecordException {
    String s = text(file, at, o);
    if (!s.matches("([0-9A-F]{2})+") || s.length() > 2 * bytes) {
      throw new EgRecordException(file, at, "uppercase hex of at most " + bytes + " bytes is required");
    }
    return new BigInteger(1, java.util.HexFormat.of().parseHex(s));
  }

  private static byte[] hash(String file, String at, JsonNode o) throws EgRecordException {
    String s = text(file, at, o);
    if (!s.matches("[0-9A-F]{64}")) {
      throw new EgRecordException(file, at, "a 32-byte hash in uppercase hex is required");
    }
    return java.util.HexFormat.of().parseHex(s);
  }
}
