# Linux packaging, sourced by installers/build.sh after common/prepare.sh: an app image, a .deb
# (needs fakeroot + dpkg-deb) and an .rpm when rpmbuild exists.
# shellcheck shell=bash

TYPES="${BS_INSTALLER_TYPES:-app-image deb rpm}"
want() { [[ " $TYPES " == *" $1 "* ]]; }
if want deb; then
  missing=""
  command -v dpkg-deb >/dev/null 2>&1 || missing="$missing dpkg"
  command -v fakeroot >/dev/null 2>&1 || missing="$missing fakeroot"
  [ -z "$missing" ] || die "building the .deb needs:$missing. Install with: sudo apt-get update && sudo apt-get install -y$missing   (or set BS_INSTALLER_TYPES=app-image)"
fi
if want rpm && ! command -v rpmbuild >/dev/null 2>&1; then
  say "rpmbuild not found: skipping the .rpm (Debian: apt-get install rpm; Fedora: dnf install rpm-build)"
  TYPES="${TYPES//rpm/}"
fi

# The app image: bin/Bridgescope runs io.bridgescope.cli.Dispatch; $APPDIR is lib/app, where the input went.
say "jpackage: app image ..."
rm -rf "${OUT:?}/$APP_NAME"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$OUT" \
  --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
  --description "$DESCRIPTION" --copyright "$COPYRIGHT" \
  --icon "$HERE/common/bridgescope.png" \
  --input "$input" --main-jar bridgescope-launcher.jar \
  --main-class io.bridgescope.cli.Dispatch \
  --runtime-image "$WORK/runtime" \
  --java-options '-Dbridgescope.anvil=$APPDIR/anvil/anvil' \
  --java-options "-Dbridgescope.commit=$COMMIT"
image="$OUT/$APP_NAME"
[ -x "$image/lib/app/anvil/anvil" ] || die "the app image lacks an executable anvil"

# Packages from the app image. linux/resources overrides jpackage's templates: the menu entry
# starts `Bridgescope gui`, and postinst/prerm add and remove the /usr/bin/bridgescope link.
assoc=()
if [ "${BS_FILE_ASSOCIATIONS:-0}" = "1" ]; then
  # the menu entry's MimeType line registers the bridgescope:// links; jpackage would add a second
  die "BS_FILE_ASSOCIATIONS=1: the desktop app does not open evidence files yet, and the menu entry's MimeType line is the bridgescope:// link handler's"
fi
for type in deb rpm; do
  want "$type" || continue
  say "jpackage: .$type ..."
  rm -f "$OUT"/*."$type"
  "$JAVA_HOME/bin/jpackage" --type "$type" --dest "$OUT" --app-image "$image" \
    --name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" \
    --description "$DESCRIPTION" --copyright "$COPYRIGHT" \
    --icon "$HERE/common/bridgescope.png" \
    --resource-dir "$HERE/linux/resources" \
    --linux-package-name "$PKG_NAME" --linux-shortcut \
    --linux-menu-group "Development;Network;" --linux-app-category utils \
    --linux-deb-maintainer "bridgescope@users.noreply.github.com" \
    --linux-rpm-license-type "ASL 2.0" \
    --linux-package-deps "libgtk-3-0, libxtst6" \
    "${assoc[@]}"
done

{
  echo "app image  $(du -sh "$image" | cut -f1)  $image"
  for type in deb rpm; do
    want "$type" || continue
    for f in "$OUT"/*."$type"; do
      [ -f "$f" ] && echo "package    $(du -h "$f" | cut -f1)  $f"
    done
  done
  echo "  app image parts: runtime $(du -sh "$image/lib/runtime" | cut -f1), jars $(du -ch "$image"/lib/app/*.jar | tail -1 | cut -f1), anvil $(du -sh "$image/lib/app/anvil" | cut -f1)"
} | tee "$OUT/sizes.txt" >&2
