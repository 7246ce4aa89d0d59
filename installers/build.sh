#!/usr/bin/env bash
# Builds the Bridgescope installers with jpackage and a jlink-trimmed runtime, for the OS it runs on
# (jpackage cannot cross-build): installers/common/prepare.sh gathers the jars, the bundled anvil
# and the runtime, then installers/<os>/package.sh makes the packages. Results in installers/out/:
#   Linux    Bridgescope/ (app image), bridgescope_<v>-1_amd64.deb, bridgescope-<v>-1.x86_64.rpm (with rpmbuild)
#   macOS    Bridgescope.app, Bridgescope-<v>.dmg                  (not tested: see installers/macos/README.md)
#   Windows  Bridgescope/ (app image), Bridgescope-<v>.msi          (not tested: see installers/windows/README.md)
#
# Usage: installers/build.sh            (or: ./mvnw -Pinstallers -DskipTests package)
# Environment:
#   BS_BUILD_DIR=target        Maven output folder name (-Dbs.buildDir) holding the jars
#   BS_SKIP_BUILD=1            reuse the jars in BS_BUILD_DIR instead of running Maven
#   BS_MVN_ARGS="-o"           extra Maven arguments (e.g. -o to stay offline)
#   BS_INSTALLER_TYPES="app-image deb rpm"   Linux: what to make (rpm is skipped without rpmbuild)
#   BS_INSTALLER_OUT=installers/out          where the results go
#   BS_JLINK_COMPRESS=2|0      runtime compression (0: bigger install, smaller .deb)
#   BS_FILE_ASSOCIATIONS=1     register *.bridgescope-evidence.json (off: the app cannot open them yet)
#   JAVA_HOME                  JDK 17+ with jpackage, jlink and jdeps (default: the one `javac` is from)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BUILD_DIR="${BS_BUILD_DIR:-target}"
OUT="${BS_INSTALLER_OUT:-$HERE/out}"
WORK="$OUT/work"
APP_NAME="Bridgescope"
PKG_NAME="bridgescope"
VENDOR="Bridgescope project"
COPYRIGHT="Bridgescope contributors"
DESCRIPTION="Desktop bridge explorer and withdrawal wallet for Polygon Edge supernets"

case "$(uname -m)" in
  x86_64|amd64) ARCH=amd64 ;;
  aarch64|arm64) ARCH=arm64 ;;
  *) echo "installers: unsupported CPU $(uname -m)" >&2; exit 1 ;;
esac
case "$(uname -s)" in
  Linux)  OS_DIR=linux;   ANVIL_PKG="anvil-linux-$ARCH";  ANVIL_EXE=anvil ;;
  Darwin) OS_DIR=macos;   ANVIL_PKG="anvil-darwin-$ARCH"; ANVIL_EXE=anvil ;;
  MINGW*|MSYS*|CYGWIN*) OS_DIR=windows; ANVIL_PKG="anvil-win32-$ARCH"; ANVIL_EXE=anvil.exe ;;
  *) echo "installers: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

start=$(date +%s)
# shellcheck source=common/prepare.sh
source "$HERE/common/prepare.sh"
# shellcheck source=linux/package.sh
source "$HERE/$OS_DIR/package.sh"
say "done in $(( $(date +%s) - start )) s"
