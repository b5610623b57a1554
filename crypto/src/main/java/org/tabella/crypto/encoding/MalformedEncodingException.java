package org.tabella.crypto.encoding;

/**
 * Thrown when bytes from outside (a peer, a file, a vector) are not the one canonical encoding of
 * a well-formed value; the message says what was wrong and never contains secret material.
 */
public class MalformedEncodingException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong
   */
  public MalformedEncodingException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was wrong
   * @param cause the underlying failure
   */
  public MalformedEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
