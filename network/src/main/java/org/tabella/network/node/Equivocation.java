package org.tabella.network.node;

import org.tabella.network.wire.Envelope;

/**
 * Proof that a party signed two different broadcasts for the same round: both envelopes carry its
 * valid signature, so anyone holding the roster can check the evidence.
 *
 * @param party the equivocating party
 * @param first one signed broadcast
 * @param second a different signed broadcast for the same instance and round
 */
public record Equivocation(int party, Envelope first, Envelope second) {}
