#!/usr/bin/env bash
# Builds the .deb with cargo-deb (one release build, in CARGO_TARGET_DIR), installs it
# with apt, checks the installed program, menu entry, file type and icons, and removes
# the package again so the machine stays clean. Runs as root (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/swan-casus-target}"
cargo_deb_version=3.8.0
started=$SECONDS

# What the check needs: dpkg-shlibdeps for the $auto dependencies, and the tools whose
# dpkg triggers fill the menu and MIME databases (on a desktop they are always there).
need=()
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v update-mime-database >/dev/null || need+=(shared-mime-info)
if ((${#need[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! cargo deb --version >/dev/null 2>&1; then
  # Built in a temporary folder of its own, not in the project's target dir.
  env -u CARGO_TARGET_DIR cargo install cargo-deb --version "$cargo_deb_version" --locked --quiet
fi
cargo deb --version

desktop-file-validate assets/linux/swan-casus.desktop

# The release build: cold it takes about 20 minutes on two cores.
deb=$(cargo deb --locked | tail -n 1)
case "$deb" in
  /*) ;;
  *) deb="$PWD/$deb" ;;
esac
test -f "$deb"
echo "built $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb"

# Remove the package again however the checks below end.
trap 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq swan-casus >/dev/null 2>&1 || true' EXIT
install_deb() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
}
# The libraries it depends on may not be in apt's lists yet on a fresh machine.
install_deb || { apt-get update -qq && install_deb; }

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
test "$(/usr/bin/swan-casus --version)" = "swan-casus $version"
/usr/bin/swan-casus check /usr/share/doc/swan-casus/examples/*.swan.ron
# A path with spaces, as a double-click passes it through Exec=swan-casus %f.
tmp=$(mktemp -d)
cp /usr/share/doc/swan-casus/examples/voorbeeld-scootmobiel.swan.ron "$tmp/mijn casus.swan.ron"
/usr/bin/swan-casus check "$tmp/mijn casus.swan.ron"
rm -rf "$tmp"

for file in \
  /usr/share/applications/swan-casus.desktop \
  /usr/share/mime/packages/swan-casus.xml \
  /usr/share/icons/hicolor/scalable/apps/swan-casus.svg \
  /usr/share/doc/swan-casus/README.md; do
  test -f "$file" || { echo "not installed: $file" >&2; exit 1; }
done
for size in 16 32 48 64 128 256; do
  test -f "/usr/share/icons/hicolor/${size}x${size}/apps/swan-casus.png" ||
    { echo "not installed: the ${size}x${size} icon" >&2; exit 1; }
done
desktop-file-validate /usr/share/applications/swan-casus.desktop
# The dpkg triggers ran: the desktop database knows the app handles case files, and the
# MIME database knows the file name pattern.
grep -q '^application/x-swan-case=.*swan-casus.desktop' /usr/share/applications/mimeinfo.cache
grep -q '^[0-9]*:application/x-swan-case:\*\.swan\.ron' /usr/share/mime/globs2

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq swan-casus >/dev/null
trap - EXIT
test ! -e /usr/bin/swan-casus
echo "deb step took $((SECONDS - started)) s"
