package org.tabella.voting;

/** What the decryption of an election reveals. */
public enum TallyMode {
  /** Every option's count. */
  COUNT,
  /**
   * Only whether every vote was yes (one yes/no referendum): the trustees jointly blind
   * Enc(yes − voters) before decrypting it, so any other total decrypts to a random element.
   */
  UNANIMOUS
}
