package org.tabella.network.node;

import java.util.ArrayList;
import java.util.List;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdDecryption;

/**
 * One threshold-decryption round (SPEC.md §2.8, §3.4): a consistent round in which every trustee
 * broadcasts its decryption share with its Chaum–Pedersen proof. It needs no agreement on the set:
 * any k valid shares give the same plaintext, and the caller checks every share before combining.
 */
final class DecryptionRound {
  private final PartyNode node;

  DecryptionRound(PartyNode node) {
    this.node = node;
  }

  /** Broadcasts this party's share (if it holds one) and returns every well-formed share that arrived, own first. */
  List<DecryptionShare> collect(KeyShare share, Ciphertext c, String instance, byte[] context) throws InterruptedException {
    List<DecryptionShare> shares = new ArrayList<>();
    if (share != null) {
      DecryptionShare mine = ThresholdDecryption.share(share, c, context);
      shares.add(mine);
      node.broadcast(instance, 1, ProtocolCodec.encode(mine));
    }
    try {
      for (var e : node.await(instance, 1, false).broadcasts().entrySet()) {
        try {
          DecryptionShare s = ProtocolCodec.decodeDecryptionShare(c.group(), e.getValue());
          if (s.trustee() == e.getKey()) {
            shares.add(s);
          }
        } catch (MalformedEncodingException ex) {
          node.warn(instance, 1, e.getKey(), ex);
        }
      }
      return shares;
    } finally {
      node.finish(instance);
    }
  }
}
