# Shared steps of every installer build, sourced by installers/build.sh after it has set
#   ROOT HERE OUT WORK BUILD_DIR OS_DIR (linux|macos|windows) ARCH (amd64|arm64) ANVIL_PKG ANVIL_EXE
# and leaves: VERSION APP_VERSION COMMIT JAVA_HOME, $WORK/input (jars, launcher jar, anvil/) and
# $WORK/runtime (the jlink-trimmed Java runtime).
# shellcheck shell=bash

# Modules the app needs at run time that jdeps cannot see (reflection, service loading, TLS):
#   java.sql (sqlite-jdbc), java.naming + java.management (logback), jdk.unsupported (Unsafe:
#   JavaFX, okio), jdk.crypto.ec (TLS to https RPC nodes), java.net.http (devnet health checks).
#   jdk.localedata is left out (English formats only).
EXTRA_MODULES="java.sql,java.naming,java.management,jdk.unsupported,jdk.crypto.ec,java.net.http"

say() { echo "installers: $*" >&2; }
die() { echo "installers: $*" >&2; exit 1; }
trim() { local v="$1"; v="${v#"${v%%[![:space:]]*}"}"; echo "${v%"${v##*[![:space:]]}"}"; }

# --- JDK ------------------------------------------------------------------------------------------
if [ -z "${JAVA_HOME:-}" ]; then
  command -v javac >/dev/null 2>&1 \
    || die "no JDK found: set JAVA_HOME to a JDK 17+ (Debian: apt-get install openjdk-17-jdk)"
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
EXE=""; [ "$OS_DIR" = windows ] && EXE=".exe"
for t in java javac jar jdeps jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$t$EXE" ] || die "$JAVA_HOME/bin/$t is missing: use a full JDK 17+ (Debian: apt-get install openjdk-17-jdk)"
done
jdk_major="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
  | awk -F'= ' '/java.specification.version/ {print $2}' | tr -d '\r')"
[ "${jdk_major%%.*}" -ge 17 ] || die "JDK $jdk_major at $JAVA_HOME: JDK 17 or newer is required"
# jlink's --compress=2 (zip) is JDK 17 syntax; JDK 21+ spells it zip-6. BS_JLINK_COMPRESS=0 stores
# the runtime uncompressed: a larger install but a smaller .deb, since xz then compresses it better.
case "${BS_JLINK_COMPRESS:-2}" in
  0) compress="--compress=0" ;;
  *) if [ "${jdk_major%%.*}" -ge 21 ]; then compress="--compress=zip-6"; else compress="--compress=2"; fi ;;
esac

# --- version ----------------------------------------------------------------------------------------
# The first <version> in the root pom is the project's; jpackage wants numbers only.
VERSION="$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
APP_VERSION="${VERSION%%-*}"
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot derive a numeric version from '$VERSION'"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
say "Bridgescope $VERSION (package version $APP_VERSION, commit $COMMIT) for $OS_DIR-$ARCH, JDK $jdk_major at $JAVA_HOME"

# --- jars -------------------------------------------------------------------------------------------
if [ "${BS_SKIP_BUILD:-0}" != "1" ]; then
  say "building the jars (Maven, output folder $BUILD_DIR) ..."
  # shellcheck disable=SC2086
  (cd "$ROOT" && ./mvnw -q -B ${BS_MVN_ARGS:-} -Dbs.buildDir="$BUILD_DIR" -Dmaven.test.skip=true \
    -Dspotless.check.skip=true -Dbridgescope.commit="$COMMIT" package)
fi
cli_jar="$ROOT/app/cli/$BUILD_DIR/bridgescope-cli-$VERSION.jar"
desktop_jar="$ROOT/app/desktop/$BUILD_DIR/bridgescope-desktop-$VERSION.jar"
for f in "$cli_jar" "$desktop_jar" "$ROOT/app/cli/$BUILD_DIR/classpath.txt" "$ROOT/app/desktop/$BUILD_DIR/classpath.txt"; do
  [ -f "$f" ] || die "$f is missing: build first (./mvnw -Dbs.buildDir=$BUILD_DIR -DskipTests package) or unset BS_SKIP_BUILD"
done

rm -rf "$WORK"
mkdir -p "$WORK/input/anvil" "$WORK/launcher" "$OUT"
input="$WORK/input"

# Runtime classpath: both apps' jars and their dependencies, minus what exclude-jars.txt names.
# Maven writes classpath.txt with the OS path separator (':' here, ';' and C:\ paths on Windows).
sep=':'; [ "$OS_DIR" = windows ] && sep=';'
excludes="$(grep -v '^\s*#' "$HERE/common/exclude-jars.txt" | grep -v '^\s*$' || true)"
n_excluded=0
while IFS= read -r jar; do
  [ -n "$jar" ] || continue
  name="$(basename "$jar")"
  skip=0
  for pat in $excludes; do
    # shellcheck disable=SC2053
    [[ "$name" == $pat ]] && skip=1
  done
  if [ $skip = 1 ]; then n_excluded=$((n_excluded + 1)); continue; fi
  cp -p "$jar" "$input/$name"
done < <({ echo "$cli_jar"; echo "$desktop_jar"
           tr "$sep" '\n' < "$ROOT/app/cli/$BUILD_DIR/classpath.txt"; echo
           tr "$sep" '\n' < "$ROOT/app/desktop/$BUILD_DIR/classpath.txt"; echo; } \
         | tr '\\' '/' | tr -d '\r' | awk 'NF && !seen[$0]++')
say "classpath: $(ls "$input"/*.jar | wc -l) jars ($n_excluded excluded by installers/common/exclude-jars.txt)"

# Other platforms' natives out of multi-platform jars (installers/$OS_DIR/natives.txt).
while IFS='|' read -r arch glob folder keep; do
  [[ "$arch" =~ ^[[:space:]]*(#|$) ]] && continue
  arch="$(trim "$arch")"; glob="$(trim "$glob")"; folder="$(trim "$folder")"; keep="$(trim "$keep")"
  [ "$arch" = "$ARCH" ] || continue
  for jar in "$input"/$glob; do
    [ -f "$jar" ] || continue
    chmod u+w "$jar"
    "$JAVA_HOME/bin/java" "$HERE/common/TrimJar.java" "$jar" "$folder" "$keep" >/dev/null \
      || die "could not trim $jar"
  done
done < "$HERE/$OS_DIR/natives.txt"

# jpackage wants a main jar: an empty one whose manifest names the dispatcher, which lives in the
# CLI jar (io.bridgescope.cli.Dispatch: gui -> desktop, anything else -> CLI). Every jar in the
# input folder is on the launcher's classpath.
printf 'Main-Class: io.bridgescope.cli.Dispatch\n' > "$WORK/launcher/manifest.txt"
"$JAVA_HOME/bin/jar" --create --file "$input/bridgescope-launcher.jar" \
  --manifest "$WORK/launcher/manifest.txt" -C "$WORK/launcher" manifest.txt

# --- anvil ------------------------------------------------------------------------------------------
# npm installs only this machine's anvil package, so each OS builds its own installer.
anvil="$ROOT/resources/devnet/node_modules/@foundry-rs/$ANVIL_PKG/bin/$ANVIL_EXE"
if [ ! -f "$anvil" ] && [ "$OS_DIR" = linux ]; then
  say "anvil is not installed yet: running resources/devnet/ensure-tools.sh (npm ci) ..."
  bash "$ROOT/resources/devnet/ensure-tools.sh"
fi
[ -f "$anvil" ] || die "no anvil at $anvil: run \`npm ci\` in resources/devnet (Node.js 20+) on this machine"
cp -p "$anvil" "$input/anvil/$ANVIL_EXE"
chmod 755 "$input/anvil/$ANVIL_EXE"

# --- runtime ----------------------------------------------------------------------------------------
jars=("$input"/*.jar)
cp_all="$(IFS="$sep"; echo "${jars[*]}")"
found="$("$JAVA_HOME/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$cp_all" "${jars[@]}" 2>"$WORK/jdeps.log" | tail -1 | tr -d '\r')" \
  || die "jdeps failed, see $WORK/jdeps.log"
modules="$(echo "$found,$EXTRA_MODULES" | tr ',' '\n' | awk 'NF && !seen[$0]++' | sort | paste -sd, -)"
say "jlink modules: $modules"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  $compress --output "$WORK/runtime"
