/*
 * Reference timings for ristretto255 from libsodium, to compare Tabella's Java implementation on
 * the same machine in the same run (see run-libsodium-bench.sh). Prints microseconds per operation.
 */
#include <sodium.h>
#include <stdio.h>
#include <time.h>

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(void) {
  if (sodium_init() < 0) return 1;
  unsigned char n[32], p[32], q[32], h[64];
  const int iters = 20000;
  crypto_core_ristretto255_scalar_random(n);
  crypto_scalarmult_ristretto255_base(p, n);
  for (int round = 0; round < 2; round++) {
    double t0 = now_us();
    for (int i = 0; i < iters; i++) { n[0] = (unsigned char) i; crypto_scalarmult_ristretto255_base(q, n); }
    double t1 = now_us();
    for (int i = 0; i < iters; i++) { n[0] = (unsigned char) i; if (crypto_scalarmult_ristretto255(q, n, p) != 0) return 2; }
    double t2 = now_us();
    for (int i = 0; i < iters; i++) { p[1] ^= 0; if (!crypto_core_ristretto255_is_valid_point(p)) return 3; }
    double t3 = now_us();
    for (int i = 0; i < iters; i++) { h[0] = (unsigned char) i; crypto_core_ristretto255_from_hash(q, h); }
    double t4 = now_us();
    if (round == 1) {
      printf("libsodium %s ristretto255 (us/op)\n", sodium_version_string());
      printf("exp-fixed-base %.1f\nexp %.1f\ndecode(is_valid_point) %.1f\nfrom-uniform-bytes %.1f\n",
             (t1 - t0) / iters, (t2 - t1) / iters, (t3 - t2) / iters, (t4 - t3) / iters);
    }
  }
  return 0;
}
