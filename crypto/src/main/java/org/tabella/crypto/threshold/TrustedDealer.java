package org.tabella.crypto.threshold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.crypto.sharing.Polynomial;
import org.tabella.crypto.sharing.Shamir;
import org.tabella.crypto.sharing.Share;
import org.tabella.groups.Group;

/**
 * Threshold keys from one trusted dealer, for tests and small deployments where one machine may
 * see the whole secret for a moment. Real ceremonies use the DKG ({@code org.tabella.crypto.dkg}).
 */
public final class TrustedDealer {
  private TrustedDealer() {}

  /**
   * A dealt key: the public side and every trustee's share.
   *
   * @param key the threshold key
   * @param shares one share per trustee, index order
   */
  public record Dealt(ThresholdKey key, List<KeyShare> shares) {
    /** Copies the list. */
    public Dealt {
      shares = List.copyOf(shares);
    }
  }

  /**
   * Deals a fresh key to trustees 1..n with quorum k.
   *
   * @throws IllegalArgumentException unless 1 ≤ k ≤ n
   */
  public static Dealt deal(Group group, int trustees, int threshold) {
    if (threshold < 1 || threshold > trustees) {
      throw new IllegalArgumentException("need 1 ≤ threshold ≤ trustees");
    }
    Polynomial f = Polynomial.random(group, threshold);
    List<KeyShare> shares = new ArrayList<>();
    Map<Integer, org.tabella.groups.Element> verification = new LinkedHashMap<>();
    for (Share s : Shamir.shares(f, trustees)) {
      shares.add(new KeyShare(group, s.index(), s.value()));
      verification.put(s.index(), group.generatorTable().exp(s.value().reveal()));
    }
    ElGamalPublicKey pk = ElGamalPublicKey.of(group.generatorTable().exp(f.constantTerm().reveal()));
    return new Dealt(new ThresholdKey(pk, threshold, verification), shares);
  }
}
