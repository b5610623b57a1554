package org.tabella.crypto.dkg;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;
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

  /** Canonical bytes (SPEC.md §2.10): what the round-2 echo digests. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, new byte[] {(byte) (dealer >>> 24), (byte) (dealer >>> 16), (byte) (dealer >>> 8), (byte) dealer});
    write(out, new byte[] {(byte) (commitments.size() >>> 8), (byte) commitments.size()});
    for (Element c : commitments) {
      write(out, c.encode());
    }
    write(out, proofOfPossession.commitment().encode());
    write(out, proofOfPossession.response().encode());
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, byte[] b) {
    out.write(b.length >>> 24);
    out.write(b.length >>> 16);
    out.write(b.length >>> 8);
    out.write(b.length);
    out.write(b, 0, b.length);
  }
}
