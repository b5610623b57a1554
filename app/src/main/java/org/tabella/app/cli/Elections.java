package org.tabella.app.cli;

import org.tabella.groups.Group;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.TallyMode;

/** The one-question elections the commands run. */
final class Elections {
  private Elections() {}

  /**
   * A yes/no referendum ("question") for {@code trustees} trustees with quorum {@code quorum}; in
   * unanimous mode {@code voters} are eligible (a missing ballot counts as dissent).
   */
  static ElectionParameters referendum(String id, Group group, int trustees, int quorum, TallyMode mode, int voters) {
    return ElectionParameters.builder(id, group).trustees(trustees).quorum(quorum)
        .contest(Contest.referendum("question")).mode(mode).voters(mode == TallyMode.UNANIMOUS ? voters : 0).build();
  }

  /**
   * An election id unique to one key ceremony run: {@code prefix-<16 hex digits of SHA-256 of the
   * ceremony's session id>} (the session id holds the run nonce agreed in its round 0).
   */
  static String runId(String prefix, org.tabella.crypto.dkg.DkgResult ceremony) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(ceremony.sessionId());
      return prefix + "-" + java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
