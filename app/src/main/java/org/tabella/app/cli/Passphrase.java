package org.tabella.app.cli;

import java.io.Console;
import java.util.Arrays;

/**
 * Where a sealed key share's passphrase comes from: the {@code TABELLA_PASSPHRASE} environment
 * variable (for scripts and tests), else the terminal, without echo (asked twice when sealing).
 * It is never printed, logged or put in an error message.
 */
final class Passphrase {
  static final String VARIABLE = "TABELLA_PASSPHRASE";
  static final int MIN_LENGTH = 8;

  private Passphrase() {}

  /** The passphrase to seal a new share with (twice on a terminal; at least 8 characters). */
  static char[] forSealing() throws UserError {
    char[] p = read("passphrase for the key share: ");
    if (System.getenv(VARIABLE) == null) {
      char[] again = read("the same passphrase again: ");
      boolean same = Arrays.equals(p, again);
      Arrays.fill(again, ' ');
      if (!same) {
        Arrays.fill(p, ' ');
        throw UserError.usage("the two passphrases differ");
      }
    }
    if (p.length < MIN_LENGTH) {
      Arrays.fill(p, ' ');
      throw UserError.usage("the passphrase must have at least " + MIN_LENGTH + " characters");
    }
    return p;
  }

  /** The passphrase to open a share with. */
  static char[] forOpening() throws UserError {
    return read("passphrase for the key share: ");
  }

  private static char[] read(String prompt) throws UserError {
    String env = System.getenv(VARIABLE);
    if (env != null) {
      return env.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw UserError.usage("no terminal to ask for the passphrase: set " + VARIABLE);
    }
    char[] p = console.readPassword("%s", prompt);
    if (p == null) {
      throw UserError.usage("no passphrase given");
    }
    return p;
  }
}
