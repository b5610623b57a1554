package org.tabella.voting.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Validates record files against the JSON Schema the project ships (draft 2020-12). */
public final class SchemaCheck {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private SchemaCheck() {}

  private static JsonSchema load() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream("/org/tabella/voting/election-record.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The schema's complaints about one file (empty: it conforms). */
  public static Set<ValidationMessage> problems(Path file) throws java.io.IOException {
    return SCHEMA.validate(JSON.readTree(file.toFile()));
  }

  /** Asserts that every file of a record directory conforms, ballot chunks included. */
  public static void assertConforms(Path recordDir) throws java.io.IOException {
    for (String f : List.of("election.json", "key.json", "ballots.json", "tally.json")) {
      Set<ValidationMessage> p = problems(recordDir.resolve(f));
      assertTrue(p.isEmpty(), recordDir.resolve(f) + " does not conform to the schema: " + p);
    }
    try (var chunks = java.nio.file.Files.list(recordDir.resolve("ballots"))) {
      for (Path c : chunks.toList()) {
        Set<ValidationMessage> p = problems(c);
        assertTrue(p.isEmpty(), c + " does not conform to the schema: " + p);
      }
    }
  }
}
