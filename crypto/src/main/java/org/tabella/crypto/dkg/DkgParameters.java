package org.tabella.crypto.dkg;

import java.math.BigInteger;
import java.util.Objects;
import org.tabella.groups.Group;

/**
 * The public parameters of one key ceremony: group, n parties (indices 1..n), quorum k (any k
 * decrypt, k − 1 learn nothing) and a session id that every proof of the ceremony is bound to.
 *
 * @param group the group
 * @param parties n
 * @param threshold k
 * @param sessionId unique bytes per ceremony (so proofs cannot be replayed across ceremonies)
 */
public record DkgParameters(Group group, int parties, int threshold, byte[] sessionId) {

  /** Checks 1 ≤ k ≤ n < q and a non-empty session id; copies the id. */
  public DkgParameters {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(sessionId, "sessionId");
    if (threshold < 1 || threshold > parties) {
      throw new IllegalArgumentException("need 1 ≤ threshold ≤ parties");
    }
    if (BigInteger.valueOf(parties).compareTo(group.order()) >= 0) {
      throw new IllegalArgumentException("too many parties for the group order");
    }
    if (sessionId.length == 0) {
      throw new IllegalArgumentException("the session id must not be empty");
    }
    sessionId = sessionId.clone();
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  /** Returns whether {@code index} names a party of this ceremony. */
  public boolean isParty(int index) {
    return index >= 1 && index <= parties;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DkgParameters p && p.group.equals(group) && p.parties == parties
        && p.threshold == threshold && java.util.Arrays.equals(p.sessionId, sessionId);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(sessionId) * 31 + parties * 7 + threshold;
  }

  @Override
  public String toString() {
    return "DkgParameters(" + group.name() + ", " + threshold + " of " + parties + ")";
  }
}
