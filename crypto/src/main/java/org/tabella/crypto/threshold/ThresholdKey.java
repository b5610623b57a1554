package org.tabella.crypto.threshold;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tabella.crypto.elgamal.ElGamalPublicKey;
import org.tabella.groups.Element;

/**
 * The public side of a threshold key: the joint public key, the quorum k, and every trustee's
 * verification key X_i = g^{x_i}, against which decryption shares are checked.
 *
 * @param publicKey the joint ElGamal key
 * @param threshold k: how many valid shares decrypt
 * @param verificationKeys trustee index → X_i
 */
public record ThresholdKey(ElGamalPublicKey publicKey, int threshold, Map<Integer, Element> verificationKeys) {

  /** Copies the map (sorted by index) and checks the quorum is achievable. */
  public ThresholdKey {
    Objects.requireNonNull(publicKey, "publicKey");
    verificationKeys = java.util.Collections.unmodifiableMap(new TreeMap<>(verificationKeys));
    if (threshold < 1 || threshold > verificationKeys.size()) {
      throw new IllegalArgumentException("threshold must be in 1..number of trustees");
    }
  }

  /** Returns the number of trustees n. */
  public int trustees() {
    return verificationKeys.size();
  }
}
