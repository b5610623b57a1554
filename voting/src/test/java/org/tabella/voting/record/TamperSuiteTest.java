package org.tabella.voting.record;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabella.voting.Fixtures;

/**
 * Every record file, every node: each field removed, each field and array item changed, each array
 * item removed, duplicated and moved, an unknown field added to each object, each top-level field
 * duplicated. Every single one of these records must be refused by the reader (naming the file) or
 * fail the verifier (with at least one finding) — none may verify.
 */
@DisplayName("the tamper suite: no single change to any record verifies")
class TamperSuiteTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> FILES = List.of("election.json", "key.json", "ballots.json", "ballots/000000.json",
      "tally.json");

  @TempDir
  static Path dir;

  static Stream<Arguments> records() throws Exception {
    return Stream.of(
        Arguments.of("mixed count election", Files.createDirectories(dir.resolve("mixed")), (Maker) Fixtures::mixedRecord),
        Arguments.of("unanimous election", Files.createDirectories(dir.resolve("unanimous")),
            (Maker) d -> Fixtures.unanimousRecord(d, true)),
        Arguments.of("key-ceremony election", Files.createDirectories(dir.resolve("ceremony")),
            (Maker) Fixtures::ceremonyRecord));
  }

  interface Maker {
    ElectionRecord make(Path dir) throws Exception;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void everyChangeFails(String name, Path work, Maker maker) throws Exception {
    Path good = work.resolve("good");
    RecordIo.write(maker.make(work), good);
    assertTrue(RecordVerifier.verify(RecordIo.read(good)).valid());
    int cases = 0;
    List<String> accepted = new ArrayList<>();
    for (String file : FILES) {
      JsonNode root = JSON.readTree(good.resolve(file).toFile());
      assertFalse(rejected(good, work, file, JSON.writeValueAsString(root)), "control: the unchanged " + file
          + ", re-serialised, verifies");
      List<Mutation> mutations = new ArrayList<>();
      collect(root, "$", mutations);
      for (Mutation m : mutations) {
        JsonNode changed = m.apply.apply(root.deepCopy());
        if (m.description.matches("\\$\\.ceremony\\.confirmations\\[\\d+\\] removed")
            && root.get("ceremony").get("confirmations").size() > root.get("quorum").asInt()) {
          // The one change that is no lie: a record proves that at least k parties confirmed the
          // outcome (SPEC.md §4.5 V3) and may list more; dropping one of more than k stays valid.
          assertFalse(rejected(good, work, file, JSON.writeValueAsString(changed)), m.description);
          continue;
        }
        if (rejected(good, work, file, JSON.writeValueAsString(changed))) {
          cases++;
        } else {
          accepted.add(file + " " + m.description);
        }
      }
      // Each top-level field written twice (JSON allows it; a strict reader must not).
      Iterator<String> fields = root.fieldNames();
      String text = Files.readString(good.resolve(file));
      while (fields.hasNext()) {
        String f = fields.next();
        String dup = text.replaceFirst("\\{", "{\"" + f + "\": " + JSON.writeValueAsString(root.get(f)) + ",");
        if (rejected(good, work, file, dup)) {
          cases++;
        } else {
          accepted.add(file + " $." + f + " duplicated");
        }
      }
    }
    assertTrue(accepted.isEmpty(), accepted.size() + " tampered records verified: " + accepted);
    assertTrue(cases > 100, "only " + cases + " cases");
  }

  record Mutation(String description, Function<JsonNode, JsonNode> apply) {}

  /** Every mutation of the node at {@code path} and below, each as a function on a copy of the root. */
  static void collect(JsonNode node, String path, List<Mutation> out) {
    collect(node, path, out, Function.identity());
  }

  private static void collect(JsonNode node, String path, List<Mutation> out, Function<JsonNode, JsonNode> locate) {
    if (node.isObject()) {
      out.add(new Mutation(path + " + unknown field", root -> {
        ((ObjectNode) locate.apply(root)).put("unexpected", 1);
        return root;
      }));
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String f = names.next();
        out.add(new Mutation(path + "." + f + " removed", root -> {
          ((ObjectNode) locate.apply(root)).remove(f);
          return root;
        }));
        JsonNode child = node.get(f);
        for (JsonNode v : changes(child)) {
          out.add(new Mutation(path + "." + f + " = " + abbreviate(v), root -> {
            ((ObjectNode) locate.apply(root)).set(f, v);
            return root;
          }));
        }
        collect(child, path + "." + f, out, root -> locate.apply(root).get(f));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        int at = i;
        out.add(new Mutation(path + "[" + i + "] removed", root -> {
          ((ArrayNode) locate.apply(root)).remove(at);
          return root;
        }));
        out.add(new Mutation(path + "[" + i + "] duplicated", root -> {
          ArrayNode a = (ArrayNode) locate.apply(root);
          a.insert(at, a.get(at).deepCopy());
          return root;
        }));
        if (i + 1 < node.size() && !node.get(i).equals(node.get(i + 1))) {
          out.add(new Mutation(path + "[" + i + "] moved after [" + (i + 1) + "]", root -> {
            ArrayNode a = (ArrayNode) locate.apply(root);
            JsonNode x = a.remove(at);
            a.insert(at + 1, x);
            return root;
          }));
        }
        JsonNode child = node.get(i);
        for (JsonNode v : changes(child)) {
          out.add(new Mutation(path + "[" + i + "] = " + abbreviate(v), root -> {
            ((ArrayNode) locate.apply(root)).set(at, v);
            return root;
          }));
        }
        collect(child, path + "[" + i + "]", out, root -> locate.apply(root).get(at));
      }
      out.add(new Mutation(path + " + item", root -> {
        ArrayNode a = (ArrayNode) locate.apply(root);
        a.add(a.isEmpty() ? JSON.getNodeFactory().numberNode(1) : a.get(0).deepCopy());
        return root;
      }));
    }
  }

  /** Other values for a leaf: a changed digit or letter, a different number or boolean, another type. */
  static List<JsonNode> changes(JsonNode v) {
    List<JsonNode> out = new ArrayList<>();
    var f = JSON.getNodeFactory();
    if (v.isTextual()) {
      String s = v.textValue();
      if (!s.isEmpty() && s.matches("[0-9a-f]+")) {
        int i = s.length() - 1;
        out.add(new TextNode(s.substring(0, i) + (s.charAt(i) == '0' ? '1' : '0')));
        out.add(new TextNode((s.charAt(0) == '0' ? '1' : '0') + s.substring(1)));
        if (s.matches(".*[a-f].*")) {
          out.add(new TextNode(s.toUpperCase()));
        }
      } else {
        out.add(new TextNode(s + "x"));
      }
      out.add(f.numberNode(0));
    } else if (v.isIntegralNumber()) {
      out.add(f.numberNode(v.longValue() + 1));
      out.add(f.numberNode(v.longValue() - 1));
      out.add(f.numberNode(v.doubleValue()));
      out.add(new TextNode(v.asText()));
    } else if (v.isBoolean()) {
      out.add(f.booleanNode(!v.booleanValue()));
      out.add(f.numberNode(v.booleanValue() ? 1 : 0));
    } else if (v.isNull()) {
      out.add(f.objectNode());
      out.add(f.numberNode(0));
    } else {
      out.add(f.nullNode());
    }
    return out;
  }

  private static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() > 24 ? s.substring(0, 24) + "…" : s;
  }

  private static boolean rejected(Path good, Path work, String file, String text) throws Exception {
    Path copy = RecordVerifierTest.copyRecord(good, Files.createTempDirectory(work, "t"));
    Files.writeString(copy.resolve(file), text);
    try {
      return !RecordVerifier.verify(RecordIo.read(copy)).valid();
    } catch (InvalidRecordException e) {
      return e.file().equals(file) || file.equals("election.json");
    } finally {
      try (var s = Files.walk(copy)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
