package org.tabella.voting.board;

/** A ballot the board refused, with the reason (invalid proof, duplicate id, copied ciphertext…). */
public class BallotRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why the ballot was refused
   */
  public BallotRejectedException(String reason) {
    super(reason);
  }
}
