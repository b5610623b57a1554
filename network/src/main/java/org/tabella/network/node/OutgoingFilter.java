package org.tabella.network.node;

/**
 * Fault injection for tests and drills: rewrites or drops each payload a node sends, before it is
 * signed, so the node lies, equivocates or falls silent with its real identity. Production nodes
 * have none ({@link PartyNode#start(org.tabella.network.roster.Roster, org.tabella.network.roster.Identity,
 * NodeOptions)}); only {@link PartyNode#startWithFaults} takes one.
 */
@FunctionalInterface
public interface OutgoingFilter {
  /** Sends every payload unchanged. */
  OutgoingFilter NONE = (instance, round, recipient, payload) -> payload;

  /** Returns the payload to send to {@code recipient} (for a broadcast, per peer), or null to send nothing. */
  byte[] apply(String instance, int round, int recipient, byte[] payload);
}
