package org.tabella.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tabella vectors [PATH…]}: checks every known-answer vector file under the paths. */
@Command(name = "vectors", mixinStandardHelpOptions = true,
    description = "Check every tabella-vectors-v1 JSON file under the given paths (default test-vectors/).")
final class VectorsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*", description = "files or directories")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (paths.isEmpty()) {
      paths = List.of(Path.of("test-vectors"));
    }
    ObjectMapper json = new ObjectMapper();
    VectorChecker checker = new VectorChecker();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw UserError.input("no such file or directory: " + p + (p.equals(Path.of("test-vectors"))
            ? " (run it from the repository, or name the vector files)" : ""));
      }
      try (Stream<Path> s = Files.walk(p)) {
        s.filter(f -> f.toString().endsWith(".json") && !f.toString().contains("/target/")).sorted().forEach(files::add);
      }
    }
    for (Path f : files) {
      JsonNode doc = json.readTree(f.toFile());
      if (!"tabella-vectors-v1".equals(doc.path("format").asText())) {
        continue;
      }
      int before = checker.passed + checker.failed;
      checker.check(f.getFileName().toString(), doc);
      System.out.printf("  %-52s %d vectors%n", f.getFileName(), checker.passed + checker.failed - before);
    }
    checker.failures.stream().limit(50).forEach(x -> System.out.println("FAIL " + x));
    System.out.printf("%d passed, %d failed%n", checker.passed, checker.failed);
    return checker.failed == 0 && checker.passed > 0 ? 0 : 1;
  }
}
