package org.tabella.app.cli;

/** The {@code tabella} command's exit codes (README, {@code tabella --help}). */
final class ExitCodes {
  /** Success; for verify and vectors: valid. */
  static final int OK = 0;
  /** A record or vector did not verify, or a result did not match. */
  static final int FAILED = 1;
  /** A wrong or missing option. */
  static final int USAGE = 2;
  /** An input file missing or malformed. */
  static final int INPUT = 3;
  /** The network or the peers failed: quorum not reached, ceremony aborted, timeouts. */
  static final int NETWORK = 4;
  /** A bug: please report it with the output of --verbose. */
  static final int INTERNAL = 5;


  private ExitCodes() {}
}
