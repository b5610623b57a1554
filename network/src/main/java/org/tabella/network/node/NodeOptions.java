package org.tabella.network.node;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node behaves on the network.
 *
 * @param roundTimeout how long a round waits for silent parties before going on without them
 * @param connectTimeout how long {@link PartyNode#start} waits for peers to come up
 * @param maxFrame the largest frame accepted
 * @param outgoing a filter every outgoing payload passes through (identity in production; tests
 *     use it to make a node lie, equivocate or stay silent)
 */
public record NodeOptions(Duration roundTimeout, Duration connectTimeout, int maxFrame, OutgoingFilter outgoing) {

  /** Rewrites or drops an outgoing payload. */
  @FunctionalInterface
  public interface OutgoingFilter {
    /** Returns the payload to send to {@code recipient} (0 = broadcast copy), or null to send nothing. */
    byte[] apply(String instance, int round, int recipient, byte[] payload);
  }

  /** Checks presence and ranges. */
  public NodeOptions {
    Objects.requireNonNull(roundTimeout, "roundTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(outgoing, "outgoing");
    if (maxFrame < 1024) {
      throw new IllegalArgumentException("maxFrame too small");
    }
  }

  /** Defaults: 10 s rounds, 60 s to connect, 16 MiB frames, no filter. */
  public static NodeOptions defaults() {
    return new NodeOptions(Duration.ofSeconds(10), Duration.ofSeconds(60),
        org.tabella.network.transport.Pipelines.MAX_FRAME, (i, r, to, p) -> p);
  }

  /** Returns these options with another round timeout. */
  public NodeOptions withRoundTimeout(Duration d) {
    return new NodeOptions(d, connectTimeout, maxFrame, outgoing);
  }

  /** Returns these options with another connect timeout. */
  public NodeOptions withConnectTimeout(Duration d) {
    return new NodeOptions(roundTimeout, d, maxFrame, outgoing);
  }

  /** Returns these options with an outgoing filter (tests). */
  public NodeOptions withOutgoing(OutgoingFilter f) {
    return new NodeOptions(roundTimeout, connectTimeout, maxFrame, f);
  }
}
