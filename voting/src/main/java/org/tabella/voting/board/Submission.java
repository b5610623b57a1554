package org.tabella.voting.board;

import java.util.Objects;

/** What the board did with one submitted ballot: accepted (durably) with a receipt, or rejected. */
public sealed interface Submission {
  /**
   * The ballot is on the board and on disk.
   *
   * @param receipt the voter's receipt
   */
  record Accepted(Receipt receipt) implements Submission {
    /** Checks presence. */
    public Accepted {
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  /**
   * The ballot was refused and nothing was stored.
   *
   * @param reason why (invalid proof, duplicate id, copied ciphertext, wrong contests…)
   */
  record Rejected(String reason) implements Submission {
    /** Checks presence. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
