package org.tabella.crypto.dkg;

import java.util.List;
import java.util.Set;
import org.tabella.crypto.threshold.KeyShare;
import org.tabella.crypto.threshold.ThresholdKey;

/**
 * What one party holds after a successful ceremony.
 *
 * @param key the joint public key, quorum and every party's verification key
 * @param share this party's secret key share
 * @param qualified the dealers whose polynomials make up the key
 * @param misbehaviour everything found wrong, per party
 */
public record DkgResult(ThresholdKey key, KeyShare share, Set<Integer> qualified, List<Misbehaviour> misbehaviour) {
  /** Copies the collections. */
  public DkgResult {
    qualified = Set.copyOf(qualified);
    misbehaviour = List.copyOf(misbehaviour);
  }
}
