package org.tabella.electionguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.groups.Element;
import org.tabella.groups.Group;

/**
 * ElectionGuard 2.0 steps 7, 9 and 10 against egk's data: both sample records' published counts
 * and decryption proofs verify (someAvailable was decrypted by a quorum with guardians missing);
 * every changed count, T, proof, ciphertext, id, a missing or duplicated count is found and named;
 * chaining (unchained and a chained device) is checked; and egk's tally and ballot decryption test
 * vectors are reproduced as known answers by every quorum (partial decryptions A^{s_i} combined
 * with Lagrange coefficients at 0), failing for a changed key share or one guardian fewer.
 */
@DisplayName("ElectionGuard 2.0 verification, steps 7, 9, 10")
class ElectionGuardTallyTest {
  @TempDir
  Path dir;

  static final String BASE = "/org/tabella/vectors/electionguard/";

  Path copy(String name, boolean withBallots) throws Exception {
    Path to = Files.createDirectories(dir.resolve(name + "-" + System.nanoTime()));
    List<String> files = new ArrayList<>(List.of("constants.json", "election_config.json", "election_initialized.json",
        "manifest.json", "encrypted_tally.json", "tally.json"));
    if (withBallots) {
      String device = name.equals("egk-allAvailableJson") ? "runWorkflowAllAvailableJson" : "runWorkflowSomeAvailableJson";
      for (int i = 1; i <= 11; i++) {
        files.add("encrypted_ballots/" + device + "/eballot-id-" + i + ".json");
      }
    }
    for (String f : files) {
      try (var in = getClass().getResourceAsStream(BASE + name + "/" + f)) {
        Files.createDirectories(to.resolve(f).getParent());
        Files.copy(in, to.resolve(f));
      }
    }
    return to;
  }

  static EgVerifier.Report verifyCounts(Path d) throws Exception {
    return EgVerifier.verify(EgRecord.read(d), List.of(), EgTally.read(d), EgDecryptedTally.read(d));
  }

  @ParameterizedTest
  @ValueSource(strings = {"egk-allAvailableJson", "egk-someAvailableJson"})
  void bothRecordsPublishedCountsAndDecryptionProofsVerify(String name) throws Exception {
    EgVerifier.Report r = verifyCounts(copy(name, false));
    assertTrue(r.passed(), r.findings().toString());
    assertEquals(400, r.checks().get(EgVerifier.Step.TALLY_DECRYPTION));
    assertTrue(r.checks().get(EgVerifier.Step.TALLY_VALUES) >= 101);
    assertFalse(r.complete(), "without its ballots the record is not verified end to end");
    assertTrue(r.notChecked().stream().anyMatch(n -> n.contains("ballots")), r.notChecked().toString());
  }

  @Test
  void theSomeAvailableRecordVerifiesEndToEnd() throws Exception {
    Path d = copy("egk-someAvailableJson", true);
    EgVerifier.Report r = EgVerifier.verify(EgRecord.read(d), EgBallot.readAll(d), EgTally.read(d), EgDecryptedTally.read(d));
    assertTrue(r.passed(), r.findings().toString());
    assertTrue(r.complete(), r.notChecked().toString());
    for (EgVerifier.Step s : EgVerifier.Step.values()) {
      if (s.number() <= 10) { // egk's records have no contest data decrypted and no challenged ballots
        assertTrue(r.checks().getOrDefault(s, 0) > 0, "step " + s.number() + " made no check");
      }
    }
  }

  /** The first selection of tally.json: its text, to change one field at a time. */
  static final String FIRST = "\"selection_id\": \"selection1\"";

  static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\": ", json.indexOf(FIRST)) + name.length() + 4;
    int end = json.charAt(at) == '"' ? json.indexOf('"', at + 1) + 1 : json.indexOf(',', at);
    return json.substring(at, end);
  }

  static void replaceFirstSelectionField(Path d, String name, String value) throws Exception {
    String s = Files.readString(d.resolve("tally.json"));
    int start = s.indexOf("\"" + name + "\": ", s.indexOf(FIRST)) + name.length() + 4;
    String old = field(s, name);
    Files.writeString(d.resolve("tally.json"), s.substring(0, start) + value + s.substring(start + old.length()));
  }

  static String flip(String quotedHex) {
    char last = quotedHex.charAt(quotedHex.length() - 2);
    return quotedHex.substring(0, quotedHex.length() - 2) + (last == '0' ? '1' : '0') + "\"";
  }

  static void assertFound(EgVerifier.Report r, EgVerifier.Step step, String where) {
    assertTrue(r.findings().stream().anyMatch(f -> f.step() == step && f.location().contains(where)),
        "expected a step " + step.number() + " finding at " + where + ", got " + r.findings());
  }

  @Test
  void everyChangedFieldOfAPublishedCountIsFoundAndNamed() throws Exception {
    String at = "tally.json contest contest1 selection selection1";
    String tally = Files.readString(copy("egk-allAvailableJson", false).resolve("tally.json"));
    int count = Integer.parseInt(field(tally, "tally"));

    Path d = copy("egk-allAvailableJson", false);
    replaceFirstSelectionField(d, "tally", Integer.toString(count + 1));
    assertFound(verifyCounts(d), EgVerifier.Step.TALLY_VALUES, at + " b_over_m");

    d = copy("egk-allAvailableJson", false);
    replaceFirstSelectionField(d, "b_over_m", flip(field(tally, "b_over_m")));
    EgVerifier.Report r = verifyCounts(d);
    assertFalse(r.passed());
    assertTrue(r.findings().stream().allMatch(f -> f.location().startsWith(at)), r.findings().toString());

    d = copy("egk-allAvailableJson", false);
    replaceFirstSelectionField(d, "challenge", flip(field(tally, "challenge")));
    assertFound(verifyCounts(d), EgVerifier.Step.TALLY_DECRYPTION, at + " proof");

    d = copy("egk-allAvailableJson", false);
    replaceFirstSelectionField(d, "response", flip(field(tally, "response")));
    assertFound(verifyCounts(d), EgVerifier.Step.TALLY_DECRYPTION, at + " proof");

    d = copy("egk-allAvailableJson", false);
    replaceFirstSelectionField(d, "pad", flip(field(tally, "pad")));
    assertFound(verifyCounts(d), EgVerifier.Step.TALLY_DECRYPTION, at + " encrypted_vote");

    d = copy("egk-allAvailableJson", false);
    String s = Files.readString(d.resolve("tally.json"));
    Files.writeString(d.resolve("tally.json"), s.replaceFirst("\"election_id\": \"6", "\"election_id\": \"7"));
    assertFound(verifyCounts(d), EgVerifier.Step.TALLY_VALUES, "tally.json election_id");
  }

  @Test
  void aMissingDuplicatedOrForeignCountIsFound() throws Exception {
    Path d = copy("egk-allAvailableJson", false);
    String s = Files.readString(d.resolve("tally.json"));
    Files.writeString(d.resolve("tally.json"), s.replaceFirst("\"selection_id\": \"selection1\"", "\"selection_id\": \"selection9\""));
    EgVerifier.Report r = verifyCounts(d);
    assertFound(r, EgVerifier.Step.TALLY_VALUES, "tally.json contest contest1 selection selection9");
    assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("no count for the manifest's option contest1/selection1")),
        r.findings().toString());
    // contest2's first selection (selection6) renamed to its second: published twice
    d = copy("egk-allAvailableJson", false);
    s = Files.readString(d.resolve("tally.json"));
    int c2 = s.indexOf("\"contest_id\": \"contest2\"");
    String head = s.substring(0, c2);
    String tail = s.substring(c2).replaceFirst("\"selection_id\": \"selection6\"", "\"selection_id\": \"selection7\"");
    Files.writeString(d.resolve("tally.json"), head + tail);
    r = verifyCounts(d);
    assertTrue(r.findings().stream().anyMatch(f -> f.message().equals("published twice")), r.findings().toString());
    // an unknown field is refused by the reader, with its path
    Path u = copy("egk-allAvailableJson", false);
    s = Files.readString(u.resolve("tally.json"));
    Files.writeString(u.resolve("tally.json"), s.replaceFirst("\"tally\": ", "\"extra\": 1, \"tally\": "));
    EgRecordException e = assertThrows(EgRecordException.class, () -> EgDecryptedTally.read(u));
    assertTrue(e.getMessage().contains("tally.json") && e.getMessage().contains("extra"), e.getMessage());
  }

  @Test
  void unchainedBallotsMustCarryBauxZeroAndAChainedDeviceMustFormOneChain() throws Exception {
    Path d = copy("egk-allAvailableJson", true);
    EgRecord r = EgRecord.read(d);
    List<EgBallot> ballots = EgBallot.readAll(d);
    assertTrue(EgVerifier.chaining(r, ballots).passed());
    EgBallot b0 = ballots.get(0);
    EgBallot changed = new EgBallot(b0.file(), b0.id(), b0.electionId(), b0.confirmationCode(), new byte[] {1, 2, 3}, b0.state(),
        b0.preEncrypted(), b0.contests(), b0.device(), b0.serialNumber());
    List<EgBallot> bad = new ArrayList<>(ballots);
    bad.set(0, changed);
    assertFound(EgVerifier.chaining(r, bad), EgVerifier.Step.CHAINING, b0.file() + " code_baux");

    // A chained device: B_aux,1 = H_0, then each ballot's B_aux is the previous code ‖ B_aux,0.
    EgRecord chained = new EgRecord(r.format(), r.version(), r.guardians(), r.quorum(), r.parameterBaseHash(),
        r.manifestHash(), r.electionBaseHash(), r.manifest(), r.jointKey(), r.extendedBaseHash(), r.guardianRecords(), true,
        r.baux0(), r.contests());
    byte[] h0 = EgHash.h(r.extendedBaseHash(), new EgHash.Message(0x24).bytes(r.baux0()).toByteArray());
    byte[] previous = null;
    List<EgBallot> chain = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] baux = previous == null ? h0 : EgVerifier.chainLink(previous, r.baux0());
      byte[] code = EgHash.h(r.extendedBaseHash(), new byte[] {(byte) i}); // any code: step 6 is not run here
      chain.add(new EgBallot("b" + i, "id" + i, b0.electionId(), code, baux, "CAST", false, List.of(), "device-A", b0.serialNumber()));
      previous = code;
    }
    java.util.Collections.reverse(chain); // file order is not chain order
    assertTrue(EgVerifier.chaining(chained, chain).passed(), EgVerifier.chaining(chained, chain).findings().toString());
    List<EgBallot> broken = new ArrayList<>(chain);
    EgBallot second = broken.get(2); // b1
    broken.set(2, new EgBallot(second.file(), second.id(), second.electionId(), second.confirmationCode(),
        ballots.get(0).codeBaux(), "CAST", false, List.of(), "device-A", b0.serialNumber()));
    EgVerifier.Report r2 = EgVerifier.chaining(chained, broken);
    assertFound(r2, EgVerifier.Step.CHAINING, "b1 code_baux");
    assertFound(r2, EgVerifier.Step.CHAINING, "b2 code_baux"); // everything after the break is off the chain
    List<EgBallot> forked = new ArrayList<>(chain);
    EgBallot third = chain.get(1); // b2
    forked.add(new EgBallot("fork", "idX", third.electionId(), new byte[32], third.codeBaux(), "CAST", false, List.of(), "device-A", b0.serialNumber()));
    assertTrue(EgVerifier.chaining(chained, forked).findings().stream().anyMatch(f -> f.message().contains("the same place")));
  }

  /**
   * egk's tally and ballot decryption vectors, in our format (test-vectors/electionguard,
   * eg-threshold-decryption-egk.json): every quorum's partial decryptions, combined with Lagrange
   * coefficients, give the counts; a changed key share, or one guardian fewer, does not.
   */
  @Test
  void egksDecryptionVectorsAreReproducedByEveryQuorum() throws Exception {
    JsonNode doc = org.tabella.vectors.VectorFiles.load("electionguard/eg-threshold-decryption-egk.json");
    Group g = EgParameters.modpGroup();
    int vectors = 0;
    for (JsonNode v : doc.get("vectors")) {
      Element k = element(g, v.get("joint_public_key"));
      int quorum = v.get("quorum").asInt();
      Map<Integer, BigInteger> shares = new TreeMap<>();
      for (JsonNode t : v.get("guardians")) {
        shares.put(t.get("x").asInt(), num(t.get("key_share")));
      }
      List<Integer> expected = new ArrayList<>();
      for (JsonNode s : v.get("selections")) {
        expected.add(s.get("count").asInt());
      }
      List<Integer> all = new ArrayList<>(shares.keySet());
      for (int drop = -1; drop < all.size(); drop++) {
        Map<Integer, BigInteger> present = new TreeMap<>(shares);
        if (drop >= 0) {
          present.remove(all.get(drop));
        }
        if (present.size() == quorum) {
          assertEquals(expected, decrypt(g, k, v, present), "guardians " + present.keySet());
          Map<Integer, BigInteger> wrong = new TreeMap<>(present);
          int first = wrong.keySet().iterator().next();
          wrong.put(first, wrong.get(first).add(BigInteger.ONE));
          assertNotEquals(expected, decrypt(g, k, v, wrong));
          Map<Integer, BigInteger> fewer = new TreeMap<>(present);
          fewer.remove(first);
          assertNotEquals(expected, decrypt(g, k, v, fewer));
        }
      }
      vectors++;
    }
    assertEquals(3, vectors);
  }

  /** The counts (−1 where none below 100) from these guardians' partial decryptions. */
  private static List<Integer> decrypt(Group g, Element k, JsonNode v, Map<Integer, BigInteger> shares) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (JsonNode s : v.get("selections")) {
      Element a = element(g, s.get("pad"));
      Element b = element(g, s.get("data"));
      Map<Integer, Element> partials = new TreeMap<>();
      for (var e : shares.entrySet()) {
        partials.put(e.getKey(), EgThresholdDecryption.partial(a, e.getValue()));
      }
      out.add(EgThresholdDecryption.count(k, b, EgThresholdDecryption.combine(partials), 100).orElse(-1));
    }
    return out;
  }

  static BigInteger num(JsonNode n) {
    return new BigInteger(1, java.util.HexFormat.of().parseHex(n.asText()));
  }

  static Element element(Group g, JsonNode n) throws Exception {
    return g.decode(EgHash.fixed(num(n), g.elementLength()));
  }
}
