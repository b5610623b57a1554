package org.tabella.voting.record;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The verifier's result: every finding, the number of checks each step made, and the outcome per
 * tally entry as the verifier recomputed it.
 *
 * @param findings every failed check, in step order (empty: the record is valid)
 * @param checks per step, how many checks it made
 * @param results "contest/option" → the recomputed count or unanimity, for entries that decrypted
 */
public record VerificationReport(List<Finding> findings, Map<VerificationStep, Integer> checks,
    Map<String, String> results) {
  /** Copies. */
  public VerificationReport {
    findings = List.copyOf(findings);
    checks = checks.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(checks));
    results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
  }

  /** Whether every check passed. */
  public boolean valid() {
    return findings.isEmpty();
  }

  /** The findings of one step. */
  public List<Finding> findings(VerificationStep step) {
    return findings.stream().filter(f -> f.step() == step).toList();
  }
}
