package org.tabella.voting;

import java.util.Objects;
import org.tabella.crypto.encoding.Utf8;

/**
 * One question on the ballot: {@code options} selections, each 0 or 1, at most {@code limit} of
 * them 1. A yes/no referendum is one option with limit 1 (1 = yes); a 1-of-m choice is m options
 * with limit 1; approval voting is m options with limit L.
 *
 * @param id the contest id (unique in the election; 1..64 bytes of UTF-8)
 * @param options m, 1..64
 * @param limit L, 1 ≤ L ≤ m
 */
public record Contest(String id, int options, int limit) {
  /** Largest contest id, in UTF-8 bytes. */
  public static final int MAX_ID_BYTES = 64;
  /** Largest number of options. */
  public static final int MAX_OPTIONS = 64;

  /** Checks the ranges. */
  public Contest {
    Objects.requireNonNull(id, "id");
    Utf8.checkLength(id, 1, MAX_ID_BYTES, "a contest id");
    if (options < 1 || options > MAX_OPTIONS || limit < 1 || limit > options) {
      throw new IllegalArgumentException("need 1 ≤ limit ≤ options ≤ " + MAX_OPTIONS);
    }
  }

  /** A yes/no referendum. */
  public static Contest referendum(String id) {
    return new Contest(id, 1, 1);
  }

  /** Choose at most one of m options. */
  public static Contest choice(String id, int m) {
    return new Contest(id, m, 1);
  }

  /** Approve at most L of m options. */
  public static Contest approval(String id, int m, int limit) {
    return new Contest(id, m, limit);
  }

  /** Whether the contest needs a proof about the sum of its selections (more than one option). */
  public boolean needsSumProof() {
    return options > 1;
  }
}
