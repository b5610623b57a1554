package org.tabella.groups;

/**
 * Thrown when bytes from outside (the network, a file, a test vector) are not the canonical
 * encoding of a value of the expected kind: a group element, a non-identity element or a scalar.
 *
 * <p>The message says what was wrong (length, range, curve, subgroup, canonical form) and never
 * contains secret material. Decoding that throws this exception has no side effects.
 */
public class InvalidEncodingException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the input, without echoing secret values
   */
  public InvalidEncodingException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the underlying cause (e.g. an arithmetic error in a decoder).
   *
   * @param message what was wrong with the input
   * @param cause the lower-level failure
   */
  public InvalidEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
