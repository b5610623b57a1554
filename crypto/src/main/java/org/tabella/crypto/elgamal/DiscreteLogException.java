package org.tabella.crypto.elgamal;

/** Thrown when g^m has no m in the searched range 0..bound: never a hang, never a wrong number. */
public class DiscreteLogException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was searched
   */
  public DiscreteLogException(String message) {
    super(message);
  }
}
