package org.tabella.voting;

import java.nio.file.Path;

/** Submits ballots to a board forever, printing "ack ID" after each acknowledgement (crash test). */
public final class BoardWriterProcess {
  private BoardWriterProcess() {}

  public static void main(String[] args) throws Exception {
    var pk = Fixtures.DEALT.key().publicKey();
    try (BulletinBoard board = BulletinBoard.open(Path.of(args[0]), Fixtures.REFERENDUM, pk)) {
      for (int i = 0; ; i++) {
        String id = String.format("w%05d", i);
        board.submit(Ballots.referendum(Fixtures.REFERENDUM, pk, id, i % 2 == 0));
        System.out.println("ack " + id);
        System.out.flush();
      }
    }
  }
}
