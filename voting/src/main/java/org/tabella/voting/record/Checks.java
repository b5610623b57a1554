package org.tabella.voting.record;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The verifier's running account: findings, checks made per step, recomputed results. */
final class Checks {
  final List<Finding> findings = new ArrayList<>();
  final Map<VerificationStep, Integer> counts = new EnumMap<>(VerificationStep.class);
  final Map<String, String> results = new LinkedHashMap<>();

  /** Counts one check of {@code step}; records a finding when it failed. Returns {@code ok}. */
  boolean check(VerificationStep step, boolean ok, String location, String message) {
    counts.merge(step, 1, Integer::sum);
    if (!ok) {
      findings.add(new Finding(step, location, message));
    }
    return ok;
  }

  /** Counts {@code n} checks of {@code step} made at once (a batch). */
  void counted(VerificationStep step, int n) {
    counts.merge(step, n, Integer::sum);
  }

  void fail(VerificationStep step, String location, String message) {
    check(step, false, location, message);
  }

  VerificationReport report() {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort((a, b) -> Integer.compare(a.step().number(), b.step().number()));
    return new VerificationReport(sorted, counts, results);
  }
}
