package org.tabella.groups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MultiExpTest {

  @Property(tries = 300)
  void slidingWindowDigitsRecompose(@ForAll @IntRange(min = 1, max = 6) int width,
      @ForAll @IntRange(min = 0, max = 300) int bits, @ForAll long seed) {
    BigInteger e = new BigInteger(bits, new java.util.Random(seed));
    int[] digits = MultiExp.slidingWindowDigits(e, width, Math.max(1, e.bitLength()));
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < digits.length; i++) {
      int d = digits[i];
      assertTrue(d == 0 || (d % 2 == 1 && d < (1 << width)), "digit " + d);
      sum = sum.add(BigInteger.valueOf(d).shiftLeft(i));
    }
    assertEquals(e, sum);
  }

  @Test
  void windowGrowsWithTheNumberOfTerms() {
    assertTrue(MultiExp.bestWindow(1024, 256) > MultiExp.bestWindow(32, 256));
    assertTrue(MultiExp.bestWindow(1024, 256) >= 6);
  }
}
