package org.tabella.crypto.threshold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tabella.crypto.elgamal.Ciphertext;
import org.tabella.crypto.internal.Contexts;
import org.tabella.crypto.proofs.DleqProof;
import org.tabella.crypto.proofs.ProofBatch;
import org.tabella.crypto.sharing.Lagrange;
import org.tabella.groups.Element;
import org.tabella.groups.Group;
import org.tabella.groups.Scalar;

/**
 * Threshold decryption: each trustee publishes d_i = a^{x_i} with a DLEQ proof against X_i; the
 * combiner checks every share, skips and reports the invalid ones, and interpolates any k valid
 * ones in the exponent: g^m = b / ∏ d_i^{λ_i}.
 */
public final class ThresholdDecryption {
  private ThresholdDecryption() {}

  /**
   * Computes trustee {@code share.index()}'s decryption share of {@code c}.
   *
   * @param context bytes binding the proof (election, tally id); the ciphertext and trustee index
   *     are bound automatically
   * <p>A ciphertext whose a is the identity (the tally of no ballots) is answered with the share
   * 1 and a valid proof: it reveals nothing about x_i, and b is then the plaintext itself.
   *
   * @throws IllegalArgumentException if the ciphertext is of another group
   */
  public static DecryptionShare share(KeyShare share, Ciphertext c, byte[] context) {
    if (!c.group().equals(share.group())) {
      throw new IllegalArgumentException("ciphertext of another group");
    }
    Group g = share.group();
    DleqProof.Proven p = DleqProof.proveImage(share.value(), g.generator(), c.a(),
        proofContext(context, c, share.index()));
    return new DecryptionShare(share.index(), p.h2(), p.proof());
  }

  /** Returns whether one share is valid for {@code c} under the threshold key. */
  public static boolean verify(ThresholdKey key, Ciphertext c, DecryptionShare s, byte[] context) {
    Element x = key.verificationKeys().get(s.trustee());
    if (x == null || !s.share().group().equals(c.group())) {
      return false;
    }
    Group g = c.group();
    return s.proof().verify(g.generator(), x, c.a(), s.share(), proofContext(context, c, s.trustee()));
  }

  /**
   * Checks all shares (in one batch, falling back to one by one to name the bad ones), drops
   * invalid, duplicate and unknown ones, and combines the first k valid shares by index.
   *
   * @throws InsufficientSharesException with fewer than k valid shares
   */
  public static DecryptionResult combine(ThresholdKey key, Ciphertext c,
      Collection<DecryptionShare> shares, byte[] context) throws InsufficientSharesException {
    Group g = c.group();
    List<RejectedShare> rejected = new ArrayList<>();
    List<DecryptionShare> candidates = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (DecryptionShare s : shares) {
      if (!key.verificationKeys().containsKey(s.trustee())) {
        rejected.add(new RejectedShare(s.trustee(), "unknown trustee"));
      } else if (!seen.add(s.trustee())) {
        rejected.add(new RejectedShare(s.trustee(), "more than one share from this trustee"));
      } else if (!s.share().group().equals(g) || !s.proof().commitment1().group().equals(g)) {
        rejected.add(new RejectedShare(s.trustee(), "share of another group"));
      } else {
        candidates.add(s);
      }
    }
    ProofBatch batch = new ProofBatch(g);
    for (DecryptionShare s : candidates) {
      batch.add(s.proof(), g.generator(), key.verificationKeys().get(s.trustee()), c.a(), s.share(),
          proofContext(context, c, s.trustee()));
    }
    List<Integer> bad = batch.invalid();
    Map<Integer, Element> valid = new TreeMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      DecryptionShare s = candidates.get(i);
      if (bad.contains(i)) {
        rejected.add(new RejectedShare(s.trustee(), "invalid Chaum-Pedersen proof"));
      } else {
        valid.put(s.trustee(), s.share());
      }
    }
    if (valid.size() < key.threshold()) {
      throw new InsufficientSharesException(
          valid.size() + " valid decryption shares, " + key.threshold() + " needed");
    }
    List<Integer> used = new ArrayList<>(valid.keySet()).subList(0, key.threshold());
    List<Element> bases = new ArrayList<>();
    List<Scalar> exps = new ArrayList<>();
    for (int i : used) {
      bases.add(valid.get(i));
      exps.add(Lagrange.atZero(g, i, used));
    }
    Element mask = g.multiExp(bases, exps);
    return new DecryptionResult(c.b().div(mask), used, rejected);
  }

  /** LP("tabella-decryption-share-v1") ‖ LP(context) ‖ LP(ciphertext) ‖ LP(trustee): what every share proof binds. */
  static byte[] proofContext(byte[] context, Ciphertext c, int trustee) {
    return Contexts.of("tabella-decryption-share-v1", context, c.encode(), Contexts.intBytes(trustee));
  }
}
