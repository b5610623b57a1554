package org.tabella.crypto.threshold;

/** Thrown when fewer than k valid decryption shares are available: nothing is revealed. */
public class InsufficientSharesException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message how many valid shares there were and how many are needed
   */
  public InsufficientSharesException(String message) {
    super(message);
  }
}
