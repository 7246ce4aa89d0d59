#!/usr/bin/env bash
# BN254 before/after: the io.bridgescope.crypto.bn254 package of git ref REF (default: where this
# branch left main) against the worktree's, in one JVM, alternating calls, thread CPU time
# (see bench/README.md).
#   bench/bn254-ab.sh [REF] [ROUNDS]
# Env: JAVA (the java to run, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java), JAVA_OPTS,
#      SIGNED=1 (a third column: the worktree's code without Math.unsignedMultiplyHigh, Java 18+),
#      MVN_ARGS (extra Maven flags, e.g. -o), SKIP_BUILD=1, BS_BUILD_DIR (default target).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ref="${1:-$(git merge-base HEAD main)}"
rounds="${2:-6}"
build_dir="${BS_BUILD_DIR:-target}"
jar="bench/$build_dir/benchmarks.jar"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  # shellcheck disable=SC2086
  ./mvnw -q -B ${MVN_ARGS:-} -Dbs.buildDir="$build_dir" -Pbench -pl bench -am package -DskipTests
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pkg=app/crypto/src/main/java/io/bridgescope/crypto
compile() { # $1 = source root holding $pkg, $2 = output dir
  mkdir -p "$2"
  javac -nowarn -d "$2" "$1/$pkg/InvalidEncodingException.java" "$1"/$pkg/bn254/*.java \
    bench/ab/Bn254Work.java
}
mkdir -p "$work/before-src"
git archive "$ref" "$pkg" | tar -x -C "$work/before-src"
compile "$work/before-src" "$work/before"
compile "$root" "$work/after"
extra=()
if [[ -n "${SIGNED:-}" ]]; then # also the worktree's code without Math.unsignedMultiplyHigh
  extra=("after+signed=$work/after")
fi
# shellcheck disable=SC2086
"${JAVA:-java}" ${JAVA_OPTS:-} -cp "$jar" io.bridgescope.bench.Bn254AB \
  "before=$work/before" "after=$work/after" "${extra[@]}" "$rounds"
