package org.tabella.network.node;

import org.tabella.network.wire.Envelope;

/**
 * Proof that a party signed two different payloads for the same (session, instance, round, sender,
 * recipient): both envelopes carry its valid, canonical signature and their signed bytes differ,
 * so anyone holding the roster can check the evidence offline ({@link #isProof}). Two signatures of
 * the same bytes are not equivocation (and with canonical signatures cannot differ).
 *
 * @param party the equivocating party
 * @param first one signed broadcast
 * @param second a different signed broadcast for the same instance and round
 */
public record Equivocation(int party, Envelope first, Envelope second) {
  /**
   * Checks the evidence against a roster: both envelopes name {@code party}, the same session,
   * instance, round and recipient, carry different signed bytes, and both signatures verify.
   */
  public boolean isProof(org.tabella.network.roster.Roster roster) {
    var entry = roster.parties().get(party);
    return entry != null && first.sender() == party && second.sender() == party
        && java.util.Arrays.equals(first.sessionId(), second.sessionId())
        && first.instance().equals(second.instance()) && first.round() == second.round()
        && first.recipient() == second.recipient()
        && !java.util.Arrays.equals(first.signedBytes(), second.signedBytes())
        && org.tabella.network.roster.Signatures.verify(entry.certificate(), first.signedBytes(), first.signature())
        && org.tabella.network.roster.Signatures.verify(entry.certificate(), second.signedBytes(), second.signature());
  }
}
