package org.tabella.groups.modp;

import java.math.BigInteger;

/**
 * Probable-prime test for validating parameters that may come from an adversary: trial division
 * by small primes, then {@link BigInteger#isProbablePrime}, which runs Miller–Rabin with random
 * bases and, above 100 bits, a strong Lucas test (together a Baillie–PSW test), so fixed-base
 * pseudoprimes such as those of "Prime and Prejudice" do not pass. Public for the vector checker.
 */
public final class Primality {
  private static final int[] SMALL_PRIMES = smallPrimes(2000);
  private static final int CERTAINTY = 128;

  private Primality() {}

  /** Returns whether {@code n} is (with error below 2^-100) a prime. */
  public static boolean isProbablePrime(BigInteger n) {
    if (n.signum() <= 0 || n.equals(BigInteger.ONE)) {
      return false;
    }
    for (int p : SMALL_PRIMES) {
      BigInteger bp = BigInteger.valueOf(p);
      if (n.equals(bp)) {
        return true;
      }
      if (n.mod(bp).signum() == 0) {
        return false;
      }
    }
    return n.isProbablePrime(CERTAINTY);
  }

  /** Returns whether {@code n} has a prime factor below 2000 (and is not that prime). */
  static boolean hasSmallFactor(BigInteger n) {
    for (int p : SMALL_PRIMES) {
      BigInteger bp = BigInteger.valueOf(p);
      if (n.mod(bp).signum() == 0) {
        return !n.equals(bp);
      }
    }
    return false;
  }

  private static int[] smallPrimes(int limit) {
    boolean[] composite = new boolean[limit];
    int count = 0;
    for (int i = 2; i < limit; i++) {
      if (!composite[i]) {
        count++;
        for (int j = i * i; j < limit; j += i) {
          composite[j] = true;
        }
      }
    }
    int[] primes = new int[count];
    int k = 0;
    for (int i = 2; i < limit; i++) {
      if (!composite[i]) {
        primes[k++] = i;
      }
    }
    return primes;
  }
}
