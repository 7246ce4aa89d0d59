# macOS packaging, sourced by installers/build.sh after common/prepare.sh: Bridgescope.app and a
# .dmg. NOT TESTED: written from the jpackage 17 documentation; no Mac was available. Needs the
# Xcode command line tools (jpackage calls hdiutil, codesign) and `npm ci` run in resources/devnet
# on this Mac, which installs @foundry-rs/anvil-darwin-<arch>. See installers/macos/README.md.
# shellcheck shell=bash

# $APPDIR is Bridgescope.app/Contents/app, where the input (jars, anvil/) goes.
say "jpackage: Bridgescope.app ..."
rm -rf "${OUT:?}/$APP_NAME.app"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$OUT" \
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
  --description "$DESCRIPTION" --copyright "$COPYRIGHT" \
  --icon "$HERE/macos/bridgescope.icns" \
  --mac-package-identifier io.bridgescope.app --mac-package-name "$APP_NAME" \
  --input "$input" --main-jar bridgescope-launcher.jar \
  --main-class io.bridgescope.cli.Dispatch \
  --arguments gui \
  --runtime-image "$WORK/runtime" \
  --java-options '-Dbridgescope.anvil=$APPDIR/anvil/anvil' \
  --java-options "-Dbridgescope.commit=$COMMIT"
# Finder starts the app without arguments, so --arguments makes that the GUI; a terminal user runs
#   /Applications/Bridgescope.app/Contents/MacOS/Bridgescope demo --headless
# (any argument replaces the default `gui`).

# Signing: ad hoc by default, which Apple silicon needs for the bundled anvil to start. With
# BS_MAC_SIGN_IDENTITY="Developer ID Application: ..." jpackage signs with that identity instead;
# notarization (xcrun notarytool) is not scripted.
sign=()
if [ -n "${BS_MAC_SIGN_IDENTITY:-}" ]; then
  sign=(--mac-sign --mac-signing-key-user-name "$BS_MAC_SIGN_IDENTITY")
else
  codesign --force --sign - "$OUT/$APP_NAME.app/Contents/app/anvil/anvil" || say "codesign of anvil failed"
fi

say "jpackage: .dmg ..."
rm -f "$OUT"/*.dmg
"$JAVA_HOME/bin/jpackage" --type dmg --dest "$OUT" --app-image "$OUT/$APP_NAME.app" \
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
  --description "$DESCRIPTION" --copyright "$COPYRIGHT" \
  --icon "$HERE/macos/bridgescope.icns" "${sign[@]}"
du -sh "$OUT/$APP_NAME.app" "$OUT"/*.dmg | tee "$OUT/sizes.txt" >&2
