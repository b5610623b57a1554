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
 * @param heldBytesPerPeer the most this node holds on behalf of one author across open instances
 *     (its broadcasts, private messages and evidence against it); beyond it the author's messages are dropped
 * @param pendingBytesPerPeer the most this node buffers from one connected peer for instances it
 *     has not opened yet (messages that arrive a little early); beyond it they are dropped
 * @param workTimeout how long {@link PartyNode#barrier} waits for a connected peer that is still
 *     working (verifying a large board, say): busy is not absent
 */
public record NodeOptions(Duration roundTimeout, Duration connectTimeout, int maxFrame, OutgoingFilter outgoing,
    long heldBytesPerPeer, long pendingBytesPerPeer, Duration workTimeout) {

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
    Objects.requireNonNull(workTimeout, "workTimeout");
    if (maxFrame < 1024) {
      throw new IllegalArgumentException("maxFrame too small");
    }
    if (heldBytesPerPeer < maxFrame || pendingBytesPerPeer < maxFrame) {
      throw new IllegalArgumentException("per-peer budgets must hold at least one frame");
    }
  }

  /**
   * Defaults: 10 s rounds, 60 s to connect, 16 MiB frames, no filter, 64 MiB held and 16 MiB pending
   * per peer, 30 minutes for a busy peer.
   */
  public static NodeOptions defaults() {
    return new NodeOptions(Duration.ofSeconds(10), Duration.ofSeconds(60),
        org.tabella.network.transport.Pipelines.MAX_FRAME, (i, r, to, p) -> p, 64L << 20, 16L << 20,
        Duration.ofMinutes(30));
  }

  /** Returns these options with another work timeout. */
  public NodeOptions withWorkTimeout(Duration d) {
    return new NodeOptions(roundTimeout, connectTimeout, maxFrame, outgoing, heldBytesPerPeer, pendingBytesPerPeer, d);
  }

  /** Returns these options with another round timeout. */
  public NodeOptions withRoundTimeout(Duration d) {
    return new NodeOptions(d, connectTimeout, maxFrame, outgoing, heldBytesPerPeer, pendingBytesPerPeer, workTimeout);
  }

  /** Returns these options with another connect timeout. */
  public NodeOptions withConnectTimeout(Duration d) {
    return new NodeOptions(roundTimeout, d, maxFrame, outgoing, heldBytesPerPeer, pendingBytesPerPeer, workTimeout);
  }

  /** Returns these options with an outgoing filter (tests). */
  public NodeOptions withOutgoing(OutgoingFilter f) {
    return new NodeOptions(roundTimeout, connectTimeout, maxFrame, f, heldBytesPerPeer, pendingBytesPerPeer, workTimeout);
  }
}
