package org.tabella.crypto.dkg;

/** Lets tests in other packages compute the proof-of-possession context. */
public final class DkgTestAccess {
  private DkgTestAccess() {}

  public static byte[] popContext(DkgParameters params, int dealer) {
    return DkgParty.popContext(params, dealer);
  }
}
