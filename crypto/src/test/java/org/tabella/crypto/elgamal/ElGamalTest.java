package org.tabella.crypto.elgamal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tabella.groups.Group;
import org.tabella.groups.Groups;
import org.tabella.groups.InvalidEncodingException;
import org.tabella.groups.modp.ModpGroup;
import org.tabella.groups.modp.SchnorrParameters;

class ElGamalTest {
  static final byte[] CTX = "test".getBytes(StandardCharsets.UTF_8);
  static final ElGamalKeyPair KEYS = ElGamalKeyPair.generate(Groups.named("ristretto255"), CTX);

  @Property(tries = 40)
  @Label("Enc(a)·Enc(b) decrypts to a + b")
  void homomorphic(@ForAll @IntRange(max = 5000) int a, @ForAll @IntRange(max = 5000) int b)
      throws DiscreteLogException {
    Ciphertext sum = ElGamal.encrypt(KEYS.publicKey(), a).add(ElGamal.encrypt(KEYS.publicKey(), b));
    assertEquals(a + b, ElGamal.decrypt(KEYS.secretKey(), sum, 10_000));
  }

  @Test
  @DisplayName("multiply, rerandomize and the zero ciphertext behave")
  void operations() throws DiscreteLogException {
    Group g = KEYS.publicKey().group();
    Ciphertext c = ElGamal.encrypt(KEYS.publicKey(), 7);
    assertEquals(21, ElGamal.decrypt(KEYS.secretKey(), c.multiply(g.scalar(3)), 100));
    Ciphertext r = ElGamal.rerandomize(KEYS.publicKey(), c);
    assertNotEquals(c, r);
    assertEquals(7, ElGamal.decrypt(KEYS.secretKey(), r, 100));
    assertEquals(7, ElGamal.decrypt(KEYS.secretKey(), c.add(Ciphertext.zero(g)), 100));
    assertNotEquals(ElGamal.encrypt(KEYS.publicKey(), 7), ElGamal.encrypt(KEYS.publicKey(), 7));
  }

  @Test
  @DisplayName("ciphertexts round-trip through their encoding; bad bytes are refused")
  void encoding() throws InvalidEncodingException {
    Group g = KEYS.publicKey().group();
    Ciphertext c = ElGamal.encrypt(KEYS.publicKey(), 1);
    assertEquals(c, Ciphertext.decode(g, c.encode()));
    byte[] bad = c.encode();
    bad[63] |= (byte) 0x80; // top bit set: never a canonical ristretto255 encoding
    assertThrows(InvalidEncodingException.class, () -> Ciphertext.decode(g, bad));
    assertThrows(InvalidEncodingException.class, () -> Ciphertext.decode(g, new byte[63]));
  }

  @Test
  @DisplayName("discrete logs are bounded: 10 million decrypts, out-of-bound is an error")
  void boundedDiscreteLog() throws DiscreteLogException {
    Group g = KEYS.publicKey().group();
    DiscreteLog dlog = DiscreteLog.forBound(g, 10_000_000);
    assertEquals(10_000_000, dlog.solve(g.generator().exp(g.scalar(10_000_000))));
    assertEquals(0, dlog.solve(g.identity()));
    assertEquals(1_234_567, dlog.solve(g.generator().exp(g.scalar(1_234_567))));
    assertThrows(DiscreteLogException.class, () -> dlog.solve(g.generator().exp(g.scalar(10_000_001))));
    assertThrows(DiscreteLogException.class, () -> DiscreteLog.forBound(g, 100).solve(g.generator().exp(g.scalar(-1))));
    assertThrows(IllegalArgumentException.class, () -> DiscreteLog.forBound(g, -1));
  }

  @Test
  @DisplayName("public keys are validated and proofs of possession are bound to their context")
  void keys() {
    assertTrue(ElGamalKeyPair.verifyPossession(KEYS.publicKey(), KEYS.proofOfPossession(), CTX));
    assertFalse(ElGamalKeyPair.verifyPossession(KEYS.publicKey(), KEYS.proofOfPossession(), new byte[] {1}));
    ElGamalKeyPair other = ElGamalKeyPair.generate(KEYS.publicKey().group(), CTX);
    assertFalse(ElGamalKeyPair.verifyPossession(other.publicKey(), KEYS.proofOfPossession(), CTX));
    assertThrows(IllegalArgumentException.class, () -> ElGamalPublicKey.of(KEYS.publicKey().group().identity()));
    assertFalse(KEYS.toString().contains(KEYS.secretKey().reveal().toBigInteger().toString(16)));
  }

  @Test
  @DisplayName("rerandomised ciphertexts are uniform (chi-square, toy group of order 32633)")
  void rerandomisationIsUniform() throws Exception {
    ModpGroup toy = ModpGroup.createInsecureForTesting("toy", new SchnorrParameters(
        BigInteger.valueOf(65267), BigInteger.valueOf(32633), BigInteger.valueOf(3)));
    ElGamalKeyPair k = ElGamalKeyPair.generate(toy, CTX);
    Ciphertext c = ElGamal.encrypt(k.publicKey(), 1);
    int bins = 16;
    long[] counts = new long[bins];
    double[] expected = new double[bins];
    java.util.Arrays.fill(expected, 1.0 / bins);
    for (int i = 0; i < 8000; i++) {
      Ciphertext r = ElGamal.rerandomize(k.publicKey(), c);
      // log_g a is uniform in Z_q; its residue mod 16 is uniform up to 1/q.
      int bin = new BigInteger(1, r.a().encode()).mod(BigInteger.valueOf(bins)).intValue();
      counts[bin]++;
    }
    assertTrue(new ChiSquareTest().chiSquareTest(expected, counts) > 0.001);
  }
}
