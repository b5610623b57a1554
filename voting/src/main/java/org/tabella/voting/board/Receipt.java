package org.tabella.voting.board;

/**
 * What the board gives a voter once the ballot is durably recorded.
 *
 * @param ballotId the ballot
 * @param trackingCode the code the voter can look up in the record
 * @param position the ballot's position on the board (0-based)
 */
public record Receipt(String ballotId, String trackingCode, long position) {}
