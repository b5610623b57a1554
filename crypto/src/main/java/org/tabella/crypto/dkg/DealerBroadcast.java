package org.tabella.crypto.dkg;

import java.util.List;
import java.util.Objects;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.crypto.proofs.SchnorrProof;
import org.tabella.groups.Element;

/**
 * Round 1, broadcast: dealer d's Feldman commitments C_{d,0..k−1} and a Schnorr proof of
 * possession of log_g C_{d,0}, bound to the session and to d.
 *
 * @param dealer d
 * @param commitments C_{d,0} … C_{d,k−1}
 * @param proofOfPossession the proof for C_{d,0}
 */
public record DealerBroadcast(int dealer, List<Element> commitments, SchnorrProof proofOfPossession) {

  /** Copies the list; checks presence. */
  public DealerBroadcast {
    commitments = List.copyOf(commitments);
    Objects.requireNonNull(proofOfPossession, "proofOfPossession");
  }

  /** Canonical bytes ({@link ProtocolCodec#encode(DealerBroadcast)}, SPEC.md §3.4): what travels and what the round-2 echo digests. */
  public byte[] encode() {
    return ProtocolCodec.encode(this);
  }
}
