package org.tabella.groups.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tabella.groups.Element;
import org.tabella.groups.FixedBaseTable;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.Scalar;

/**
 * Group operation costs, one core. Run: {@code mvn -B -Pbench -pl groups -am verify -DskipTests}.
 * Encodings are included where a real caller pays for them ({@code *Encoded} variants).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroupBenchmark {
  @Param({"ristretto255", "P-256", "secp256k1", "modp-2048-256", "eg-4096"})
  public String groupName;

  private Group group;
  private FixedBaseTable generatorTable;
  private Element h;
  private Scalar a;
  private Scalar b;
  private byte[] encoded;
  private List<Element> bases64;
  private List<Scalar> exps64;
  private List<Element> bases1024;
  private List<Scalar> exps1024;
  private final byte[] dst = "tabella-bench".getBytes(StandardCharsets.UTF_8);
  private int counter;

  @Setup(Level.Trial)
  public void setUp() {
    SecureRandom rng = new SecureRandom();
    group = Groups.named(groupName);
    generatorTable = group.generatorTable();
    h = group.generator().exp(group.randomScalar(rng));
    encoded = h.encode();
    bases64 = new ArrayList<>();
    exps64 = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      bases64.add(group.hashToElement(new byte[] {(byte) i}, dst));
      exps64.add(group.randomScalar(rng));
    }
    bases1024 = new ArrayList<>();
    exps1024 = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      bases1024.add(bases64.get(i % 64).exp(group.randomScalar(rng)));
      exps1024.add(group.randomScalar(rng));
    }
  }

  @Setup(Level.Invocation)
  public void freshScalars() {
    counter++;
    a = group.scalar(group.order().subtract(java.math.BigInteger.valueOf(counter * 7919L + 3)));
    b = group.scalar(group.order().subtract(java.math.BigInteger.valueOf(counter * 104729L + 5)));
  }

  /** g^a through the generator's fixed-base table (constant-time on curves), encoded. */
  @Benchmark
  public byte[] expFixedBaseEncoded() {
    return generatorTable.exp(a).encode();
  }

  /** h^a for a variable base, secret-safe path, encoded. */
  @Benchmark
  public byte[] expEncoded() {
    return h.exp(a).encode();
  }

  /** h^a, public-exponent path. */
  @Benchmark
  public Element expPublic() {
    return h.expPublic(a);
  }

  /** g^a·h^b by simultaneous exponentiation. */
  @Benchmark
  public Element exp2() {
    return group.multiExp(List.of(group.generator(), h), List.of(a, b));
  }

  @Benchmark
  public Element multiExp64() {
    return group.multiExp(bases64, exps64);
  }

  @Benchmark
  public Element multiExp1024() {
    return group.multiExp(bases1024, exps1024);
  }

  /** Validated decoding of a canonical element. */
  @Benchmark
  public Element decode() throws InvalidEncodingException {
    return group.decode(encoded);
  }

  @Benchmark
  public Element hashToGroup() {
    return group.hashToElement(a.encode(), dst);
  }
}
