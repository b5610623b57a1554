package org.tabella.electionguard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of an egk or egk-ec ElectionGuard 2.0 record (a directory of JSON files, hex or base64
 * as {@link EgFormat} says) that verification steps 1–3 need, read strictly: unknown, missing or
 * mistyped fields are refused with file and path. {@code manifest.json} is kept as its exact bytes
 * (it is hashed as stored). Elements are held in their stored form ({@link EgGroup}).
 *
 * @param format constants.json: the encoding and the stated group constants
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
 * @param chained whether confirmation codes are chained per device (chain_confirmation_codes)
 * @param baux0 the configuration's B_aux,0
 * @param contests the manifest's contests (ids, limits, options)
 */
public record EgRecord(EgFormat format, String version, int guardians, int quorum, byte[] parameterBaseHash,
    byte[] manifestHash, byte[] electionBaseHash, byte[] manifest, BigInteger jointKey, byte[] extendedBaseHash,
    List<Guardian> guardianRecords, boolean chained, byte[] baux0, EgManifest contests) {

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
    baux0 = baux0.clone();
  }

  /** The constants the record states. */
  public EgConstants parameters() {
    return format.constants();
  }

  /** The record's group and its rules. */
  public EgGroup group() {
    return format.group();
  }

  /** Reads {@code dir}. */
  public static EgRecord read(Path dir) throws IOException, EgRecordException {
    EgFormat format = EgFormat.read(dir);
    EgJson fj = new EgJson("election_config.json", format);
    JsonNode config = load(fj, dir);
    fj.fields("$", config, Set.of("config_version", "number_of_guardians", "quorum", "parameter_base_hash", "manifest_hash",
        "election_base_hash", "chain_confirmation_codes", "baux0", "metadata"));
    String version = fj.text("$.config_version", config.get("config_version"));
    int n = fj.integer("$.number_of_guardians", config.get("number_of_guardians"), 1, 1 << 16);
    int k = fj.integer("$.quorum", config.get("quorum"), 1, n);
    byte[] hp = fj.hash("$.parameter_base_hash", config.get("parameter_base_hash"));
    byte[] hm = fj.hash("$.manifest_hash", config.get("manifest_hash"));
    byte[] hb = fj.hash("$.election_base_hash", config.get("election_base_hash"));
    boolean chained = fj.bool("$.chain_confirmation_codes", config.get("chain_confirmation_codes"));
    byte[] baux0;
    if (format.encoding() == EgFormat.Encoding.BASE64) {
      baux0 = fj.blob("$.baux0", config.get("baux0"), 1 << 16);
    } else {
      JsonNode bx = fj.array("$.baux0", config.get("baux0"));
      baux0 = new byte[bx.size()];
      for (int i = 0; i < baux0.length; i++) {
        // egk writes a byte array as JSON numbers, signed as Kotlin's bytes are
        baux0[i] = (byte) fj.integer("$.baux0[" + i + "]", bx.get(i), -128, 127);
      }
    }
    byte[] manifest;
    try {
      manifest = Files.readAllBytes(dir.resolve("manifest.json"));
    } catch (NoSuchFileException e) {
      throw new EgRecordException("manifest.json", "$", "missing");
    }
    EgManifest contests = EgManifest.parse(manifest);
    EgJson ij = new EgJson("election_initialized.json", format);
    JsonNode init = load(ij, dir);
    ij.fields("$", init, Set.of("joint_public_key", "extended_base_hash", "guardians"));
    BigInteger jointKey = ij.element("$.joint_public_key", init.get("joint_public_key"));
    byte[] he = ij.hash("$.extended_base_hash", init.get("extended_base_hash"));
    JsonNode gs = ij.array("$.guardians", init.get("guardians"));
    List<Guardian> guardians = new ArrayList<>();
    for (int i = 0; i < gs.size(); i++) {
      String at = "$.guardians[" + i + "]";
      JsonNode g = gs.get(i);
      ij.fields(at, g, Set.of("guardian_id", "x_coordinate", "coefficient_proofs"));
      JsonNode ps = ij.array(at + ".coefficient_proofs", g.get("coefficient_proofs"));
      List<CoefficientProof> proofs = new ArrayList<>();
      for (int j = 0; j < ps.size(); j++) {
        String pat = at + ".coefficient_proofs[" + j + "]";
        JsonNode p = ps.get(j);
        ij.fields(pat, p, Set.of("public_key", "challenge", "response"));
        proofs.add(new CoefficientProof(ij.element(pat + ".public_key", p.get("public_key")),
            ij.scalar(pat + ".challenge", p.get("challenge")), ij.scalar(pat + ".response", p.get("response"))));
      }
      guardians.add(new Guardian(ij.text(at + ".guardian_id", g.get("guardian_id")),
          ij.integer(at + ".x_coordinate", g.get("x_coordinate"), 1, 1 << 16), proofs));
    }
    return new EgRecord(format, version, n, k, hp, hm, hb, manifest, jointKey, he, guardians, chained, baux0, contests);
  }

  private static JsonNode load(EgJson json, Path dir) throws IOException, EgRecordException {
    try {
      return json.parse(dir.resolve(json.file()));
    } catch (NoSuchFileException e) {
      throw json.fail("$", "missing");
    }
  }
}
