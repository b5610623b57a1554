package org.tabella.voting.record;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.voting.Fixtures;

@DisplayName("the shipped JSON Schema describes exactly what is written")
class SchemaTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("count, unanimous and key-ceremony records conform")
  void recordsConform() throws Exception {
    RecordIo.write(Fixtures.mixedRecord(Files.createDirectories(dir.resolve("m"))), dir.resolve("mixed"));
    SchemaCheck.assertConforms(dir.resolve("mixed"));
    RecordIo.write(Fixtures.unanimousRecord(Files.createDirectories(dir.resolve("u")), false), dir.resolve("unanimous"));
    SchemaCheck.assertConforms(dir.resolve("unanimous"));
    RecordIo.write(Fixtures.ceremonyRecord(Files.createDirectories(dir.resolve("c"))), dir.resolve("ceremony"));
    SchemaCheck.assertConforms(dir.resolve("ceremony"));
  }

  @Test
  @DisplayName("an extra field, a missing field and both outcomes in one entry do not conform")
  void strict() throws Exception {
    RecordIo.write(Fixtures.mixedRecord(dir), dir.resolve("r"));
    Path tally = dir.resolve("r").resolve("tally.json");
    RecordVerifierTest.edit(tally, o -> o.putObject("extra_counts"));
    assertFalse(SchemaCheck.problems(tally).isEmpty());
    RecordIo.write(Fixtures.mixedRecord(Files.createDirectories(dir.resolve("s"))), dir.resolve("r2"));
    Path tally2 = dir.resolve("r2").resolve("tally.json");
    RecordVerifierTest.edit(tally2, o -> ((ObjectNode) o.get("entries").get(0)).put("unanimous", true));
    assertFalse(SchemaCheck.problems(tally2).isEmpty());
    Path key = dir.resolve("r2").resolve("key.json");
    RecordVerifierTest.edit(key, o -> o.remove("ceremony"));
    assertFalse(SchemaCheck.problems(key).isEmpty());
  }
}
