package org.tabella.electionguard;

import java.util.List;

/**
 * The group constants a record states in {@code constants.json}: the integer group's p, q, g
 * ({@link EgParameters}) or a curve's a, b, p, n, G, cofactor ({@link EgCurveParameters}).
 */
public sealed interface EgConstants permits EgParameters, EgCurveParameters {
  /** Whether these are exactly the constants of {@link #group()}. */
  boolean isStandard();

  /** The group these constants name, with its rules. */
  EgGroup group();

  /** The parameter base hash H_P under {@code version}. */
  byte[] parameterBaseHash(String version);

  /** The version strings whose H_P a record in this group may use. */
  default List<String> versions() {
    return group().versions();
  }
}
