#!/bin/sh
# Builds the .deb with CPack from the (already built) build tree into a
# scratch folder and checks its control fields and its file list.
#   check-deb.sh BINARY_DIR GUI(ON|OFF) BINARY...
set -u
build=$1
gui=$2
shift 2
id=io.github.peephole.Peephole

for tool in cpack dpkg-deb; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "FAIL: '$tool' is not installed (cpack comes with cmake, dpkg-deb with dpkg)" >&2
        exit 1
    fi
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log" >&2
    echo "FAIL: cpack could not build the .deb" >&2
    exit 1
fi
deb=$(find "$scratch" -maxdepth 1 -name '*.deb' | head -n 1)
if [ -z "$deb" ]; then
    cat "$scratch/cpack.log" >&2
    echo "FAIL: cpack ran but wrote no .deb" >&2
    exit 1
fi

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

info=$(dpkg-deb -I "$deb")
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libsecret-1-0 libqt6keychain1 libqt6core6 libqt6network6 libqt6qml6; do
    printf '%s\n' "$depends" | tr ',' '\n' | grep -q "^ *$dep\( \|$\)" \
        || fail "Depends lacks $dep: $depends"
done
if [ "$gui" = ON ]; then
    for dep in libqt6gui6 libqt6widgets6; do
        printf '%s\n' "$depends" | tr ',' '\n' | grep -q "^ *$dep\( \|$\)" \
            || fail "Depends lacks $dep: $depends"
    done
fi
[ "$(dpkg-deb -f "$deb" Section)" = net ] || fail "Section is not net"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer"
dpkg-deb -f "$deb" Recommends | grep -q 'gnome-keyring | kwalletmanager' \
    || fail "Recommends lacks 'gnome-keyring | kwalletmanager'"
[ "$(dpkg-deb -f "$deb" Package)" = peephole ] || fail "Package is not peephole"

contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
has() {
    printf '%s\n' "$contents" | grep -qx "\./usr/$1" || fail "the .deb does not contain /usr/$1"
}
for bin in "$@"; do
    has "bin/$bin"
done
has share/man/man1/peephole-cli.1.gz
has share/bash-completion/completions/peephole-cli
has share/doc/peephole/copyright
has share/doc/peephole/changelog.Debian.gz
has share/doc/peephole/changelog.gz
if [ "$gui" = ON ]; then
    has share/applications/$id.desktop
    has share/metainfo/$id.metainfo.xml
    has share/man/man1/peephole.1.gz
    has share/icons/hicolor/scalable/apps/$id.svg
    for size in 16 22 32 48 64 128 256 512; do
        has share/icons/hicolor/${size}x${size}/apps/$id.png
    done
fi

if [ "$failures" -ne 0 ]; then
    printf '%s\n' "$info" >&2
    echo "$failures .deb check(s) failed" >&2
    exit 1
fi
echo "$(basename "$deb"): Depends: $depends"
