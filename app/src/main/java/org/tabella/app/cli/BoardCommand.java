package org.tabella.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tabella.app.board.BoardServer;
import org.tabella.app.board.BoardService;
import org.tabella.app.board.BoardTls;
import org.tabella.voting.record.InvalidRecordException;
import org.tabella.voting.record.RecordIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tabella board}: the bulletin-board service. */
@Command(name = "board", mixinStandardHelpOptions = true, description = "The bulletin-board service for remote voters.",
    subcommands = {BoardCommand.Serve.class, BoardCommand.Close.class})
final class BoardCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give a subcommand: serve or close");
  }

  /** {@code tabella board close}: closes voting on a running board with its admin token. */
  @Command(name = "close", mixinStandardHelpOptions = true,
      description = "Close voting on a board (needs its admin token, DATA/admin.token).")
  static final class Close implements Callable<Integer> {
    @Option(names = "--board", required = true, description = "the board's URL")
    java.net.URI board;
    @Option(names = "--pin", required = true, description = "the board certificate's SHA-256 fingerprint")
    String pin;
    @Option(names = "--token-file", required = true, description = "the admin token file (DATA/admin.token)")
    Path tokenFile;

    @Override
    public Integer call() throws Exception {
      if (!Files.exists(tokenFile)) {
        throw UserError.input("token file not found: " + tokenFile);
      }
      String token = Files.readString(tokenFile).trim();
      java.net.http.HttpClient http;
      try {
        http = org.tabella.app.board.PinnedHttps.client(pin);
      } catch (IllegalArgumentException e) {
        throw UserError.usage("--pin: " + e.getMessage());
      }
      java.net.URI base = board.toString().endsWith("/") ? board : java.net.URI.create(board + "/");
      java.net.http.HttpResponse<String> r;
      try {
        r = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("api/close")).header("Authorization", "Bearer " + token)
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        throw UserError.network("cannot reach the board at " + board + ": " + e.getMessage());
      }
      var o = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      if (r.statusCode() != 200) {
        throw UserError.usage("the board did not close (HTTP " + r.statusCode() + "): " + o.path("error").asText());
      }
      System.out.printf("voting closed: %d ballots, head %s%n", o.get("ballots").asInt(), o.get("head").asText());
      return 0;
    }
  }

  /** {@code tabella board serve}. */
  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve an election's bulletin board over HTTPS (SPEC §4.8) until stopped; print its URL and"
          + " certificate fingerprint. A restart on the same --data resumes.")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--election", required = true, description = "the election definition (from 'tabella election')")
    Path election;
    @Option(names = "--data", required = true, description = "the board's data directory (board.log, closed.json,"
        + " admin.token, its TLS identity)")
    Path data;
    @Option(names = "--port", defaultValue = "8443", description = "port (default ${DEFAULT-VALUE}; 0: any free port)")
    int port;
    @Option(names = "--host", defaultValue = "localhost", description = "the host name printed in the URL")
    String host;
    @Option(names = "--tls-cert", description = "a PEM certificate instead of the board's own self-signed one")
    Path tlsCert;
    @Option(names = "--tls-key", description = "the PEM private key of --tls-cert")
    Path tlsKey;
    @Option(names = "--rate", defaultValue = "200", description = "requests per second per client address (default ${DEFAULT-VALUE})")
    double rate;

    @Override
    public Integer call() throws Exception {
      if ((tlsCert == null) != (tlsKey == null)) {
        throw UserError.usage("--tls-cert and --tls-key go together");
      }
      if (port < 0 || port > 65535) {
        throw UserError.usage("--port is 0..65535");
      }
      if (!(rate > 0)) {
        throw UserError.usage("--rate must be positive");
      }
      RecordIo.Definition d;
      try {
        d = RecordIo.readDefinition(election);
      } catch (InvalidRecordException e) {
        throw UserError.input(election + ": " + e.getMessage());
      } catch (java.nio.file.NoSuchFileException e) {
        throw UserError.input("no election definition in " + election + " (missing " + e.getFile() + ")");
      }
      Files.createDirectories(data);
      BoardTls tls = tlsCert != null ? BoardTls.load(tlsCert, tlsKey) : BoardTls.inDataDirectory(data);
      BoardService service;
      try {
        service = BoardService.open(d, data);
      } catch (java.io.IOException e) {
        throw UserError.input("cannot open the board in " + data + ": " + e.getMessage());
      }
      BoardServer server = BoardServer.start(service, election, data, tls, port,
          new org.tabella.app.board.RateLimiter.Rate(rate, 2 * rate));
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        try {
          service.close();
        } catch (java.io.IOException e) {
          // The log is fsynced per batch: nothing acknowledged is lost.
        }
        stopped.countDown();
      }));
      System.out.printf("board of election %s: https://%s:%d/ (%d ballots, %s)%n", d.election().electionId(), host,
          server.port(), service.size(), service.isClosed() ? "closed" : "open");
      System.out.printf("  certificate fingerprint SHA-256 %s (voters pass it as --pin)%n", server.fingerprint());
      System.out.printf("  admin token in %s%n", data.resolve("admin.token"));
      System.out.flush();
      stopped.await();
      return 0;
    }
  }
}
