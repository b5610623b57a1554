package org.tabella.groups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract every {@link Group} satisfies; subclassed once per group. */
public abstract class GroupContract {
  protected final SecureRandom rng = new SecureRandom();

  /** The group under test. */
  protected abstract Group group();

  /** A group other than {@link #group()}, for the mixing tests. */
  protected Group otherGroup() {
    return group().name().equals("P-256") ? Groups.named("ristretto255") : Groups.named("P-256");
  }

  /** How many random samples each law is checked on. */
  protected int samples() {
    return 8;
  }

  protected Element randomElement() {
    return group().generator().exp(group().randomScalar(rng));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("Scalar.select picks by mask, keeps the order, refuses other masks and orders")
  void scalarSelect() {
    Group g = group();
    Scalar a = g.randomScalar(rng);
    Scalar b = g.scalar(1);
    assertEquals(a, Scalar.select(-1, a, b));
    assertEquals(b, Scalar.select(0, a, b));
    assertEquals(g.scalar(0), Scalar.select(0, a, g.scalar(0)));
    assertEquals(g.order(), Scalar.select(-1, a, b).order());
    assertThrows(IllegalArgumentException.class, () -> Scalar.select(1, a, b));
    assertThrows(IllegalArgumentException.class,
        () -> Scalar.select(-1, a, Scalar.of(BigInteger.ONE, BigInteger.valueOf(7))));
  }

  @Test
  @DisplayName("select picks by an all-ones or zero mask, results usable, other masks refused")
  void selectByMask() {
    Group g = group();
    Element a = randomElement();
    Element b = randomElement();
    assertEquals(a, g.select(-1, a, b));
    assertEquals(b, g.select(0, a, b));
    assertEquals(a.mul(g.generator()), g.select(-1, a, b).mul(g.generator()));
    assertArrayEquals(b.encode(), g.select(0, a, b).encode());
    assertEquals(g.identity(), g.select(-1, g.identity(), b));
    assertEquals(b, g.select(0, g.identity(), b));
    for (int bad : new int[] {1, 2, -2, Integer.MIN_VALUE}) {
      assertThrows(IllegalArgumentException.class, () -> g.select(bad, a, b));
    }
  }

  @Test
  @DisplayName("the generator has order q and is not the identity")
  void generatorHasOrderQ() {
    Group g = group();
    assertFalse(g.generator().isIdentity());
    assertTrue(g.identity().isIdentity());
    Scalar qMinusOne = g.scalar(g.order().subtract(BigInteger.ONE));
    assertEquals(g.identity(), g.generator().expPublic(qMinusOne).mul(g.generator()));
    assertEquals(g.generator().inverse(), g.generator().exp(qMinusOne));
  }

  @Test
  @DisplayName("multiplication is associative and commutative, with identity and inverses")
  void groupLaws() {
    Group g = group();
    for (int i = 0; i < samples(); i++) {
      Element a = randomElement();
      Element b = randomElement();
      Element c = randomElement();
      assertEquals(a.mul(b).mul(c), a.mul(b.mul(c)));
      assertEquals(a.mul(b), b.mul(a));
      assertEquals(a, a.mul(g.identity()));
      assertEquals(a, g.identity().mul(a));
      assertTrue(a.mul(a.inverse()).isIdentity());
      assertEquals(a, a.mul(b).div(b));
      assertEquals(a.mul(a), a.square());
    }
  }

  @Test
  @DisplayName("exponentiation is a homomorphism from Z_q, and both exp paths agree")
  void exponentLaws() {
    Group g = group();
    for (int i = 0; i < samples(); i++) {
      Element base = randomElement();
      Scalar x = g.randomScalar(rng);
      Scalar y = g.randomScalar(rng);
      assertEquals(base.exp(x), base.expPublic(x));
      assertEquals(base.exp(x.add(y)), base.exp(x).mul(base.exp(y)));
      assertEquals(base.exp(x.multiply(y)), base.exp(x).exp(y));
      assertEquals(base.exp(x.negate()), base.exp(x).inverse());
    }
    Element base = randomElement();
    assertTrue(base.exp(g.scalar(0)).isIdentity());
    assertEquals(base, base.exp(g.scalar(1)));
    assertTrue(g.identity().exp(g.randomScalar(rng)).isIdentity());
  }

  @Test
  @DisplayName("encode has a fixed length and decode inverts it")
  void encodeDecodeRoundTrip() throws InvalidEncodingException {
    Group g = group();
    for (int i = 0; i < samples(); i++) {
      Element e = randomElement();
      byte[] bytes = e.encode();
      assertEquals(g.elementLength(), bytes.length);
      Element back = g.decode(bytes);
      assertEquals(e, back);
      assertEquals(e.hashCode(), back.hashCode());
      assertArrayEquals(bytes, back.encode());
      assertEquals(e, g.decodeNonIdentity(bytes));
    }
    byte[] id = g.identity().encode();
    assertEquals(g.elementLength(), id.length);
    assertTrue(g.decode(id).isIdentity());
    assertThrows(InvalidEncodingException.class, () -> g.decodeNonIdentity(id));
  }

  @Test
  @DisplayName("decode rejects wrong lengths and never hands out a non-member")
  void decodeRejectsWrongLengths() {
    Group g = group();
    byte[] good = randomElement().encode();
    assertThrows(InvalidEncodingException.class, () -> g.decode(new byte[0]));
    assertThrows(InvalidEncodingException.class, () -> g.decode(Arrays.copyOf(good, good.length - 1)));
    assertThrows(InvalidEncodingException.class, () -> g.decode(Arrays.copyOf(good, good.length + 1)));
    byte[] prefixed = new byte[good.length + 1];
    System.arraycopy(good, 0, prefixed, 1, good.length);
    assertThrows(InvalidEncodingException.class, () -> g.decode(prefixed));
    byte[] ones = new byte[good.length];
    Arrays.fill(ones, (byte) 0xff);
    assertThrows(InvalidEncodingException.class, () -> g.decode(ones));
  }

  @Test
  @DisplayName("scalars encode canonically and decoding rejects values ≥ q")
  void scalarEncoding() throws InvalidEncodingException {
    Group g = group();
    Scalar s = g.randomScalar(rng);
    assertEquals(g.scalarLength(), s.encode().length);
    assertEquals(s, g.decodeScalar(s.encode()));
    byte[] q = org.tabella.groups.internal.Bytes.toFixedLength(g.order(), g.scalarLength());
    assertThrows(InvalidEncodingException.class, () -> g.decodeScalar(q));
    byte[] qPlusOne = org.tabella.groups.internal.Bytes.toFixedLength(g.order().add(BigInteger.ONE), g.scalarLength());
    assertThrows(InvalidEncodingException.class, () -> g.decodeScalar(qPlusOne));
    byte[] max = new byte[g.scalarLength()];
    Arrays.fill(max, (byte) 0xff);
    assertThrows(InvalidEncodingException.class, () -> g.decodeScalar(max));
    assertThrows(InvalidEncodingException.class, () -> g.decodeScalar(new byte[g.scalarLength() + 1]));
    assertThrows(IllegalArgumentException.class, () -> g.scalar(g.order()));
    assertThrows(IllegalArgumentException.class, () -> g.scalar(BigInteger.ONE.negate()));
    assertEquals(g.scalar(g.order().subtract(BigInteger.ONE)), g.scalar(-1));
  }

  @Test
  @DisplayName("random scalars are in range and non-zero ones are non-zero")
  void randomScalars() {
    Group g = group();
    for (int i = 0; i < 50; i++) {
      Scalar s = g.randomScalar(rng);
      assertTrue(s.toBigInteger().compareTo(g.order()) < 0 && s.toBigInteger().signum() >= 0);
      assertFalse(g.randomNonZeroScalar(rng).isZero());
    }
    assertNotEquals(g.randomScalar(rng), g.randomScalar(rng));
  }

  @Test
  @DisplayName("fixed-base tables agree with plain exponentiation")
  void fixedBaseAgrees() {
    Group g = group();
    FixedBaseTable gen = g.generatorTable();
    assertSame(gen, g.generatorTable());
    assertEquals(g.generator(), gen.base());
    Element base = randomElement();
    FixedBaseTable table = g.fixedBase(base);
    for (int i = 0; i < samples(); i++) {
      Scalar x = g.randomScalar(rng);
      assertEquals(g.generator().expPublic(x), gen.exp(x));
      assertEquals(base.expPublic(x), table.exp(x));
      assertEquals(base.expPublic(x), table.expPublic(x), "the public (table) path");
    }
    assertTrue(gen.exp(g.scalar(0)).isIdentity());
    assertTrue(gen.expPublic(g.scalar(0)).isIdentity());
    assertEquals(g.generator(), gen.exp(g.scalar(1)));
    Scalar qMinusOne = g.scalar(g.order().subtract(BigInteger.ONE));
    assertEquals(base.inverse(), table.exp(qMinusOne));
    assertEquals(base.inverse(), table.expPublic(qMinusOne));
  }

  @Test
  @DisplayName("multi-exponentiation agrees with the product of exponentiations")
  void multiExpAgrees() {
    Group g = group();
    for (int n : new int[] {0, 1, 2, 3, 7, 30, 70}) {
      List<Element> bases = new ArrayList<>();
      List<Scalar> exps = new ArrayList<>();
      Element expected = g.identity();
      for (int i = 0; i < n; i++) {
        Element b = i == 1 ? g.identity() : randomElement();
        Scalar e = i == 2 ? g.scalar(0) : i == 3 ? g.scalar(1) : g.randomScalar(rng);
        bases.add(b);
        exps.add(e);
        expected = expected.mul(b.expPublic(e));
      }
      assertEquals(expected, g.multiExp(bases, exps), "n = " + n);
    }
    assertThrows(IllegalArgumentException.class,
        () -> g.multiExp(List.of(g.generator()), List.of()));
  }

  @Test
  @DisplayName("multi-exponentiation with small and negative exponents (Lagrange coefficients)")
  void multiExpSmallAndNegative() {
    Group g = group();
    long[][] cases = {{10, -15, 6}, {5, -5, 1}, {1, 1, 1}, {2, -1, 0}, {-1, -1, -1}, {3, 16, -17},
        {2, 4}, {8, 16, 32}, {6}};
    for (long[] c : cases) {
      List<Element> bases = new ArrayList<>();
      List<Scalar> exps = new ArrayList<>();
      Element expected = g.identity();
      for (long e : c) {
        Element b = randomElement();
        bases.add(b);
        exps.add(g.scalar(e));
        expected = expected.mul(b.expPublic(g.scalar(e)));
      }
      Element actual = g.multiExp(bases, exps);
      assertEquals(expected, actual, Arrays.toString(c));
      // The result must be a complete element: further arithmetic on it stays correct.
      assertEquals(expected.mul(g.generator()), actual.mul(g.generator()), Arrays.toString(c));
      assertEquals(expected.inverse().mul(bases.get(0)), actual.inverse().mul(bases.get(0)));
      assertEquals(expected.square(), actual.square());
    }
  }

  @Test
  @DisplayName("hash-to-group and hash-to-scalar are deterministic and domain-separated")
  void hashing() {
    Group g = group();
    Element h1 = g.hashToElement(utf8("ballot 17"), utf8("tabella-test-dst"));
    assertEquals(h1, g.hashToElement(utf8("ballot 17"), utf8("tabella-test-dst")));
    assertNotEquals(h1, g.hashToElement(utf8("ballot 18"), utf8("tabella-test-dst")));
    assertNotEquals(h1, g.hashToElement(utf8("ballot 17"), utf8("tabella-test-dsu")));
    assertFalse(h1.isIdentity());
    assertFalse(h1.equals(g.generator()));
    Scalar s = g.hashToScalar(utf8("x"), utf8("tabella-test-dst"));
    assertEquals(s, g.hashToScalar(utf8("x"), utf8("tabella-test-dst")));
    assertNotEquals(s, g.hashToScalar(utf8("x"), utf8("tabella-test-dsu")));
    assertTrue(s.toBigInteger().compareTo(g.order()) < 0);
  }

  @Test
  @DisplayName("elements and scalars of another group are refused")
  void mixingGroupsIsRefused() {
    Group g = group();
    Group other = otherGroup();
    Element mine = g.generator();
    Element theirs = other.generator();
    assertThrows(IllegalArgumentException.class, () -> mine.mul(theirs));
    assertThrows(IllegalArgumentException.class, () -> mine.div(theirs));
    assertThrows(IllegalArgumentException.class, () -> mine.exp(other.scalar(3)));
    assertThrows(IllegalArgumentException.class, () -> mine.expPublic(other.scalar(3)));
    assertThrows(IllegalArgumentException.class, () -> g.fixedBase(theirs));
    assertThrows(IllegalArgumentException.class, () -> g.generatorTable().exp(other.scalar(2)));
    assertThrows(IllegalArgumentException.class,
        () -> g.multiExp(List.of(theirs), List.of(g.scalar(1))));
    assertFalse(mine.equals(theirs));
  }

  @Test
  @DisplayName("the description names the group and is stable")
  void description() {
    Group g = group();
    assertArrayEquals(g.description(), g.description());
    assertTrue(new String(g.description(), StandardCharsets.ISO_8859_1).contains(g.name()));
    assertFalse(Arrays.equals(g.description(), otherGroup().description()));
  }
}
