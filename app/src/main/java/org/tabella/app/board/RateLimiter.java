package org.tabella.app.board;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per client address: a token bucket each ({@code perSecond} refilled, at most
 * {@code burst} saved), so one client cannot take the board's whole capacity. The map of buckets is
 * bounded: beyond {@link #MAX_CLIENTS} addresses, full buckets are forgotten first.
 */
public final class RateLimiter {
  static final int MAX_CLIENTS = 100_000;

  /**
   * A rate.
   *
   * @param perSecond tokens refilled per second
   * @param burst most tokens saved
   */
  public record Rate(double perSecond, double burst) {
    /** Checks positivity. */
    public Rate {
      if (!(perSecond > 0) || !(burst >= 1)) {
        throw new IllegalArgumentException("a rate is positive, its burst at least 1");
      }
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  private final Rate rate;
  private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(Rate rate) {
    this.rate = rate;
  }

  /** Takes one token for {@code client}; false when its bucket is empty. */
  boolean allow(InetAddress client) {
    long now = System.nanoTime();
    if (buckets.size() > MAX_CLIENTS) {
      buckets.entrySet().removeIf(e -> e.getValue().tokens >= rate.burst() - 1);
    }
    Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(rate.burst(), now));
    synchronized (b) {
      b.tokens = Math.min(rate.burst(), b.tokens + (now - b.at) / 1e9 * rate.perSecond());
      b.at = now;
      if (b.tokens < 1) {
        return false;
      }
      b.tokens -= 1;
      return true;
    }
  }
}
