package org.tabella.voting.board;

import java.nio.file.Path;
import java.util.HexFormat;
import org.tabella.voting.Ballots;
import org.tabella.voting.Fixtures;

/**
 * A board in its own process, for crash and lock tests. {@code write}: submits ballots forever,
 * printing "ack ID" after each acknowledgement. {@code hold}: opens the board, prints "open" and
 * waits to be killed. The parent passes its election key, so both processes open the same board.
 */
public final class BoardWriterProcess {
  private BoardWriterProcess() {}

  static Process start(Path file, String mode) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BoardWriterProcess.class.getName(),
        file.toString(), mode, HexFormat.of().formatHex(Fixtures.DEALT.key().publicKey().element().encode()))
        .redirectErrorStream(true).start();
  }

  public static void main(String[] args) throws Exception {
    var pk = org.tabella.crypto.elgamal.ElGamalPublicKey.of(Fixtures.G.decodeNonIdentity(
        HexFormat.of().parseHex(args[2])));
    try (BulletinBoard board = BulletinBoard.open(Path.of(args[0]), Fixtures.REFERENDUM, pk)) {
      if (args[1].equals("hold")) {
        System.out.println("open");
        System.out.flush();
        Thread.sleep(120_000);
        return;
      }
      for (int i = 0; ; i++) {
        String id = String.format("w%05d", i);
        board.submit(Ballots.referendum(Fixtures.REFERENDUM, pk, id, i % 2 == 0));
        System.out.println("ack " + id);
        System.out.flush();
      }
    }
  }
}
