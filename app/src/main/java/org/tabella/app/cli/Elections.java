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
}
