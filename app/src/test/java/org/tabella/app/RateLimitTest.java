package org.tabella.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The board's per-address request budget (SPEC.md §4.8): beyond the burst, 429 until it refills. */
@DisplayName("the board limits requests per client address")
class RateLimitTest {
  @TempDir
  Path dir;

  @Test
  void aClientBeyondItsBurstGets429() throws Exception {
    var ceremony = Fixtures.ceremony();
    ElectionParameters e = ElectionParameters.builder("rate-test", ceremony.key().group()).trustees(3).quorum(2)
        .contest(Contest.referendum("q")).build();
    Path def = dir.resolve("definition");
    RecordIo.writeDefinition(new RecordIo.Definition(e, ceremony.key()), def);
    Path data = Files.createDirectories(dir.resolve("data"));
    try (BoardService service = BoardService.open(RecordIo.readDefinition(def), data)) {
      BoardServer server = BoardServer.start(service, def, data, BoardTls.inDataDirectory(data), 0, new RateLimiter.Rate(0.5, 3));
      try {
        HttpClient http = PinnedHttps.client(server.fingerprint());
        URI uri = URI.create("https://127.0.0.1:" + server.port() + "/api/election");
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          codes.add(http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertEquals(List.of(200, 200, 200, 429, 429), codes);
      } finally {
        server.close();
      }
    }
  }
}
