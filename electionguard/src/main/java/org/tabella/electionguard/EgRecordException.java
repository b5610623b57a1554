package org.tabella.electionguard;

/** An ElectionGuard record file that does not read: names the file and the JSON path. */
public final class EgRecordException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final String path;

  EgRecordException(String file, String path, String message) {
    super(file + " " + path + ": " + message);
    this.file = file;
    this.path = path;
  }

  /** The file. */
  public String file() {
    return file;
  }

  /** The JSON path. */
  public String path() {
    return path;
  }
}
