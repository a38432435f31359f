#!/bin/sh
# Renders the app icon from icon.svg into what electron-builder and the tray need. The outputs are
# committed, so packaging needs none of these tools; run this again after changing icon.svg.
# Needs rsvg-convert (librsvg2-bin), icotool (icoutils) and png2icns (icnsutils).
set -eu
cd "$(dirname "$0")"
mkdir -p icons
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "icons/${size}x${size}.png"
done
cp icons/1024x1024.png icon.png
icotool -c -o icon.ico icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png icons/256x256.png
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png icons/256x256.png icons/512x512.png icons/1024x1024.png >/dev/null
cp icons/32x32.png tray-icon.png
cp icons/64x64.png tray-icon@2x.png
