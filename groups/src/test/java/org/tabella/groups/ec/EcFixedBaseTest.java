package org.tabella.groups.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabella.groups.Element;
import org.tabella.groups.Groups;
import org.tabella.groups.Scalar;

/**
 * The odd-digit fixed-base table against Bouncy Castle's own multiplication, on exponents where a
 * recoding goes wrong first: 0, 1, 2, small, q − 1, q − 2, powers of two and of 16 and their
 * neighbours, all-ones nibbles, random; through exp, timesPower and a table of a random base.
 */
@DisplayName("EC fixed-base table: odd signed radix-16 digits")
class EcFixedBaseTest {

  @ParameterizedTest
  @ValueSource(strings = {"P-256", "P-384", "secp256k1"})
  void agreesWithBouncyCastle(String name) {
    EcGroup g = (EcGroup) Groups.named(name);
    BigInteger q = g.order();
    List<BigInteger> exponents = new ArrayList<>();
    for (long k = 0; k < 40; k++) {
      exponents.add(BigInteger.valueOf(k));
      exponents.add(q.subtract(BigInteger.valueOf(k + 1)));
    }
    for (int bit = 1; bit < q.bitLength(); bit += 3) {
      BigInteger p = BigInteger.ONE.shiftLeft(bit);
      exponents.add(p);
      exponents.add(p.subtract(BigInteger.ONE));
      exponents.add(p.add(BigInteger.ONE).mod(q));
    }
    exponents.add(BigInteger.ONE.shiftLeft(q.bitLength() - 1).subtract(BigInteger.ONE)); // all-ones nibbles
    SecureRandom rng = new SecureRandom();
    for (int i = 0; i < 64; i++) {
      exponents.add(new BigInteger(q.bitLength() + 8, rng).mod(q));
    }
    Element x = g.generator().exp(g.randomNonZeroScalar(rng));
    EcElement randomBase = (EcElement) g.generator().exp(g.randomNonZeroScalar(rng));
    var table = g.generatorTable();
    var other = g.fixedBase(randomBase);
    for (BigInteger e : exponents) {
      Scalar s = Scalar.of(e, q);
      Element expected = new EcElement(g, g.cast(g.generator()).point().multiply(e));
      assertEquals(expected, table.exp(s), name + " g^" + e.toString(16));
      assertEquals(x.mul(expected), table.timesPower(x, s), name + " x·g^" + e.toString(16));
      assertEquals(new EcElement(g, randomBase.point().multiply(e)), other.exp(s), name + " P^" + e.toString(16));
    }
  }
}
