package org.tabella.voting.board;

import java.io.IOException;

/**
 * The board's log holds something other than acknowledged ballots of this election: a damaged
 * record with intact data after it, a header of another election or key, or a ballot that no
 * longer verifies. The log is left exactly as it was; an operator must look at it.
 */
public class BoardCorruptedException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where (the byte offset)
   */
  public BoardCorruptedException(String message) {
    super(message);
  }
}
