package org.tabella.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.encoding.MalformedEncodingException;
import org.tabella.crypto.encoding.ProtocolCodec;
import org.tabella.crypto.threshold.BlindingStep;
import org.tabella.crypto.threshold.DecryptionShare;
import org.tabella.crypto.threshold.JointBlinding;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.network.node.PartyNode;
import org.tabella.voting.tally.Trustees;

/**
 * The trustees over the network, as one party sees them: this party computes its own blinding
 * step and decryption share, broadcasts it, and collects its peers' (SPEC.md §4.6). Instance names
 * are {@code tally/<election tag>/<contest>/<option>} and {@code …/blind}.
 */
final class NetworkTrustees implements Trustees {
  private final PartyNode node;
  private final KeyShare share;
  private final String tag;

  NetworkTrustees(PartyNode node, KeyShare share, String tag) {
    this.node = node;
    this.share = share;
    this.tag = tag;
  }

  /**
   * Joint blinding: the parties present blind in id order; each waits for its predecessor's
   * step, checks it, adds its own and broadcasts it; an absent or invalid step is skipped.
   */
  @Override
  public List<BlindingStep> blind(String entry, Ciphertext start, byte[] context) throws InterruptedException {
    String instance = "tally/" + tag + "/" + entry + "/blind";
    Set<Integer> present = new TreeSet<>(node.connectedPeers());
    present.add(node.id());
    List<Integer> order = new ArrayList<>(present);
    List<BlindingStep> steps = new ArrayList<>();
    Ciphertext current = start;
    for (int pos = 0; pos < order.size(); pos++) {
      int trustee = order.get(pos);
      BlindingStep step = null;
      if (trustee == node.id()) {
        step = JointBlinding.blind(trustee, current, context);
        node.broadcast(instance, pos + 1, ProtocolCodec.encode(step));
      } else {
        Map<Integer, byte[]> got = node.collectBroadcastsFrom(instance, pos + 1, Set.of(trustee));
        byte[] bytes = got.get(trustee);
        if (bytes != null) {
          try {
            step = ProtocolCodec.decodeBlindingStep(start.group(), current, bytes);
          } catch (MalformedEncodingException e) {
            step = null;
          }
        }
      }
      if (step == null || step.trustee() != trustee) {
        continue;
      }
      List<BlindingStep> extended = new ArrayList<>(steps);
      extended.add(step);
      if (JointBlinding.verifyChain(start, extended, context)) {
        steps = extended;
        current = step.output();
      }
    }
    node.finish(instance);
    return steps;
  }

  @Override
  public List<DecryptionShare> decryptionShares(String entry, Ciphertext target, byte[] context)
      throws InterruptedException {
    return node.collectDecryptionShares(share, target, "tally/" + tag + "/" + entry, context);
  }
}
