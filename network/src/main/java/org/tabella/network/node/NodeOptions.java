package org.tabella.network.node;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node behaves on the network.
 *
 * @param roundTimeout how long a round waits for silent parties before going on without them
 * @param connectTimeout how long {@link PartyNode#start} waits for peers to come up
 * @param maxFrame the largest frame accepted
 * @param heldBytesPerPeer the most this node holds on behalf of one author across open instances
 *     (its broadcasts, private messages and evidence against it); beyond it the author's messages are dropped
 * @param pendingBytesPerPeer the most this node buffers from one connected peer for instances it
 *     has not opened yet (messages that arrive a little early); beyond it they are dropped
 * @param workTimeout how long {@link PartyNode#barrier} waits for a connected peer that is still
 *     working (verifying a large board, say): busy is not absent
 * @param delta the round bound Δ of the model (SPEC.md §3.5): the longest a message between two
 *     honest online parties takes, their clock offsets and a round's work included; an agreed round
 *     lasts {@code (3 + 2t)·Δ}
 */
public record NodeOptions(Duration roundTimeout, Duration connectTimeout, int maxFrame,
    long heldBytesPerPeer, long pendingBytesPerPeer, Duration workTimeout, Duration delta) {

  /** Checks presence and ranges. */
  public NodeOptions {
    Objects.requireNonNull(roundTimeout, "roundTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(workTimeout, "workTimeout");
    Objects.requireNonNull(delta, "delta");
    if (delta.isNegative() || delta.isZero()) {
      throw new IllegalArgumentException("delta must be positive");
    }
    if (maxFrame < 1024) {
      throw new IllegalArgumentException("maxFrame too small");
    }
    if (heldBytesPerPeer < maxFrame || pendingBytesPerPeer < maxFrame) {
      throw new IllegalArgumentException("per-peer budgets must hold at least one frame");
    }
  }

  /**
   * Defaults: 10 s rounds, 60 s to connect, 16 MiB frames, 64 MiB held and 16 MiB pending per peer,
   * 30 minutes for a busy peer, Δ = 1 s.
   */
  public static NodeOptions defaults() {
    return new NodeOptions(Duration.ofSeconds(10), Duration.ofSeconds(60),
        org.tabella.network.transport.Pipelines.MAX_FRAME, 64L << 20, 16L << 20,
        Duration.ofMinutes(30), Duration.ofSeconds(1));
  }

  /** Returns these options with another work timeout. */
  public NodeOptions withWorkTimeout(Duration d) {
    return new NodeOptions(roundTimeout, connectTimeout, maxFrame, heldBytesPerPeer, pendingBytesPerPeer, d, delta);
  }

  /** Returns these options with another round timeout. */
  public NodeOptions withRoundTimeout(Duration d) {
    return new NodeOptions(d, connectTimeout, maxFrame, heldBytesPerPeer, pendingBytesPerPeer, workTimeout, delta);
  }

  /** Returns these options with another connect timeout. */
  public NodeOptions withConnectTimeout(Duration d) {
    return new NodeOptions(roundTimeout, d, maxFrame, heldBytesPerPeer, pendingBytesPerPeer, workTimeout, delta);
  }

  /** Returns these options with another round bound Δ. */
  public NodeOptions withDelta(Duration d) {
    return new NodeOptions(roundTimeout, connectTimeout, maxFrame, heldBytesPerPeer, pendingBytesPerPeer, workTimeout, d);
  }
}
