package org.tabella.voting.record;

import java.util.List;

/**
 * The verifier's findings.
 *
 * @param failures every check that failed, in the order found (empty: the record is valid)
 * @param summary what was checked and the results
 */
public record VerificationReport(List<String> failures, List<String> summary) {
  /** Copies the lists. */
  public VerificationReport {
    failures = List.copyOf(failures);
    summary = List.copyOf(summary);
  }

  /** Whether every check passed. */
  public boolean valid() {
    return failures.isEmpty();
  }
}
