package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabella.app.board.BoardServer;
import org.tabella.app.board.BoardService;
import org.tabella.app.board.BoardTls;
import org.tabella.app.board.PinnedHttps;
import org.tabella.app.board.RateLimiter;
import org.tabella.voting.Contest;
import org.tabella.voting.ElectionParameters;
import org.tabella.voting.Fixtures;
import org.tabella.voting.record.RecordIo;

/**
 * The board's connection limits (SPEC.md §4.8), on real sockets: beyond the cap a new connection
 * is closed at once while the board keeps serving, a freed slot is usable again, and a silent
 * connection is closed after the idle time.
 */
@DisplayName("the board caps connections and closes idle ones")
class ConnectionLimitTest {
  @TempDir
  Path dir;

  /** True if the server closes the connection (end of stream or reset) within {@code millis}. */
  private static boolean closedWithin(Socket s, int millis) throws Exception {
    s.setSoTimeout(millis);
    InputStream in = s.getInputStream();
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.io.IOException e) {
      return true; // reset
    }
  }

  @Test
  void connectionsBeyondTheCapAreClosedAndIdleOnesTimeOut() throws Exception {
    var ceremony = Fixtures.ceremony();
    ElectionParameters e = ElectionParameters.builder("limits-test", ceremony.key().group()).trustees(3).quorum(2)
        .contest(Contest.referendum("q")).build();
    Path def = dir.resolve("definition");
    RecordIo.writeDefinition(new RecordIo.Definition(e, ceremony.key()), def);
    Path data = Files.createDirectories(dir.resolve("data"));
    try (BoardService service = BoardService.open(RecordIo.readDefinition(def), data)) {
      BoardServer server = BoardServer.start(service, def, data, BoardTls.inDataDirectory(data), 0,
          new RateLimiter.Rate(1_000, 1_000), new BoardServer.Limits(3, 2));
      List<Socket> held = new ArrayList<>();
      try {
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", server.port());
        long opened = System.nanoTime();
        for (int i = 0; i < 3; i++) {
          Socket s = new Socket();
          s.connect(at, 2_000);
          held.add(s);
        }
        Thread.sleep(200); // let the board accept all three
        for (Socket s : held) {
          assertTrue(!closedWithin(s, 300), "a connection within the cap stays open");
        }
        try (Socket fourth = new Socket()) {
          fourth.connect(at, 2_000);
          assertTrue(closedWithin(fourth, 2_000), "the connection beyond the cap is closed at once");
        }
        // The idle timeout (2 s) frees the three silent connections; then HTTPS works again.
        for (Socket s : held) {
          assertTrue(closedWithin(s, 5_000), "a silent connection is closed after the idle time");
        }
        double seconds = (System.nanoTime() - opened) / 1e9;
        assertTrue(seconds >= 1.8, "not before the idle time: closed " + seconds + " s after opening");
        Thread.sleep(200);
        HttpClient http = PinnedHttps.client(server.fingerprint());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("https://127.0.0.1:" + server.port() + "/api/election")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "freed slots serve again");
      } finally {
        for (Socket s : held) {
          s.close();
        }
        server.close();
      }
    }
  }
}
