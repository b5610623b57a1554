package org.tabella.voting.tally;

/** What decrypting one tally entry revealed. */
public sealed interface EntryOutcome {
  /**
   * Counting mode: how many ballots selected the option.
   *
   * @param value the count, 0..number of ballots
   */
  record Count(long value) implements EntryOutcome {
    /** Checks the count is not negative. */
    public Count {
      if (value < 0) {
        throw new IllegalArgumentException("a count is not negative");
      }
    }

    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /**
   * Unanimous mode: whether every ballot said yes.
   *
   * @param unanimous the one bit revealed
   */
  record Unanimity(boolean unanimous) implements EntryOutcome {
    @Override
    public String toString() {
      return unanimous ? "unanimous" : "not unanimous";
    }
  }
}
