package org.tabella.voting.record;

/**
 * A record file that is not exactly what SPEC.md §4.4 describes: unreadable JSON, an unknown,
 * missing, duplicated or mistyped field, a non-canonical value, an element that does not decode,
 * or another record version. The message names the file and the JSON path.
 */
public class InvalidRecordException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final String path;

  /**
   * Creates the exception.
   *
   * @param file the record file, e.g. {@code tally.json}
   * @param path the JSON path, e.g. {@code $.entries[2].shares[0].z}
   * @param message what is wrong there
   */
  public InvalidRecordException(String file, String path, String message) {
    super(file + " " + path + ": " + message);
    this.file = file;
    this.path = path;
  }

  /** The record file. */
  public String file() {
    return file;
  }

  /** The JSON path of the offending value. */
  public String path() {
    return path;
  }
}
