#!/usr/bin/env bash
# First paint of `./bridgescope gui` (issue 18, item 5): JVM start to the first frame after the
# window showed, as the app logs it ("First paint N ms after JVM start"), under Xvfb, warm (one
# untimed start of each kind first), with class-data sharing off and on in alternation so both
# meet the same load. See bench/README.md.
#   bench/first-paint.sh [--runs N]        # default 5 of each
# Uses the launcher as it is (its `java` on PATH). KEEP=1 leaves the work directory.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "usage: bench/first-paint.sh [--runs N]" >&2; exit 2 ;;
  esac
done
command -v Xvfb >/dev/null || { echo "first-paint: needs Xvfb (apt-get install xvfb)" >&2; exit 3; }

# The launcher builds what is missing; do it now, not inside a timed start.
"$ROOT/bridgescope" --version >/dev/null
work="$(mktemp -d /tmp/bridgescope-first-paint-XXXXXX)"
disp=""
for n in $(seq 90 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then disp=":$n"; break; fi
done
[ -n "$disp" ] || { echo "first-paint: no free X display in :90..:120" >&2; exit 3; }
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill -TERM -- "-$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done

# One start of the app in its own process group; prints the first-paint milliseconds, then ends
# the whole group (the launcher, the JVM and the devnet's anvil nodes) and waits for it.
one() {
  local cds="$1" log="$work/run-$2.log"
  BRIDGESCOPE_CDS="$cds" BRIDGESCOPE_LOG_LEVEL=INFO DISPLAY="$disp" XDG_DATA_HOME="$work/data" \
    setsid "$ROOT/bridgescope" gui >"$log" 2>&1 &
  app=$!
  local ms=""
  for _ in $(seq 1 1200); do
    ms="$(sed -n 's/.*First paint \([0-9]*\) ms after JVM start.*/\1/p' "$log" | head -1)"
    [ -n "$ms" ] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.05
  done
  kill -TERM -- "-$app" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
  if [ -z "$ms" ]; then
    echo "first-paint: no first-paint line in $log:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  echo "$ms"
}

jsa_dir="$ROOT/target/cds"
rm -f "$jsa_dir"/gui-*.jsa
echo "untimed: one start without CDS (warms the page cache, creates the data directory)"
one off warm-off >/dev/null
echo "untimed: one start that makes the CDS archive at exit"
one on make-archive >/dev/null
ls "$jsa_dir"/gui-*.jsa >/dev/null 2>&1 || { echo "first-paint: no archive was made" >&2; exit 1; }
ls -l "$jsa_dir"/gui-*.jsa
off=()
on=()
for i in $(seq 1 "$RUNS"); do
  a="$(one off "off-$i")"
  b="$(one on "on-$i")"
  off+=("$a")
  on+=("$b")
  echo "run $i: CDS off $a ms, CDS on $b ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mo="$(median "${off[@]}")"
mn="$(median "${on[@]}")"
echo "median first paint: CDS off $mo ms, CDS on $mn ms (aim <= 1000 ms), on/off $(awk -v a="$mn" -v b="$mo" 'BEGIN {printf "%.2f", a/b}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
