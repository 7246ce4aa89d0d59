#!/usr/bin/env bash
# The issue's BN254 aims in one interleaved run: our 100-signer aggregate verify (incl. hash-to-point)
# and anvil's 0x08 2-pair check, alternated call by call; prints both medians and the ratio.
# See bench/README.md.
#   bench/bn254-vs-anvil.sh [CALLS] [ROUNDS]        (default 200 calls x 5 rounds)
# Env: JAVA (e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java), MVN_ARGS, SKIP_BUILD=1, BS_BUILD_DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build_dir="${BS_BUILD_DIR:-target}"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  # shellcheck disable=SC2086
  ./mvnw -q -B ${MVN_ARGS:-} -Dbs.buildDir="$build_dir" -Pbench -pl bench -am package -DskipTests
fi
bash resources/devnet/ensure-tools.sh >/dev/null
exec "${JAVA:-java}" -Dbridgescope.root="$root" -cp "bench/$build_dir/benchmarks.jar" \
  io.bridgescope.bench.Bn254VsAnvil "$@"
