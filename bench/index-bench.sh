#!/usr/bin/env bash
# Indexing benchmark: builds a devnet history of state syncs and exits, then measures bare
# eth_getLogs vs the full indexer over the same range. See bench/README.md.
#   bench/index-bench.sh [--small] [--syncs N] [--exits M] [--root-history BLOCKS] [--rounds R] [--keep]
# Env: BS_BUILD_DIR (default target), MVN_ARGS (extra Maven flags, e.g. -o), SKIP_BUILD=1,
#      JAVA (another java), JFR=file.jfr (a flight recording of the whole run; `jfr print` or
#      `jfr summary` to read it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BS_BUILD_DIR:-target}"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  ./mvnw -q -B ${MVN_ARGS:-} -Pbench -Dbs.buildDir="$BUILD_DIR" -pl bench -am package -DskipTests
fi
JAVA="${JAVA:-java}"
jfr=()
if [[ -n "${JFR:-}" ]]; then
  jfr=("-XX:StartFlightRecording=filename=${JFR},settings=profile")
fi
exec "$JAVA" "${jfr[@]}" ${BENCH_OPTS:-} -Xmx2g -Dbridgescope.root="$ROOT" -cp "bench/$BUILD_DIR/benchmarks.jar" \
  io.bridgescope.bench.IndexBench "$@"
