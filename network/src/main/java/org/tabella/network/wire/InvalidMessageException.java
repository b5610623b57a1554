package org.tabella.network.wire;

/** Thrown when bytes from a peer are not a well-formed message; the message says what was wrong. */
public class InvalidMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong
   */
  public InvalidMessageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was wrong
   * @param cause the underlying failure
   */
  public InvalidMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
