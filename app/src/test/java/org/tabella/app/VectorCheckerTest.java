package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's vector checker must fail a vector with its proofs of possession or shares changed. */
@DisplayName("tabella vectors catches changed proofs of possession and shares")
class VectorCheckerTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"\"z\"", "\"secret_share\""})
  void mutatedCocktailVector(String field) throws Exception {
    Path source = Path.of("..", "test-vectors", "crypto", "cocktail-dkg-ristretto255.json");
    String text = Files.readString(source);
    int at = text.indexOf(field);
    int value = text.indexOf('"', text.indexOf(':', at)) + 1;
    char c = text.charAt(value);
    String changed = text.substring(0, value) + (c == '0' ? '1' : '0') + text.substring(value + 1);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, changed);
    String out = CommandLineTest.run("vectors", bad.toString());
    List<String> lines = out.lines().toList();
    assertTrue(out.startsWith("1\n") && lines.get(lines.size() - 1).matches(".*passed, [1-9][0-9]* failed"), out);
  }
}
