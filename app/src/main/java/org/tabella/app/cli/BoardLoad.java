package org.tabella.app.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.tabella.app.board.BoardClient;
import org.tabella.voting.Ballot;
import org.tabella.voting.Contest;
import org.tabella.voting.record.RecordIo;

/**
 * {@code tabella bench --board URL}: a load generator for a running board. It encrypts every ballot
 * first (not timed), then submits them from {@code concurrency} clients at once and reports
 * accepted ballots per second and the latency of a submission (median and 99th percentile).
 */
final class BoardLoad {
  private BoardLoad() {}

  static int run(URI board, String pin, int voters, int concurrency, boolean json) throws Exception {
    BoardClient client = new BoardClient(board, pin);
    RecordIo.Definition d;
    try {
      d = client.election();
    } catch (java.io.IOException e) {
      throw UserError.network("cannot reach the board at " + board + ": " + e.getMessage());
    }
    List<Ballot> ballots = IntStream.range(0, voters).parallel().mapToObj(i -> {
      Map<String, int[]> choices = new TreeMap<>();
      for (Contest c : d.election().contests()) {
        int[] sel = new int[c.options()];
        sel[i % c.options()] = (i / c.options()) % 2;
        choices.put(c.id(), sel);
      }
      return BoardClient.encrypt(d, choices);
    }).toList();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<Long>> fs = new ArrayList<>();
    long start = System.nanoTime();
    for (Ballot b : ballots) {
      fs.add(pool.submit(() -> {
        long t0 = System.nanoTime();
        client.submit(b, 20);
        return System.nanoTime() - t0;
      }));
    }
    long[] latency = new long[voters];
    int refused = 0;
    for (int i = 0; i < voters; i++) {
      try {
        latency[i] = fs.get(i).get();
      } catch (java.util.concurrent.ExecutionException e) {
        refused++;
        latency[i] = Long.MAX_VALUE;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    java.util.Arrays.sort(latency);
    double perSecond = (voters - refused) / seconds;
    double median = latency[voters / 2] / 1e6;
    double p99 = latency[Math.min(voters - 1, (int) (voters * 0.99))] / 1e6;
    if (json) {
      System.out.printf("{\"ballots\": %d, \"refused\": %d, \"concurrency\": %d, \"seconds\": %.3f, \"ballots_per_second\": %.1f,"
          + " \"median_ms\": %.1f, \"p99_ms\": %.1f}%n", voters, refused, concurrency, seconds, perSecond, median, p99);
    } else {
      System.out.printf("board %s: %d ballots from %d clients in %.2f s: %.0f accepted ballots/s (%d refused);"
          + " submission latency median %.1f ms, 99th percentile %.1f ms%n", board, voters, concurrency, seconds, perSecond,
          refused, median, p99);
    }
    return refused == 0 ? 0 : ExitCodes.FAILED;
  }
}
