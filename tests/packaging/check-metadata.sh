#!/bin/sh
# Validates the desktop entry and AppStream metainfo with the freedesktop
# tools, checks that they agree with each other and with the project version,
# and lints the man pages and the bash completion.
#   check-metadata.sh SOURCE_DIR PROJECT_VERSION
set -u
src=$1
version=$2
id=io.github.peephole.Peephole
desktop=$src/packaging/$id.desktop
metainfo=$src/packaging/$id.metainfo.xml
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "FAIL: '$1' is not installed; install the Debian package '$2' (apt-get install $2) to run this test" >&2
        exit 1
    fi
}
need desktop-file-validate desktop-file-utils
need appstreamcli appstream

# desktop-file-validate exits 0 on hints; treat any output except hints as failure
if out=$(desktop-file-validate "$desktop" 2>&1); then
    if [ -n "$out" ] && printf '%s\n' "$out" | grep -qv ': hint: '; then
        fail "desktop-file-validate warned about $desktop:
$out"
    fi
else
    fail "desktop-file-validate rejected $desktop:
$out"
fi

out=$(appstreamcli validate --no-net --explain "$metainfo" 2>&1) || fail "appstreamcli validate rejected $metainfo:
$out"

# Cross-checks a packager would otherwise find the hard way.
grep -q "^Icon=$id\$" "$desktop" || fail "$desktop: Icon= must be $id (the installed icon name)"
grep -q "<id>$id</id>" "$metainfo" || fail "$metainfo: <id> must be $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
    || fail "$metainfo: launchable must name $id.desktop"
grep -q "<release version=\"$version\"" "$metainfo" \
    || fail "$metainfo: no <release> for the project version $version (add one when bumping the version)"
for bin in peephole peephole-cli; do
    grep -q "<binary>$bin</binary>" "$metainfo" || fail "$metainfo: <provides> lacks <binary>$bin</binary>"
done
[ -f "$src/resources/icons/$id.svg" ] || fail "missing application icon resources/icons/$id.svg"
for size in 16 22 32 48 64 128 256 512; do
    png=$src/resources/icons/hicolor/${size}x${size}/apps/$id.png
    [ -f "$png" ] || fail "missing $png (run resources/icons/render-pngs.sh)"
done

# Man pages: troff must format without warnings.
if command -v groff >/dev/null 2>&1; then
    for page in "$src"/packaging/man/*.1; do
        out=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
        [ -z "$out" ] || fail "groff warns about $page:
$out"
        grep -q "^\.TH [^ ]* 1 .*Peephole $version" "$page" \
            || fail "$page: .TH should name version $version"
    done
else
    echo "note: groff not installed, man pages not linted" >&2
fi

bash -n "$src/packaging/completion/peephole-cli" || fail "bash completion has a syntax error"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "desktop entry, metainfo, man pages and completion are valid"
