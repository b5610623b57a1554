package org.tabella.crypto.dkg;

/**
 * Something a party did wrong in a ceremony, as all honest parties see it.
 *
 * @param party the party's index
 * @param reason what it did (the evidence is in the public messages of the named round)
 */
public record Misbehaviour(int party, String reason) {}
