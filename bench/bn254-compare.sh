#!/usr/bin/env bash
# BN254 BLS: our Java code vs its referees, measured in one run (see bench/README.md).
#   bench/bn254-compare.sh              build, run JMH (Bn254Bench, AnvilPairingBench, Bls12381Bench),
#                                       run @noble/curves in node, print the table
#   JMH_ARGS='-f 3 -wi 5 -i 10' bench/bn254-compare.sh   other JMH settings (replace -f 1 -wi 3 -i 5;
#                                                        JMH refuses an option given twice)
#   MVN_ARGS='-o' bench/bn254-compare.sh            extra Maven flags (e.g. offline)
#   SKIP_BUILD=1 bench/bn254-compare.sh             reuse bench/target/benchmarks.jar
#   BS_BUILD_DIR=target-x bench/bn254-compare.sh    build into target-x dirs (-Dbs.buildDir)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/bn254-compare.sh   JMH on another JDK
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build_dir="${BS_BUILD_DIR:-target}"
jar="bench/$build_dir/benchmarks.jar"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building $jar" >&2
  # shellcheck disable=SC2086
  ./mvnw -q -B ${MVN_ARGS:-} -Dbs.buildDir="$build_dir" -Pbench -pl bench -am package -DskipTests
fi
bash resources/devnet/ensure-tools.sh >/dev/null

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "== JMH: Bn254Bench, AnvilPairingBench (anvil 0x08), Bls12381Bench (jblst)" >&2
# shellcheck disable=SC2086
# JMH forks its benchmark JVMs with the java that runs it (-jvm overrides), so JAVA picks the JDK
"${JAVA:-java}" -jar "$jar" 'Bn254Bench|AnvilPairingBench|Bls12381Bench' \
  ${JMH_ARGS:--f 1 -wi 3 -i 5} -rf json -rff "$out/jmh.json" >"$out/jmh.log" 2>&1 || {
  cat "$out/jmh.log" >&2
  exit 1
}
grep -E '^(Benchmark|Bn254Bench|AnvilPairingBench|Bls12381Bench)[^:]*( |$)' "$out/jmh.log" >&2 || true

echo "== node: @noble/curves bn254" >&2
node bench/noble-bn254.mjs >"$out/noble.json"

echo >&2
node bench/bn254-table.mjs "$out/jmh.json" "$out/noble.json"
