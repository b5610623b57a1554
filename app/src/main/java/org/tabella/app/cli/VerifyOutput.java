package org.tabella.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.Finding;
import org.tabella.voting.record.InvalidRecordException;
import org.tabella.voting.record.VerificationReport;
import org.tabella.voting.record.VerificationStep;

/** How {@code tabella verify} prints a report: one line per step and finding, or one JSON object. */
final class VerifyOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VerifyOutput() {}

  static int print(ElectionRecord r, VerificationReport report, boolean json) throws Exception {
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("valid", report.valid());
      o.put("election", r.election().electionId());
      ArrayNode steps = o.putArray("steps");
      for (VerificationStep s : VerificationStep.values()) {
        steps.addObject().put("step", s.number()).put("title", s.title())
            .put("checks", report.checks().getOrDefault(s, 0)).put("failures", report.findings(s).size());
      }
      ArrayNode findings = o.putArray("findings");
      for (Finding f : report.findings()) {
        findings.addObject().put("step", f.step().number()).put("location", f.location()).put("message", f.message());
      }
      ObjectNode results = o.putObject("results");
      report.results().forEach(results::put);
      System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
      return report.valid() ? 0 : 1;
    }
    System.out.println("  " + r.election());
    for (VerificationStep s : VerificationStep.values()) {
      int failures = report.findings(s).size();
      System.out.printf("  V%-2d %-18s %6d checks  %s%n", s.number(), s.title(), report.checks().getOrDefault(s, 0),
          failures == 0 ? "ok" : failures + " FAILED");
    }
    report.results().forEach((entry, value) -> System.out.println("  tally " + entry + ": " + value));
    if (report.valid()) {
      System.out.println("record valid");
      return 0;
    }
    report.findings().forEach(f -> System.out.println("FAIL " + f));
    System.out.println("record INVALID: " + report.findings().size() + " finding(s)");
    return 1;
  }

  /** A record that cannot be read, as JSON on standard output (exit 3). */
  static int unreadableAsJson(Exception e) throws Exception {
    String where = e instanceof InvalidRecordException ire ? ire.file() + " " + ire.path() : "record";
    ObjectNode o = JSON.createObjectNode();
    o.put("valid", false);
    o.putArray("findings").addObject().put("step", 0).put("location", where).put("message", e.getMessage());
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    return ExitCodes.INPUT;
  }
}
