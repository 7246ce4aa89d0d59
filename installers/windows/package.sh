# Windows packaging, sourced by installers/build.sh (run in Git Bash) after common/prepare.sh: an
# app image and an .msi. NOT TESTED: written from the jpackage 17 documentation; no Windows machine
# was available. Needs WiX Toolset 3.x on the PATH (jpackage 17 calls candle.exe and light.exe) and
# `npm ci` run in resources/devnet on Windows, which installs @foundry-rs/anvil-win32-amd64.
# See installers/windows/README.md.
# shellcheck shell=bash

command -v candle.exe >/dev/null 2>&1 && command -v light.exe >/dev/null 2>&1 \
  || die "the .msi needs WiX Toolset 3.x on the PATH (candle.exe, light.exe): https://wixtoolset.org/docs/wix3/"

# Start menu and desktop shortcuts run the main launcher without arguments: --arguments gui makes
# that the GUI. bridgescope-cli.exe (a console program) is the one to use in a terminal.
say "jpackage: app image ..."
rm -rf "${OUT:?}/$APP_NAME"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$OUT" \
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
  --description "$DESCRIPTION" --copyright "$COPYRIGHT" \
  --icon "$HERE/windows/bridgescope.ico" \
  --input "$input" --main-jar bridgescope-launcher.jar \
  --main-class io.bridgescope.cli.Dispatch \
  --arguments gui \
  --add-launcher "bridgescope-cli=$HERE/windows/bridgescope-cli.properties" \
  --runtime-image "$WORK/runtime" \
  --java-options '-Dbridgescope.anvil=$APPDIR/anvil/anvil.exe' \
  --java-options "-Dbridgescope.commit=$COMMIT"

say "jpackage: .msi ..."
rm -f "$OUT"/*.msi
# A fixed upgrade code lets a newer .msi replace an older one.
"$JAVA_HOME/bin/jpackage" --type msi --dest "$OUT" --app-image "$OUT/$APP_NAME" \
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
  --description "$DESCRIPTION" --copyright "$COPYRIGHT" \
  --icon "$HERE/windows/bridgescope.ico" \
  --win-menu --win-menu-group "$APP_NAME" --win-shortcut --win-dir-chooser \
  --win-upgrade-uuid 6f1c3a52-9d1e-4b7a-8f2e-5b0c4d7e9a13
du -sh "$OUT/$APP_NAME" "$OUT"/*.msi | tee "$OUT/sizes.txt" >&2
