package org.tabella.crypto.dkg;

/** Thrown when a ceremony cannot produce a key: fewer than k dealers qualified. */
public class DkgFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why
   */
  public DkgFailedException(String message) {
    super(message);
  }
}
