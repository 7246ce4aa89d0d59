#!/usr/bin/env bash
# Long, sparse history behind a provider: a devnet root with N empty blocks (--root-history), then
# the bridge; the indexer catches up through a ProviderProxy (block-range cap, latency) and prints
# the requests made against the minimum and the wall time. See bench/README.md.
#   bench/history-bench.sh [--blocks N] [--cap C] [--latency-ms L]
# Env: BS_BUILD_DIR (default target), MVN_ARGS (extra Maven flags, e.g. -o), SKIP_BUILD=1.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BS_BUILD_DIR:-target}"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  ./mvnw -q -B ${MVN_ARGS:-} -Pbench -Dbs.buildDir="$BUILD_DIR" -pl bench -am package -DskipTests
fi
exec java -Xmx1g -Dbridgescope.root="$ROOT" -cp "bench/$BUILD_DIR/benchmarks.jar" \
  io.bridgescope.bench.HistoryBench "$@"
