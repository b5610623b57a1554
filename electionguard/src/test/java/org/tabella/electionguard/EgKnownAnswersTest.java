package org.tabella.electionguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.vectors.VectorFiles;

/**
 * egk's ballot-side test vectors as known answers (test-vectors/electionguard, our format): ballot
 * encryption (nonces from labels, ciphertexts, range and limit proofs), confirmation codes (contest
 * hash over the contest label), ballot chaining (indices, the B_aux chain) and decryption with the
 * primary nonce all reproduce; a mutated copy of each — any one hex value changed — fails.
 */
@DisplayName("ElectionGuard 2.0 ballot vectors (egk) as known answers")
class EgKnownAnswersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ballotEncryptionReproducesAndEveryChangedValueFails() throws Exception {
    JsonNode v = VectorFiles.load("electionguard/eg-ballot-encryption-egk.json").get("vectors").get(0);
    assertTrue(EgKnownAnswers.ballotEncryption(v));
    List<String> paths = hexPaths(v, "");
    assertTrue(paths.size() > 20, paths.toString());
    // every kind of field once: the key, H_E, the ballot nonce, the first selection's nonce,
    // ciphertext and both proof parts, and the limit proof (each check costs 4096-bit exponentiations)
    int checked = 0;
    for (String path : paths) {
      boolean firstSelection = path.startsWith("/ballots/0/contests/0/selections/0/");
      boolean limit = path.startsWith("/ballots/0/contests/0/limit_proof/0/");
      if (firstSelection || limit || path.matches("/[a-z_]+|/ballots/0/ballot_nonce")) {
        assertFalse(encryptionHolds(mutate(v, path)), "a changed " + path + " must fail");
        checked++;
      }
    }
    assertTrue(checked >= 10, "checked " + checked);
  }

  @Test
  void confirmationCodesAndTheChainReproduceAndEveryChangedValueFails() throws Exception {
    JsonNode vectors = VectorFiles.load("electionguard/eg-confirmation-code-egk.json").get("vectors");
    assertEquals(2, vectors.size());
    for (JsonNode v : vectors) {
      assertTrue(EgKnownAnswers.confirmationCodes(v), v.get("source").asText());
      List<String> paths = hexPaths(v, "");
      // every field of the first two ballots (the second continues the chain) and the top level
      for (String path : paths) {
        if (path.startsWith("/ballots/0/") || path.startsWith("/ballots/1/") || !path.startsWith("/ballots/")) {
          assertFalse(codesHold(mutate(v, path)), "a changed " + path + " must fail");
        }
      }
    }
    // the chain: two ballots swapped is caught
    JsonNode chained = vectors.get(1).deepCopy();
    var ballots = (com.fasterxml.jackson.databind.node.ArrayNode) chained.get("ballots");
    JsonNode first = ballots.get(0);
    ballots.set(0, ballots.get(1));
    ballots.set(1, first);
    assertFalse(EgKnownAnswers.confirmationCodes(chained));
  }

  @Test
  void decryptionWithThePrimaryNonceReproducesAndEveryChangedValueFails() throws Exception {
    JsonNode v = VectorFiles.load("electionguard/eg-decrypt-with-nonce-egk.json").get("vectors").get(0);
    assertTrue(EgKnownAnswers.decryptWithNonce(v));
    List<String> paths = hexPaths(v, "");
    assertTrue(paths.size() >= 8, paths.toString());
    for (String path : paths) {
      JsonNode m = mutate(v, path);
      boolean holds;
      try {
        holds = EgKnownAnswers.decryptWithNonce(m);
      } catch (org.tabella.groups.InvalidEncodingException e) {
        holds = false;
      }
      assertFalse(holds, "a changed " + path + " must fail");
    }
    // a changed vote
    JsonNode other = v.deepCopy();
    ((ObjectNode) other.get("selections").get(0)).put("vote", 1);
    assertFalse(EgKnownAnswers.decryptWithNonce(other));
  }

  /** A key-ceremony-side vector of revision egk-2023-07: it reproduces, and any one changed value fails. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"eg-parameters", "eg-key-ceremony", "eg-share-encryption",
      "eg-pre-encryption", "eg-pre-encryption-recorded"})
  void keyCeremonyVectorsReproduceAndEveryChangedValueFails(String kind) throws Exception {
    JsonNode v = VectorFiles.load("electionguard/" + kind + "-egk.json").get("vectors").get(0);
    assertTrue(keyCeremonyHolds(kind, v));
    List<String> paths = hexPaths(v, "");
    assertTrue(paths.size() >= 5, paths.toString());
    for (String path : paths) {
      // the pre-encryption vectors regenerate every 4096-bit vector per check: there, every kind of
      // field once (the first of each list) — each list element is derived and hashed alike
      if (!kind.startsWith("eg-pre-encryption") || !path.matches(".*/[1-9][0-9]*(/.*)?")) {
        assertFalse(keyCeremonyHolds(kind, mutate(v, path)), "a changed " + path + " must fail");
      }
    }
    JsonNode other = v.deepCopy();
    ((ObjectNode) other).put("revision", "v2.0.0");
    assertThrows(IllegalArgumentException.class, () -> keyCeremonyHolds(kind, other), "another revision is refused");
  }

  @Test
  void aPreEncryptedBallotVotedForOtherCodesOrOtherLabelsFails() throws Exception {
    JsonNode v = VectorFiles.load("electionguard/eg-pre-encryption-recorded-egk.json").get("vectors").get(0);
    JsonNode other = v.deepCopy();
    var codes = (com.fasterxml.jackson.databind.node.ArrayNode) other.get("contests").get(0).get("selected_codes");
    JsonNode all = v.get("contests").get(0).get("recorded").get("all_selection_hashes");
    codes.set(0, JSON.getNodeFactory().textNode("00000"));
    assertFalse(EgPreEncryptionAnswers.recorded(other), "a short code of no selection");
    JsonNode renamed = VectorFiles.load("electionguard/eg-pre-encryption-egk.json").get("vectors").get(0).deepCopy();
    ((ObjectNode) renamed.get("contests").get(0)).put("label", "anotherContest");
    assertFalse(EgPreEncryptionAnswers.preEncryption(renamed), "the contest label is in every nonce");
    assertTrue(all.size() > 3);
  }

  @Test
  void theParameterVectorsElectionBaseHashCoversItsStrings() {
    JsonNode v = VectorFiles.load("electionguard/eg-parameters-egk.json").get("vectors").get(0);
    for (String field : new String[] {"date", "jurisdiction"}) {
      JsonNode m = v.deepCopy();
      ((ObjectNode) m).put(field, v.get(field).asText() + " ");
      assertFalse(EgKeyCeremonyAnswers.parameters(m), field);
    }
    JsonNode m = v.deepCopy();
    ((ObjectNode) m).put("quorum", v.get("quorum").asInt() - 1);
    assertFalse(EgKeyCeremonyAnswers.parameters(m));
  }

  private static boolean keyCeremonyHolds(String kind, JsonNode v) throws Exception {
    try {
      return switch (kind) {
        case "eg-parameters" -> EgKeyCeremonyAnswers.parameters(v);
        case "eg-key-ceremony" -> EgKeyCeremonyAnswers.keyCeremony(v);
        case "eg-pre-encryption" -> EgPreEncryptionAnswers.preEncryption(v);
        case "eg-pre-encryption-recorded" -> EgPreEncryptionAnswers.recorded(v);
        default -> EgKeyCeremonyAnswers.shareEncryption(v);
      };
    } catch (org.tabella.groups.InvalidEncodingException e) {
      return false;
    }
  }

  /** False also when a changed value is not even a group element (a decoding refusal is a failure). */
  private static boolean encryptionHolds(JsonNode v) {
    try {
      return EgKnownAnswers.ballotEncryption(v);
    } catch (org.tabella.groups.InvalidEncodingException e) {
      return false;
    }
  }

  private static boolean codesHold(JsonNode v) {
    try {
      return EgKnownAnswers.confirmationCodes(v);
    } catch (org.tabella.groups.InvalidEncodingException e) {
      return false;
    }
  }

  /** JSON pointers to every hex string of at least 32 hex digits. */
  private static List<String> hexPaths(JsonNode n, String at) {
    List<String> out = new ArrayList<>();
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> out.addAll(hexPaths(e.getValue(), at + "/" + e.getKey())));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.addAll(hexPaths(n.get(i), at + "/" + i));
      }
    } else if (n.isTextual() && n.asText().matches("[0-9A-Fa-f]{32,}")) {
      out.add(at);
    }
    return out;
  }

  /** A copy with the last hex digit at {@code path} changed. */
  private static JsonNode mutate(JsonNode v, String path) {
    JsonNode copy = v.deepCopy();
    int slash = path.lastIndexOf('/');
    JsonNode parent = copy.at(path.substring(0, slash));
    String key = path.substring(slash + 1);
    String old = copy.at(path).asText();
    char last = old.charAt(old.length() - 1);
    String changed = old.substring(0, old.length() - 1) + (last == '0' ? '1' : '0');
    if (parent.isObject()) {
      ((ObjectNode) parent).put(key, changed);
    } else {
      ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(key), JSON.getNodeFactory().textNode(changed));
    }
    return copy;
  }
}
