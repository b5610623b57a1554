#!/usr/bin/env bash
# Builds and runs the libsodium ristretto255 reference benchmark, then Tabella's JMH benchmark for
# ristretto255, one after the other on the same machine. Installs libsodium-dev if missing (Debian).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../../../.." && pwd)"
if [ ! -f /usr/include/sodium.h ]; then
  (apt-get install -y -q libsodium-dev || (apt-get update -q && apt-get install -y -q libsodium-dev)) >/dev/null
fi
out="$(mktemp -d)"
cc -O2 -o "$out/ristretto_bench" "$here/ristretto_bench.c" -lsodium
"$out/ristretto_bench"
cd "$top"
mvn -B -q install -DskipTests
mvn -B -q -Pbench -pl groups verify -DskipTests \
  -Dbench.args="-p groupName=ristretto255 -f 1 -wi 5 -w 1 -i 10 -r 1 -tu us -bm avgt" \
  | grep -E "^(Benchmark|GroupBenchmark)"
