#!/usr/bin/env bash
# verify --all throughput: builds a synthetic 100-validator history into a fresh index and times
# Verifier.verifyAll() on all cores and on one thread, in one run. See bench/README.md.
#   bench/verify-bench.sh [--commitments N] [--validators V] [--syncs K] [--rounds R] [--baseline] [--keep]
# Env: BS_BUILD_DIR (default target), MVN_ARGS (extra Maven flags, e.g. -o), SKIP_BUILD=1,
#      JAVA (the java to run, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BS_BUILD_DIR:-target}"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  ./mvnw -q -B ${MVN_ARGS:-} -Pbench -Dbs.buildDir="$BUILD_DIR" -pl bench -am package -DskipTests
fi
exec "${JAVA:-java}" -Xmx1g -cp "bench/$BUILD_DIR/benchmarks.jar" io.bridgescope.bench.VerifyBench "$@"
