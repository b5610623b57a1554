package org.tabella.voting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadmeElectionTest {
  @Test
  void readmeExampleRunsAndVerifies() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      ReadmeElection.main(new String[0]);
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("budget/0: 1"), out);
    assertTrue(out.contains("mayor/1: 2"), out);
    assertTrue(out.contains("council/0: 1"), out);
    assertTrue(out.contains("record verified"), out);
  }
}
