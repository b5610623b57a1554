package org.tabella.groups.modp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.groups.InvalidGroupParametersException;

@DisplayName("fresh Schnorr groups are reproducible from a seed and re-checkable")
class SchnorrGroupGeneratorTest {
  private static final byte[] SEED = "tabella test seed".getBytes(StandardCharsets.UTF_8);

  @Test
  void generatesValidReproducibleGroups() throws InvalidGroupParametersException {
    SchnorrGroupGeneration a = SchnorrGroupGenerator.generate(1024, 160, SEED, 1);
    SchnorrGroupGeneration b = SchnorrGroupGenerator.generate(1024, 160, SEED, 1);
    assertEquals(a, b);
    assertEquals(1024, a.pBits());
    assertEquals(160, a.qBits());
    a.parameters().validate(1024, 160);
    SchnorrGroupGenerator.verify(a);
    ModpGroup g = ModpGroup.create("fresh", a.parameters());
    assertEquals(g.generator(), g.generatorTable().exp(g.scalar(1)));
    SchnorrGroupGeneration other = SchnorrGroupGenerator.generate(1024, 160, SEED, 2);
    assertEquals(a.parameters().p(), other.parameters().p());
    assertNotEquals(a.parameters().g(), other.parameters().g());
  }

  @Test
  void verificationCatchesTampering() {
    SchnorrGroupGeneration a = SchnorrGroupGenerator.generate(1024, 160, SEED, 1);
    SchnorrParameters p = a.parameters();
    BigInteger g2 = p.g().modPow(BigInteger.TWO, p.p());
    assertThrows(InvalidGroupParametersException.class, () -> SchnorrGroupGenerator.verify(
        new SchnorrGroupGeneration(new SchnorrParameters(p.p(), p.q(), g2), a.domainParameterSeed(), a.counter(), 1)));
    assertThrows(InvalidGroupParametersException.class, () -> SchnorrGroupGenerator.verify(
        new SchnorrGroupGeneration(p, a.domainParameterSeed(), a.counter() + 1, 1)));
    assertThrows(InvalidGroupParametersException.class, () -> SchnorrGroupGenerator.verify(
        new SchnorrGroupGeneration(p, a.domainParameterSeed(), a.counter(), 2)));
    byte[] seed = a.domainParameterSeed();
    seed[0] ^= 1;
    assertThrows(InvalidGroupParametersException.class, () -> SchnorrGroupGenerator.verify(
        new SchnorrGroupGeneration(p, seed, a.counter(), 1)));
    assertDoesNotThrow(() -> SchnorrGroupGenerator.verify(a));
  }

  @Test
  void refusesUnsupportedSizes() {
    assertThrows(IllegalArgumentException.class, () -> SchnorrGroupGenerator.generate(1024, 128, SEED, 1));
    assertThrows(IllegalArgumentException.class, () -> SchnorrGroupGenerator.generate(200, 160, SEED, 1));
    assertThrows(IllegalArgumentException.class, () -> SchnorrGroupGenerator.generate(1024, 160, SEED, 256));
  }
}
