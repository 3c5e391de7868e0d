#!/bin/sh
# Refreshes the translation sources (peephole_<lang>.ts) from the tr() strings
# in core/, ui/ and app/. Run it from anywhere after changing user-visible
# strings, then translate the new entries with Qt Linguist:
#   resources/translations/update.sh
#   linguist resources/translations/peephole_de.ts
# To add a language, create an empty peephole_<lang>.ts first, e.g.
#   resources/translations/update.sh fr     (creates peephole_fr.ts)
# The build (qt_add_translations in resources/CMakeLists.txt) compiles the
# .ts files to .qm and embeds them under :/i18n; `ninja update_translations`
# runs lupdate over the same folders.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    for candidate in "$(qtpaths6 --query QT_HOST_BINS 2>/dev/null)/lupdate" \
                     /usr/lib/qt6/bin/lupdate "$(command -v lupdate-qt6 || true)"; do
        if [ -x "$candidate" ]; then
            lupdate=$candidate
            break
        fi
    done
fi
if [ -z "$lupdate" ]; then
    echo "update.sh: Qt 6 lupdate not found; install qt6-l10n-tools or set LUPDATE=/path/to/lupdate" >&2
    exit 1
fi

for lang in "$@"; do
    ts="$here/peephole_$lang.ts"
    [ -e "$ts" ] || printf '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="%s">\n</TS>\n' "$lang" > "$ts"
done

cd "$root"
set -- "$here"/peephole_*.ts
if [ ! -e "$1" ]; then
    echo "update.sh: no resources/translations/peephole_*.ts to update" >&2
    exit 1
fi
dirs=""
for d in core ui app; do
    [ -d "$d" ] && dirs="$dirs $d"
done
# shellcheck disable=SC2086 # the folder list is meant to be split
"$lupdate" -extensions cpp,h,ui -locations relative $dirs -ts "$@"
