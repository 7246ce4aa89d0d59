#!/usr/bin/env bash
# Heap soak of the GUI demo (issue 18, item 4): runs `./bridgescope demo` with the desktop app
# under Xvfb for a while, takes the live heap after a full GC every few minutes (jcmd
# GC.class_histogram collects first, so its total is the live set; the smaller of two readings
# 20 s apart is kept), and prints a table, the growth per hour after the warm-up and the classes
# that grew most over that time.
#
#   bench/heap-soak.sh [--minutes 120] [--interval 10] [--warmup 20] [--keep]
#
# Needs xvfb-run and GTK 3 for JavaFX (Debian: apt-get install xvfb libgtk-3-0) and the JDK's
# jcmd. The demo's data goes to a fresh XDG_DATA_HOME under a work directory, so it neither reads
# nor touches your own networks; --keep leaves that directory (histograms, app log, database) for
# a closer look. BRIDGESCOPE_JAVA_OPTS is passed on (e.g. -Xmx512m); the launcher's default heap
# is used otherwise.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

minutes=120
interval=10
warmup=20
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --interval) interval="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "heap-soak: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for tool in xvfb-run jcmd; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "heap-soak: $tool is needed (xvfb-run: apt-get install xvfb; jcmd: a JDK)" >&2
    exit 3
  fi
done
if [ "$warmup" -ge "$minutes" ]; then
  echo "heap-soak: the warm-up ($warmup min) must be shorter than the soak ($minutes min)" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/heap-soak.XXXXXX")"
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
"$HERE/bridgescope" --version >/dev/null # builds what is missing before the clock starts

# The tag finds this soak's JVM (and only it) among other Java processes on the machine.
tag="-Dbridgescope.heapSoak=$work"
BRIDGESCOPE_JAVA_OPTS="${BRIDGESCOPE_JAVA_OPTS:-} $tag" \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$HERE/bridgescope" demo >"$work/app.log" 2>&1 &
launcher=$!
pid=""
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true # the app's stop() shuts the devnet down
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$launcher" 2>/dev/null || true
  if [ "$keep" = 1 ]; then
    echo "heap-soak: kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap stop EXIT
for _ in $(seq 1 120); do
  pid="$(pgrep -f -- "$tag" | head -1 || true)"
  [ -n "$pid" ] && break
  kill -0 "$launcher" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 1
done
[ -n "$pid" ] || { echo "heap-soak: the demo's JVM did not start" >&2; exit 1; }
start=$(date +%s)
echo "heap-soak: demo JVM $pid, $minutes min, live heap every $interval min, warm-up $warmup min" >&2

db_bytes() {
  find "$XDG_DATA_HOME" -name '*.db' -o -name '*.db-wal' 2>/dev/null | xargs -r stat -c %s |
    awk '{s += $1} END {print s + 0}'
}

samples="$work/samples.tsv"
: >"$samples"
for ((m = interval; m <= minutes; m += interval)); do
  while [ "$(date +%s)" -lt $((start + m * 60)) ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "heap-soak: the demo stopped early; the end of its log:" >&2
      grep -v '^[[:space:]]*at ' "$work/app.log" | tail -20 >&2
      exit 1
    fi
    sleep 5
  done
  # Two readings 20 s apart, the smaller kept: a reading taken while the verifier or a page of the
  # GUI is mid-way through a batch counts its working set as live (tens of MB for a moment).
  jcmd "$pid" GC.class_histogram >"$work/histo-$m.txt"
  sleep 20
  jcmd "$pid" GC.class_histogram >"$work/histo-$m-b.txt"
  a=$(awk '/^Total/ {print $3}' "$work/histo-$m.txt")
  b=$(awk '/^Total/ {print $3}' "$work/histo-$m-b.txt")
  if [ "$b" -lt "$a" ]; then mv "$work/histo-$m-b.txt" "$work/histo-$m.txt"; else rm "$work/histo-$m-b.txt"; fi
  live=$((a < b ? a : b))
  printf '%d\t%d\t%d\n' "$m" "$live" "$(db_bytes)" >>"$samples"
  awk -v m="$m" -v l="$live" 'BEGIN {printf "heap-soak: minute %4d  live %7.1f MB\n", m, l / 1048576}' >&2
done

echo
echo "| minute | live heap after full GC (MB) | database (MB) |"
echo "|---:|---:|---:|"
awk -F'\t' '{printf "| %d | %.1f | %.1f |\n", $1, $2 / 1048576, $3 / 1048576}' "$samples"
echo
# Least-squares slope over the samples from the warm-up on: less at the mercy of one sample taken
# just before or after a burst of work than last minus first.
awk -F'\t' -v w="$warmup" '
  $1 >= w { n++; x = $1 / 60; y = $2 / 1048576; d = $3 / 1048576
            sx += x; sy += y; sxx += x * x; sxy += x * y; sd += d; sxd += x * d
            if (n == 1) { y0 = y; x0 = x } ; y1 = y; x1 = x }
  END {
    if (n < 2) { print "fewer than two samples after the warm-up: no growth figure"; exit }
    den = n * sxx - sx * sx
    printf "growth after minute %d (%d samples): %.2f MB/h live heap (least squares), %.2f MB/h last minus first; database %.2f MB/h\n",
      w, n, (n * sxy - sx * sy) / den, (y1 - y0) / (x1 - x0), (n * sxd - sx * sd) / den
  }' "$samples"

first=$(awk -F'\t' -v w="$warmup" '$1 >= w {print $1; exit}' "$samples")
last=$(tail -1 "$samples" | cut -f1)
if [ -n "$first" ] && [ "$first" != "$last" ]; then
  echo
  echo "classes that grew most from minute $first to minute $last (bytes, instances):"
  awk -v a="$work/histo-$first.txt" '
    FNR == 1 { file++ }
    $1 ~ /^[0-9]+:$/ { key = $4; if (file == 1) { b0[key] = $3; i0[key] = $2 } else { b1[key] = $3; i1[key] = $2 } }
    END { for (k in b1) { d = b1[k] - b0[k]; if (d > 0) printf "%12d %10d  %s\n", d, i1[k] - i0[k], k } }' \
    "$work/histo-$first.txt" "$work/histo-$last.txt" | sort -rn | head -15
fi
