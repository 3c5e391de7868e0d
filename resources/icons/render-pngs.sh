#!/bin/sh
# Renders the hicolor PNG sizes of the application icon from its SVG.
# The PNGs are committed, so a normal build never needs this script (nor
# librsvg / ImageMagick). Run it after changing io.github.peephole.Peephole.svg:
#   resources/icons/render-pngs.sh
set -eu
cd "$(dirname "$0")"
svg=io.github.peephole.Peephole.svg
for size in 16 22 32 48 64 128 256 512; do
    out=hicolor/${size}x${size}/apps/io.github.peephole.Peephole.png
    mkdir -p "$(dirname "$out")"
    if command -v rsvg-convert >/dev/null 2>&1; then
        rsvg-convert --width "$size" --height "$size" --output "$out" "$svg"
    elif command -v convert-im6.q16 >/dev/null 2>&1; then
        convert-im6.q16 -background none -density 384 "$svg" -resize "${size}x${size}" \
            -strip "PNG32:$out"
    else
        echo "render-pngs.sh: install librsvg2-bin (rsvg-convert) or imagemagick" >&2
        exit 1
    fi
    echo "wrote $out"
done
