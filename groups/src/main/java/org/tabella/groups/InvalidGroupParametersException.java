package org.tabella.groups;

/**
 * Thrown when group parameters (p, q, g of a Schnorr group, or a generation record) fail
 * validation: composite moduli, q not dividing p − 1, a generator of the wrong order, or sizes
 * below the security floor.
 */
public class InvalidGroupParametersException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which check failed
   */
  public InvalidGroupParametersException(String message) {
    super(message);
  }
}
