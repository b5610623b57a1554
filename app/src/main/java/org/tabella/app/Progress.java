package org.tabella.app;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on standard error for long runs (redrawn twice a second, erased when
 * done); silent when standard error is not a terminal.
 */
final class Progress implements AutoCloseable {
  private final Thread thread;
  private volatile boolean running = true;

  private Progress(String label, int total, AtomicInteger done) {
    thread = new Thread(() -> {
      long start = System.nanoTime();
      while (running) {
        int d = done.get();
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) d * width / total);
        double secs = (System.nanoTime() - start) / 1e9;
        System.err.printf("\r  %s [%s%s] %d/%d %.0f/s ", label, "#".repeat(filled), " ".repeat(width - filled), d, total,
            secs > 0 ? d / secs : 0.0);
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "progress");
    thread.setDaemon(true);
  }

  /** Starts a bar for {@code total} steps counted by {@code done}; null when not on a terminal. */
  static Progress start(String label, int total, AtomicInteger done) {
    if (System.console() == null) {
      return null;
    }
    Progress p = new Progress(label, total, done);
    p.thread.start();
    return p;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.err.print("\r" + " ".repeat(100) + "\r");
  }
}
