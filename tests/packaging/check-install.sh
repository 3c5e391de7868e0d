#!/bin/sh
# Installs the build tree into a scratch root (DESTDIR) with prefix /usr and
# checks that everything a desktop and a packager look for is in place.
#   check-install.sh BINARY_DIR GUI(ON|OFF) [BINARY...]
# BINARY... are the executables that must be installed to usr/bin.
set -u
build=$1
gui=$2
shift 2
id=io.github.peephole.Peephole

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
if ! DESTDIR=$root cmake --install "$build" --prefix /usr >"$root.log" 2>&1; then
    cat "$root.log" >&2
    rm -f "$root.log"
    echo "FAIL: cmake --install failed (is the build up to date? run the build first)" >&2
    exit 1
fi
rm -f "$root.log"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
have() { [ -f "$root/usr/$1" ] || fail "not installed: /usr/$1"; }

# PNG width and height live in the IHDR chunk at bytes 16..23 (big endian).
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $3*256+$4, $7*256+$8 }'
}

for bin in "$@"; do
    have "bin/$bin"
    [ -x "$root/usr/bin/$bin" ] || fail "/usr/bin/$bin is not executable"
done

have share/man/man1/peephole-cli.1.gz
have share/bash-completion/completions/peephole-cli
have share/doc/peephole/copyright
have share/doc/peephole/changelog.Debian.gz
have share/doc/peephole/changelog.gz
if [ "$gui" = ON ]; then
    have share/applications/$id.desktop
    have share/metainfo/$id.metainfo.xml
    have share/man/man1/peephole.1.gz
    have share/icons/hicolor/scalable/apps/$id.svg
    for size in 16 22 32 48 64 128 256 512; do
        png=share/icons/hicolor/${size}x${size}/apps/$id.png
        have "$png"
        if [ -f "$root/usr/$png" ]; then
            got=$(png_size "$root/usr/$png")
            [ "$got" = "${size}x${size}" ] || fail "/usr/$png is $got, not ${size}x${size}"
        fi
    done
    # The desktop entry must launch an installed binary when the GUI is built.
    exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$root/usr/share/applications/$id.desktop")
    for bin in "$@"; do
        [ "$bin" = "$exec_bin" ] && exec_ok=1
    done
    if [ $# -gt 0 ] && [ -z "${exec_ok:-}" ]; then
        fail "the desktop entry runs '$exec_bin', which is not among the installed binaries ($*)"
    fi
fi

for page in "$root"/usr/share/man/man1/*.gz "$root"/usr/share/doc/peephole/*.gz; do
    [ -f "$page" ] || continue
    gzip -t "$page" 2>/dev/null || fail "${page#"$root"} is not a valid gzip file"
    case $page in
        */man1/*) gzip -dc "$page" | head -n 5 | grep -q '^\.TH ' || fail "${page#"$root"} is not a man page" ;;
    esac
done

# Nothing may be installed outside the prefix.
outside=$(cd "$root" && find . -mindepth 1 -maxdepth 1 ! -name usr)
[ -z "$outside" ] || fail "files installed outside /usr: $outside"

if [ "$failures" -ne 0 ]; then
    echo "$failures install check(s) failed" >&2
    exit 1
fi
echo "install layout is complete ($(cd "$root" && find . -type f | wc -l) files)"
