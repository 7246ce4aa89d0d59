#!/usr/bin/env bash
# Smoke test of the built Linux installer (run installers/build.sh first). Not part of
# `./mvnw verify`: it takes about a minute and needs the built package.
#
# It unpacks the .deb into a temporary folder (dpkg-deb -x, no root, nothing installed), or with
# BS_SMOKE_TARGET=app-image uses installers/out/Bridgescope, then runs the installed launcher from
# an empty working folder with a clean environment (no BRIDGESCOPE_HOME, JAVA_HOME or repo on any
# path, a throwaway HOME) and checks:
#   1. `bridgescope --version` prints "Bridgescope <pom version>"
#   2. `bridgescope demo --headless --duration 30 --require-progress` exits 0 with deposits executed
#   3. the anvil nodes it ran are the bundled copy, and the index database was written
#   4. the native libraries left in the trimmed jars load (needs `java` 17+ on the PATH)
#   5. with xvfb-run installed: `bridgescope gui` (the menu entry's command) runs, opens the
#      embedded devnet on the bundled anvil, and closes it on SIGTERM
# Environment: BS_INSTALLER_OUT (default installers/out), BS_SMOKE_DURATION (default 30 s).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="${BS_INSTALLER_OUT:-$HERE/out}"
TARGET="${BS_SMOKE_TARGET:-deb}"
DURATION="${BS_SMOKE_DURATION:-30}"
VERSION="$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
pass() { echo "smoke-test: ok: $*" >&2; }

tmp="$(mktemp -d /tmp/bridgescope-smoke.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/cwd"

case "$TARGET" in
  deb)
    deb="$(ls "$OUT"/bridgescope_*_amd64.deb 2>/dev/null | head -1)"
    [ -n "$deb" ] || fail "no .deb in $OUT: run installers/build.sh first"
    dpkg-deb -x "$deb" "$tmp/root"
    app="$tmp/root/opt/bridgescope"
    pass "unpacked $(basename "$deb") ($(du -h "$deb" | cut -f1); installed $(du -sh "$app" | cut -f1))"
    [ -f "$app/lib/bridgescope-Bridgescope.desktop" ] || fail "the package has no desktop entry"
    grep -q '^Exec=/opt/bridgescope/bin/Bridgescope gui' "$app/lib/bridgescope-Bridgescope.desktop" \
      || fail "the desktop entry does not start the GUI"
    ;;
  app-image)
    [ -d "$OUT/Bridgescope" ] || fail "no app image at $OUT/Bridgescope: run installers/build.sh first"
    cp -a "$OUT/Bridgescope" "$tmp/Bridgescope"
    app="$tmp/Bridgescope"
    pass "copied the app image ($(du -sh "$app" | cut -f1))"
    ;;
  *) fail "BS_SMOKE_TARGET must be deb or app-image" ;;
esac

launcher="$app/bin/Bridgescope"
[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -x "$app/lib/app/anvil/anvil" ] || fail "no executable bundled anvil in $app/lib/app/anvil"
if grep -rqs "$ROOT" "$app/lib/app/Bridgescope.cfg"; then fail "the launcher config points into the checkout"; fi

# The natives left in the trimmed jars load (the demo does not reach jblst or c-kzg). This one
# check uses the build JDK: the bundled runtime has no compiler for a source-file program.
cp_app="$(ls "$app"/lib/app/*.jar | paste -sd: -)"
java -cp "$cp_app" "$HERE/common/NativesCheck.java" | sed 's/^/  | /' >&2 \
  || fail "a native library in the packaged jars does not load"
pass "natives in the trimmed jars load (sqlite-jdbc, jblst, c-kzg)"

# A clean environment: the installed app must not need the checkout, a system Java or Maven.
# (Java takes user.home from the passwd entry, not $HOME, so XDG_DATA_HOME keeps the data here.)
run() {
  (cd "$tmp/cwd" && env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" LANG=C.UTF-8 "$launcher" "$@")
}

v="$(run --version)" || fail "--version exited $?"
echo "$v" | sed 's/^/  | /' >&2
[[ "$(echo "$v" | head -1)" == "Bridgescope $VERSION"* ]] || fail "--version printed '$(echo "$v" | head -1)', expected 'Bridgescope $VERSION'"
pass "--version"

run --help | grep -q "demo" || fail "--help does not list the demo verb"
pass "--help"

log="$tmp/demo.log"
started=$(date +%s)
set +e
(cd "$tmp/cwd" && exec env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" LANG=C.UTF-8 \
  timeout $((DURATION + 90)) "$launcher" demo --headless --duration "$DURATION" --require-progress) >"$log" 2>&1 &
demo=$!
# While it runs: the anvil nodes must be the bundled binary.
bundled=0
for _ in $(seq 1 40); do
  sleep 1
  for pid in $(pgrep -x anvil || true); do
    exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
    [ "$exe" = "$app/lib/app/anvil/anvil" ] && bundled=1
  done
  [ $bundled = 1 ] && break
  kill -0 "$demo" 2>/dev/null || break
done
wait "$demo"
rc=$?
set -e
took=$(( $(date +%s) - started ))
tail -4 "$log" | sed 's/^/  | /' >&2
[ $rc = 0 ] || { cat "$log" >&2; fail "demo exited $rc after ${took}s"; }
executed="$(sed -n 's/.*deposits executed \([0-9]*\) of.*/\1/p' "$log" | tail -1)"
[ -n "$executed" ] && [ "$executed" -gt 0 ] || fail "the demo executed no deposits"
pass "demo --headless --duration $DURATION: exit 0 in ${took}s, $executed deposits executed"
[ $bundled = 1 ] || fail "no anvil from $app/lib/app/anvil/anvil was seen running"
pass "anvil ran from the bundled copy"
[ -f "$tmp/home/.local/share/bridgescope/devnet/index.db" ] || fail "no index database under the throwaway HOME"
pass "index database written under the throwaway data folder (sqlite native loaded)"

# The GUI (what the menu entry runs), only where a virtual X server exists (apt-get install xvfb;
# JavaFX also needs libgtk-3-0). On a first run it opens the embedded devnet, so after 25 s the app
# must still be running without an exception and have started the bundled anvil; then it is sent
# SIGTERM and must close its devnet.
if command -v xvfb-run >/dev/null 2>&1; then
  (cd "$tmp/cwd" && exec env -i PATH=/usr/bin:/bin HOME="$tmp/home" \
    XDG_DATA_HOME="$tmp/gui-data" LANG=C.UTF-8 xvfb-run -a "$launcher" gui) >"$tmp/gui.log" 2>&1 &
  xvfb=$!
  sleep 25
  app_pid=""
  for pid in $(pgrep -f "$launcher" || true); do
    [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$launcher" ] && app_pid=$pid
  done
  anvils=()
  for pid in $(pgrep -x anvil || true); do
    [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$app/lib/app/anvil/anvil" ] && anvils+=("$pid")
  done
  [ -n "$app_pid" ] && kill -TERM "$app_pid"
  wait "$xvfb" || true
  sleep 2
  left=()
  for pid in "${anvils[@]}"; do kill -0 "$pid" 2>/dev/null && left+=("$pid"); done
  [ ${#left[@]} = 0 ] || { kill "${left[@]}"; fail "anvil processes outlived the GUI: ${left[*]}"; }
  if [ -z "$app_pid" ] || grep -q "Exception" "$tmp/gui.log"; then
    cat "$tmp/gui.log" >&2
    fail "\`bridgescope gui\` was not running after 25 s, or threw"
  fi
  [ ${#anvils[@]} -gt 0 ] || fail "the GUI did not start the bundled anvil for the devnet"
  pass "gui: ran 25 s under Xvfb without an exception, started ${#anvils[@]} bundled anvil nodes, closed them on SIGTERM"
else
  echo "smoke-test: skipped the GUI check (no xvfb-run; apt-get install xvfb)" >&2
fi
echo "smoke-test: PASS ($TARGET)" >&2
