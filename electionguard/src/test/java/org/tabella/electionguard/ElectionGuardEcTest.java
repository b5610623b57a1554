package org.tabella.electionguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.groups.ExpandMessage;
import org.tabella.vectors.VectorFiles;

/**
 * egk-ec's records (base64; the P-256 profile and the 4096-bit group; challenged ballots): all
 * three verify end to end, steps 1–14;
 * every changed field of a challenged ballot, its contest data, a ballot's ciphertext, the
 * version string or the identity's encoding is found and named; the readers refuse non-canonical
 * base64 and wrong lengths with file and path; and the P-256 H_q rule is egk-ec's, not mod n.
 */
@DisplayName("ElectionGuard 2.0 verification of egk-ec records (P-256, steps 11–14)")
class ElectionGuardEcTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String CHALLENGED = "challenged_ballots/dballot-id-12.json";

  @TempDir
  Path dir;

  Path copy(String name) {
    return VectorFiles.copyTree("electionguard/" + name, dir.resolve(name + "-" + System.nanoTime()));
  }

  static EgVerifier.Report verify(Path d) throws Exception {
    return EgElectionRecord.read(d).verify();
  }

  static void edit(Path file, Consumer<ObjectNode> change) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    change.accept(root);
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  /** The base64 value with one bit of its middle byte flipped. */
  static TextNode flipped(JsonNode base64) {
    byte[] b = Base64.getDecoder().decode(base64.asText());
    b[b.length / 2] ^= 0x01;
    return TextNode.valueOf(Base64.getEncoder().encodeToString(b));
  }

  static ObjectNode firstContest(ObjectNode ballot) {
    return (ObjectNode) ballot.get("contests").get(0);
  }

  static ObjectNode selection(ObjectNode ballot, int i) {
    return (ObjectNode) firstContest(ballot).get("selections").get(i);
  }

  static void assertFound(EgVerifier.Report r, EgVerifier.Step step, String where) {
    assertTrue(r.findings().stream().anyMatch(f -> f.step() == step && f.location().contains(where)),
        "expected a step " + step.number() + " finding at " + where + ", got " + r.findings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"egk-ec-allAvailableEc", "egk-ec-someAvailableEc", "egk-ec-allAvailable"})
  void egkEcRecordsVerifyEndToEnd(String name) throws Exception {
    EgElectionRecord all = EgElectionRecord.read(copy(name));
    boolean curve = name.endsWith("Ec");
    assertEquals(curve ? "P-256" : "eg-4096", all.record().group().name());
    assertEquals(EgFormat.Encoding.BASE64, all.record().format().encoding());
    assertTrue(all.challenged().size() >= 9);
    EgVerifier.Report r = all.verify();
    assertTrue(r.passed(), r.findings().toString());
    assertTrue(r.complete(), r.notChecked().toString());
    assertEquals(Optional.of(curve ? "v2.1.0" : "v2.0.0"), r.version());
    if (!curve) { // this one has a non-empty B_aux,0 ("device information"), which every ballot's code_baux repeats
      assertEquals("device information", new String(all.record().baux0(), StandardCharsets.UTF_8));
    }
    for (EgVerifier.Step s : EgVerifier.Step.values()) {
      if (s != EgVerifier.Step.CONTEST_DATA) { // the tally has no contest data
        assertTrue(r.checks().getOrDefault(s, 0) > 0, "step " + s.number() + " made no check");
      }
    }
  }

  @Test
  void aChangedChallengedVoteIsFound() throws Exception {
    Path d = copy("egk-ec-allAvailableEc");
    edit(d.resolve(CHALLENGED), b -> selection(b, 0).put("tally", 1));
    EgVerifier.Report r = verify(d);
    assertFound(r, EgVerifier.Step.CHALLENGED_VALUES, CHALLENGED + " contest contest1 selection selection1 b_over_m");
  }

  @Test
  void aChangedChallengedProofIsFound() throws Exception {
    Path d = copy("egk-ec-allAvailableEc");
    edit(d.resolve(CHALLENGED), b -> ((ObjectNode) selection(b, 1).get("proof")).set("response",
        flipped(selection(b, 1).get("proof").get("response"))));
    assertFound(verify(d), EgVerifier.Step.CHALLENGED_DECRYPTION, CHALLENGED + " contest contest1 selection selection2 proof");
  }

  @Test
  void aDecryptionOfOtherCiphertextsIsFound() throws Exception {
    Path d = copy("egk-ec-allAvailableEc");
    // the (A, B) of another challenged ballot's first selection, with its own valid proof
    JsonNode other = JSON.readTree(d.resolve("challenged_ballots/dballot-id-19.json").toFile());
    edit(d.resolve(CHALLENGED), b -> {
      ObjectNode s = selection(b, 0);
      JsonNode o = other.get("contests").get(0).get("selections").get(0);
      for (String f : new String[] {"encrypted_vote", "proof", "b_over_m", "tally"}) {
        s.set(f, o.get(f));
      }
    });
    EgVerifier.Report r = verify(d);
    assertFound(r, EgVerifier.Step.CHALLENGED_DECRYPTION, CHALLENGED + " contest contest1 selection selection1 encrypted_vote");
  }

  @Test
  void changedContestDataIsFound() throws Exception {
    String at = CHALLENGED + " contest contest1 decrypted_contest_data";
    Path d = copy("egk-ec-allAvailableEc");
    edit(d.resolve(CHALLENGED), b -> ((ObjectNode) firstContest(b).get("decrypted_contest_data").get("contest_data"))
        .put("status", "under_vote"));
    assertFound(verify(d), EgVerifier.Step.CHALLENGED_CONTEST_DATA, at + ".contest_data");

    Path e = copy("egk-ec-allAvailableEc");
    edit(e.resolve(CHALLENGED), b -> ((ArrayNode) firstContest(b).get("decrypted_contest_data").get("contest_data")
        .get("write_ins")).add("Mickey Mouse"));
    assertFound(verify(e), EgVerifier.Step.CHALLENGED_CONTEST_DATA, at + ".contest_data");

    Path f = copy("egk-ec-allAvailableEc");
    edit(f.resolve(CHALLENGED), b -> {
      ObjectNode data = (ObjectNode) firstContest(b).get("decrypted_contest_data");
      data.set("beta", flipped(data.get("beta")));
    });
    assertFound(verify(f), EgVerifier.Step.CHALLENGED_CONTEST_DATA, at);

    Path g = copy("egk-ec-allAvailableEc");
    edit(g.resolve(CHALLENGED), b -> {
      ObjectNode enc = (ObjectNode) firstContest(b).get("decrypted_contest_data").get("encrypted_contest_data");
      enc.set("c1", flipped(enc.get("c1")));
    });
    assertFound(verify(g), EgVerifier.Step.CHALLENGED_CONTEST_DATA, at + ".encrypted_contest_data");
  }

  @Test
  void aMissingOrMisplacedDecryptionIsFound() throws Exception {
    Path d = copy("egk-ec-allAvailableEc");
    Files.delete(d.resolve(CHALLENGED));
    assertFound(verify(d), EgVerifier.Step.CHALLENGED_DECRYPTION, "eballot-id-12.json");

    // the ballot recorded as cast: its decryption no longer belongs to a challenged ballot
    Path e = copy("egk-ec-allAvailableEc");
    edit(e.resolve("encrypted_ballots/runWorkflowDevice/eballot-id-12.json"), b -> b.put("state", "CAST"));
    EgVerifier.Report r = verify(e);
    assertFound(r, EgVerifier.Step.CHALLENGED_DECRYPTION, CHALLENGED + " id");
    assertFound(r, EgVerifier.Step.AGGREGATION, "encrypted_tally.json");
  }

  @Test
  void aChangedP256CiphertextIsFoundAndNamed() throws Exception {
    String ballot = "encrypted_ballots/runWorkflowDevice/eballot-id-1.json";
    Path d = copy("egk-ec-someAvailableEc");
    edit(d.resolve(ballot), b -> {
      ObjectNode v = (ObjectNode) selection(b, 0).get("encrypted_vote");
      v.set("pad", flipped(v.get("pad")));
    });
    EgVerifier.Report r = verify(d);
    assertFalse(r.passed());
    assertFound(r, EgVerifier.Step.SELECTIONS, ballot + " contest contest1 selection selection1");
  }

  @Test
  void theVersionStringMustBeTheOneItsParameterHashUses() throws Exception {
    Path d = copy("egk-ec-allAvailableEc");
    edit(d.resolve("constants.json"), c -> c.put("protocolVersion", "v2.0.0"));
    assertFound(verify(d), EgVerifier.Step.PARAMETERS, "constants.json protocolVersion");
  }

  @Test
  void theIdentityIsWrittenAsEgkEcWritesIt() throws Exception {
    EgGroup p256 = EgGroup.p256();
    byte[] ff = new byte[33];
    java.util.Arrays.fill(ff, (byte) 0xFF);
    assertTrue(p256.decode(new BigInteger(1, ff)).isIdentity());
    assertNull(p256.decode(BigInteger.ZERO), "our own identity encoding (zeros) is not egk-ec's");
    assertEquals(new BigInteger(1, ff), p256.store(p256.group().identity()));
    // a zero count's T = K^0 written as zeros instead of FF is refused
    Path d = copy("egk-ec-allAvailableEc");
    String zeros = Base64.getEncoder().encodeToString(new byte[33]);
    edit(d.resolve(CHALLENGED), b -> selection(b, 0).put("b_over_m", zeros));
    assertFound(verify(d), EgVerifier.Step.CHALLENGED_DECRYPTION, CHALLENGED + " contest contest1 selection selection1");
  }

  @Test
  void theP256HashToExponentRuleIsEgkEcs() {
    byte[] key = new byte[32];
    byte[] message = "message".getBytes(StandardCharsets.UTF_8);
    byte[] h = EgHash.h(key, message);
    BigInteger expected = new BigInteger(1, ExpandMessage.xmd("SHA-256", h,
        "QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_".getBytes(StandardCharsets.US_ASCII), 48)).mod(EgGroup.p256().order());
    assertEquals(expected, EgGroup.p256().hq(key, message));
    assertEquals(new BigInteger(1, h).mod(EgGroup.integer4096().order()), EgGroup.integer4096().hq(key, message));
  }

  @Test
  void nonCanonicalOrWrongLengthBase64IsRefusedWithItsPath() throws Exception {
    String ballot = "encrypted_ballots/runWorkflowDevice/eballot-id-1.json";
    Path d = copy("egk-ec-allAvailableEc");
    edit(d.resolve(ballot), b -> {
      ObjectNode v = (ObjectNode) selection(b, 0).get("encrypted_vote");
      String pad = v.get("pad").asText();
      v.put("pad", pad.substring(0, pad.length() - 4)); // 30 bytes, not 33
    });
    EgRecordException e = assertThrows(EgRecordException.class, () -> EgElectionRecord.read(d));
    assertEquals(ballot, e.file());
    assertEquals("$.contests[0].selections[0].encrypted_vote.pad", e.path());

    Path f = copy("egk-ec-allAvailableEc");
    edit(f.resolve("election_initialized.json"), i -> {
      String he = i.get("extended_base_hash").asText();
      // the last character before '=' carries two bits that canonical base64 leaves zero
      char last = he.charAt(he.length() - 2);
      i.put("extended_base_hash", he.substring(0, he.length() - 2) + (char) (last + 1) + "=");
    });
    EgRecordException g = assertThrows(EgRecordException.class, () -> EgElectionRecord.read(f));
    assertEquals("$.extended_base_hash", g.path());

    Path h = copy("egk-ec-allAvailableEc");
    edit(h.resolve(CHALLENGED), b -> firstContest(b).put("unexpected", 1));
    assertEquals("$.contests[0].unexpected", assertThrows(EgRecordException.class, () -> EgElectionRecord.read(h)).path());
  }

  /**
   * Fields that no ElectionGuard 2.0 hash or check binds, so no verifier can see them changed
   * (SPEC §6.4): names, timestamps, the ballot style, an unchained ballot's device, ids of the tally
   * files, metadata — and a cast ballot's contest data (C0, C1, C2), which
   * spec 2.0 leaves out of the contest hash (2.1 binds it), and the encrypted serial number: only
   * their form (elements, lengths) is checkable there.
   */
  static final java.util.regex.Pattern UNBOUND = java.util.regex.Pattern.compile(
      ".*/(name|timestamp|ballot_style_id|encrypting_device|tally_id|id|metadata|guardian_id|Created by)$"
      + "|.*/numBytes$|encrypted_ballots/.*/encrypted_contest_data/c[012]$"
      + "|encrypted_ballots/.*/encrypted_sn/(pad|data)$");

  /**
   * A sample of single-field changes across every file of a P-256 record (24 values drawn from a
   * fixed seed; each costs a whole verification): each is refused on reading with its file, or found by a check
   * whose location names the file — or, for a ballot's value, the tally it is aggregated into.
   */
  @Test
  void aSampleOfSingleFieldChangesIsEachFoundAndNamed() throws Exception {
    Path original = copy("egk-ec-someAvailableEc");
    List<String[]> leaves = new java.util.ArrayList<>();
    try (var files = Files.walk(original)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".json") && !x.endsWith("manifest.json")).sorted().toList()) {
        String file = original.relativize(f).toString();
        collect(JSON.readTree(f.toFile()), "", file, leaves);
      }
    }
    java.util.Random random = new java.util.Random(20261202L);
    java.util.Collections.shuffle(leaves, random);
    int checked = 0;
    for (String[] leaf : leaves.subList(0, 24)) {
      Path d = copy("egk-ec-someAvailableEc");
      mutate(d.resolve(leaf[0]), leaf[1]);
      String where = leaf[0] + " " + leaf[1];
      try {
        EgVerifier.Report r = verify(d);
        assertFalse(r.passed(), "a changed " + where + " passed");
        assertTrue(r.findings().stream().anyMatch(f -> f.location().startsWith(leaf[0]) || f.location().startsWith("election_config")
            || f.location().startsWith("election_initialized") || f.location().startsWith("constants")
            || f.location().startsWith("tally.json") || f.location().startsWith("encrypted_tally.json")
            || f.location().startsWith("guardian")), "a changed " + where + " is not named: " + r.findings());
      } catch (EgRecordException e) {
        assertEquals(leaf[0], e.file(), where);
      }
      checked++;
    }
    assertTrue(checked >= 20, "checked " + checked + " of " + leaves.size());
  }

  @Test
  void aBallotRemovedOrDuplicatedIsFound() throws Exception {
    String ballots = "encrypted_ballots/runWorkflowDevice/";
    Path d = copy("egk-ec-someAvailableEc");
    Files.delete(d.resolve(ballots + "eballot-id-1.json"));
    assertFound(verify(d), EgVerifier.Step.AGGREGATION, "encrypted_tally.json");
    Path e = copy("egk-ec-someAvailableEc");
    Files.copy(e.resolve(ballots + "eballot-id-1.json"), e.resolve(ballots + "eballot-id-1-copy.json"));
    assertFound(verify(e), EgVerifier.Step.AGGREGATION, ballots + "eballot-id-1");
  }

  private static void collect(JsonNode n, String at, String file, List<String[]> out) {
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> collect(e.getValue(), at + "/" + e.getKey(), file, out));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), at + "/" + i, file, out);
      }
    } else if (!UNBOUND.matcher(file + at).matches() && !(n.isTextual() && n.asText().isEmpty())) {
      out.add(new String[] {file, at});
    }
  }

  /** Changes the value at {@code pointer}: a bit of a base64 value, a hex digit, an integer, a string, a boolean. */
  private static void mutate(Path file, String pointer) throws Exception {
    edit(file, root -> {
      int slash = pointer.lastIndexOf('/');
      JsonNode parent = root.at(pointer.substring(0, slash));
      String key = pointer.substring(slash + 1);
      JsonNode old = root.at(pointer);
      JsonNode changed;
      if (old.isBoolean()) {
        changed = JSON.getNodeFactory().booleanNode(!old.asBoolean());
      } else if (old.isIntegralNumber()) {
        changed = JSON.getNodeFactory().numberNode(old.asLong() + 1);
      } else if (old.asText().matches("[0-9A-F]+") && old.asText().length() % 2 == 0) {
        String h = old.asText();
        changed = TextNode.valueOf(h.substring(0, h.length() - 1) + (h.endsWith("0") ? "1" : "0"));
      } else if (old.asText().matches("[A-Za-z0-9+/]+=*") && old.asText().length() % 4 == 0 && old.asText().length() >= 8) {
        changed = flipped(old);
      } else {
        changed = TextNode.valueOf(old.asText() + "x");
      }
      if (parent.isObject()) {
        ((ObjectNode) parent).set(key, changed);
      } else {
        ((ArrayNode) parent).set(Integer.parseInt(key), changed);
      }
    });
  }

  @Test
  void theContestDataEncodingIsReadStrictly() {
    // 0 over-votes, 1 write-in "ab", status "normal", zero fill
    byte[] ok = HexFormat.of().parseHex("0001026162066e6f726d616c0000");
    EgDecryptedTally.Plaintext p = EgChallengedBallots.decode(ok);
    assertNotNull(p);
    assertEquals(List.of("ab"), p.writeIns());
    assertEquals("normal", p.status());
    assertNull(EgChallengedBallots.decode(HexFormat.of().parseHex("0001026162066e6f726d616c0001")), "non-zero fill");
    assertNull(EgChallengedBallots.decode(HexFormat.of().parseHex("000105")), "truncated write-in");
  }
}
