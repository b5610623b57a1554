package org.tabella.groups.modp;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * The record of a fresh Schnorr group generation (SPEC.md, "Generating a Schnorr group"): enough
 * for anyone to recompute p, q and g with {@link SchnorrGroupGenerator#verify}.
 *
 * @param parameters the generated p, q, g
 * @param domainParameterSeed the FIPS 186-4 {@code domain_parameter_seed} that produced q and p
 * @param counter the FIPS 186-4 counter at which p was found
 * @param generatorIndex the FIPS 186-4 A.2.3 index used for g
 */
public record SchnorrGroupGeneration(
    SchnorrParameters parameters, byte[] domainParameterSeed, int counter, int generatorIndex) {

  /** Copies the seed so the record stays immutable. */
  public SchnorrGroupGeneration {
    Objects.requireNonNull(parameters, "parameters");
    domainParameterSeed = Objects.requireNonNull(domainParameterSeed, "seed").clone();
  }

  @Override
  public byte[] domainParameterSeed() {
    return domainParameterSeed.clone();
  }

  /** Returns the bit length of p. */
  public int pBits() {
    return parameters.p().bitLength();
  }

  /** Returns the bit length of q. */
  public int qBits() {
    return parameters.q().bitLength();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchnorrGroupGeneration g
        && g.parameters.equals(parameters)
        && Arrays.equals(g.domainParameterSeed, domainParameterSeed)
        && g.counter == counter
        && g.generatorIndex == generatorIndex;
  }

  @Override
  public int hashCode() {
    return parameters.hashCode() * 31 + Arrays.hashCode(domainParameterSeed);
  }

  @Override
  public String toString() {
    return "SchnorrGroupGeneration(p: " + pBits() + " bits, q: " + qBits() + " bits, counter "
        + counter + ", index " + generatorIndex + ", seed " + new BigInteger(1, domainParameterSeed).toString(16) + ")";
  }
}
