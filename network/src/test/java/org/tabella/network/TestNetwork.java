package org.tabella.network;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tabella.network.node.NodeOptions;
import org.tabella.network.node.OutgoingFilter;
import org.tabella.network.node.PartyNode;
import org.tabella.network.roster.Identity;
import org.tabella.network.roster.Roster;
import org.tabella.network.roster.RosterTool;

/** Test helpers: free loopback ports, a roster in a temp dir, many nodes in one JVM. */
public class TestNetwork implements AutoCloseable {
  public final Path dir;
  public final Roster roster;
  public final Map<Integer, PartyNode> nodes = new TreeMap<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  public TestNetwork(Path dir, int parties, int quorum) throws IOException {
    this.dir = dir;
    this.roster = RosterTool.create(dir, quorum, "ristretto255", "127.0.0.1", freePorts(parties));
  }

  /** Another set of nodes on an existing roster (same ports and identities). */
  protected TestNetwork(Path dir, Roster roster) {
    this.dir = dir;
    this.roster = roster;
  }

  public static List<Integer> freePorts(int n) throws IOException {
    return RosterTool.freeLoopbackPorts(n);
  }

  public Identity identity(int id) throws IOException {
    return Identity.load(roster, id, RosterTool.keyFile(dir, id));
  }

  public static NodeOptions fast() {
    return NodeOptions.defaults().withRoundTimeout(Duration.ofSeconds(3)).withConnectTimeout(Duration.ofSeconds(10))
        .withDelta(Duration.ofMillis(50));
  }

  /** A node's options and the faults injected into what it sends (a lying or silent party). */
  public record Setup(NodeOptions options, OutgoingFilter faults) {}

  /** {@link #fast()} options with faults. */
  public static Setup faulty(OutgoingFilter faults) {
    return new Setup(fast(), faults);
  }

  /** These options with faults. */
  public static Setup faulty(NodeOptions options, OutgoingFilter faults) {
    return new Setup(options, faults);
  }

  /**
   * Starts every node (in parallel, since each waits for its peers); a party's entry is its
   * {@link NodeOptions} or a {@link Setup} with faults (default: {@link #fast()}, no faults).
   */
  public void startAll(Map<Integer, ?> options) throws Exception {
    Map<Integer, Future<PartyNode>> started = new TreeMap<>();
    for (int id : roster.parties().keySet()) {
      Object given = options.get(id);
      Setup setup = given instanceof Setup s ? s
          : new Setup(given instanceof NodeOptions o ? o : fast(), OutgoingFilter.NONE);
      Identity identity = identity(id);
      started.put(id, pool.submit(() -> PartyNode.startWithFaults(roster, identity, setup.options(), setup.faults())));
    }
    for (var e : started.entrySet()) {
      nodes.put(e.getKey(), e.getValue().get(30, TimeUnit.SECONDS));
    }
  }

  /** Runs one task per node in parallel and collects the results (exceptions as values). */
  public <T> Map<Integer, Object> onEach(java.util.Set<Integer> ids, NodeTask<T> task) throws Exception {
    Map<Integer, Future<T>> fs = new TreeMap<>();
    for (int id : ids) {
      PartyNode n = nodes.get(id);
      Callable<T> c = () -> task.run(n);
      fs.put(id, pool.submit(c));
    }
    Map<Integer, Object> out = new TreeMap<>();
    for (var e : fs.entrySet()) {
      try {
        out.put(e.getKey(), e.getValue().get(60, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException ex) {
        out.put(e.getKey(), ex.getCause());
      }
    }
    return out;
  }

  @FunctionalInterface
  public interface NodeTask<T> {
    T run(PartyNode node) throws Exception;
  }

  @Override
  public void close() {
    for (PartyNode n : nodes.values()) {
      n.close();
    }
    nodes.clear();
    pool.shutdownNow();
  }
}
