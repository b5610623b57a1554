package org.tabella.app.cli;

/**
 * A mistake the person at the keyboard can fix, with the exit code it maps to (see {@link ExitCodes}).
 * Its message is the whole explanation, shown as one line: {@code tabella <command>: <message>}.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  private UserError(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** A wrong or missing option (exit 2). */
  static UserError usage(String message) {
    return new UserError(ExitCodes.USAGE, message);
  }

  /** An input file that is missing or malformed (exit 3). */
  static UserError input(String message) {
    return new UserError(ExitCodes.INPUT, message);
  }

  /** The network or the peers failed (exit 4). */
  static UserError network(String message) {
    return new UserError(ExitCodes.NETWORK, message);
  }

  /** A result that does not verify (exit 1). */
  static UserError verification(String message) {
    return new UserError(ExitCodes.FAILED, message);
  }

  int exitCode() {
    return exitCode;
  }
}
