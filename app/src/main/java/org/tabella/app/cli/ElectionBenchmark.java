package org.tabella.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.tabella.crypto.threshold.TrustedDealer;
import org.tabella.groups.Groups;
import org.tabella.voting.Ballot;
import org.tabella.voting.Ballots;
import org.tabella.voting.TallyMode;
import org.tabella.voting.LocalElection;
import org.tabella.voting.record.ElectionRecord;
import org.tabella.voting.record.RecordIo;
import org.tabella.voting.record.RecordVerifier;

/**
 * {@code tabella bench --election N}: one N-ballot yes/no election, timed phase by phase. Ballots
 * are made and accepted in batches, and the record is written and verified chunk by chunk, so the
 * memory is the board's (the ballots' bytes) plus one batch: a million ballots run in
 * {@code -Xmx1g}.
 */
final class ElectionBenchmark {
  /** Ballots made and accepted together. */
  private static final int BATCH = 2048;

  private ElectionBenchmark() {}

  static int run(String group, int n, boolean json) throws Exception {
    var dealt = TrustedDealer.deal(Groups.named(group), 5, 3);
    var election = Elections.referendum("bench-" + n, Groups.named(group), 5, 3, TallyMode.COUNT, 0);
    Path dir = Files.createTempDirectory("tabella-bench-election");
    long t0 = System.nanoTime();
    long encrypting = 0;
    ElectionRecord record;
    long t2;
    try (LocalElection e = new LocalElection(election, dealt.key(), dir.resolve("board.log"))) {
      for (int from = 0; from < n; from += BATCH) {
        long b0 = System.nanoTime();
        List<Ballot> batch = IntStream.range(from, Math.min(n, from + BATCH)).parallel()
            .mapToObj(i -> Ballots.referendum(election, dealt.key().publicKey(), String.format("v%07d", i), i % 3 == 0))
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        encrypting += System.nanoTime() - b0;
        var accepted = e.board().submitAll(batch).stream().filter(x -> x instanceof org.tabella.voting.board.Submission.Accepted).count();
        if (accepted != batch.size()) {
          throw new IllegalStateException((batch.size() - accepted) + " ballots of a batch were refused");
        }
      }
      t2 = System.nanoTime();
      record = e.tally(List.of(dealt.shares().get(0), dealt.shares().get(1), dealt.shares().get(2)));
    }
    long t3 = System.nanoTime();
    RecordIo.write(record, dir.resolve("record"));
    long tw = System.nanoTime();
    var read = RecordIo.read(dir.resolve("record"));
    long tr = System.nanoTime();
    var report = RecordVerifier.verify(read);
    long t4 = System.nanoTime();
    double pureVerify = (t4 - tr) / 1e9;
    double enc = encrypting / 1e9;
    double accept = (t2 - t0 - encrypting) / 1e9;
    double tally = (t3 - t2) / 1e9;
    double verify = (t4 - t3) / 1e9;
    double total = (t4 - t0) / 1e9;
    long peakMiB = peakHeapBytes() >> 20;
    long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
    if (json) {
      System.out.printf(java.util.Locale.ROOT, "{\"group\": \"%s\", \"ballots\": %d, \"encrypt_s\": %.2f, \"accept_s\": %.2f, "
          + "\"tally_decrypt_s\": %.2f, \"write_verify_s\": %.2f, \"total_s\": %.2f, \"verify_ballots_per_s\": %.0f, "
          + "\"old_gen_peak_mib\": %d, \"heap_max_mib\": %d}%n",
          group, n, enc, accept, tally, verify, total, n / pureVerify, peakMiB, maxMiB);
    } else {
      System.out.printf("%d ballots, %s, 2 cores%n", n, group);
      System.out.printf("  encrypt with proofs  %8.2f s%n  accept on the board  %8.2f s%n  tally + decrypt 3/5  %8.2f s%n"
          + "  write + read + verify%7.2f s (verification alone %.2f s: %.0f ballots/s)%n  total                %8.2f s%n",
          enc, accept, tally, verify, pureVerify, n / pureVerify, total);
      System.out.printf("  heap: old generation peak %d MiB, maximum heap %d MiB%n", peakMiB, maxMiB);
      System.out.println(report.valid() ? "record valid; yes count " + record.entries().get(0).outcome()
          : "record INVALID " + report.findings());
    }
    deleteTree(dir);
    return report.valid() ? 0 : 1;
  }

  /** The run's board and record are scratch: a million ballots leave over a gigabyte. */
  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * The old generation's peak use since the JVM started: what the run retained (the young pools'
   * peaks are garbage waiting for collection, and occur at other moments).
   */
  private static long peakHeapBytes() {
    long peak = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP
          && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
        peak = Math.max(peak, pool.getPeakUsage().getUsed());
      }
    }
    return peak;
  }
}
