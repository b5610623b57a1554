package org.tabella.voting.record;

import java.util.Objects;

/**
 * One failed check of the verifier.
 *
 * @param step the SPEC.md §4.5 step that failed
 * @param location where in the record, e.g. {@code ballot 3 (id voter-7)} or {@code tally mayor/1}
 * @param message what is wrong
 */
public record Finding(VerificationStep step, String location, String message) {
  /** Checks presence. */
  public Finding {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "V" + step.number() + " " + step.title() + ": " + location + ": " + message;
  }
}
