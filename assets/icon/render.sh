#!/usr/bin/env bash
# Renders the app icon PNGs from swan-casus.svg. Needs rsvg-convert (apt-get install librsvg2-bin).
# Run it after editing the SVG and commit the PNGs: the build embeds swan-casus-256.png
# as the window icon, and the .deb installs all sizes.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
  rsvg-convert --width "$size" --height "$size" --format png swan-casus.svg > "swan-casus-$size.png"
done
