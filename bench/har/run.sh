#!/usr/bin/env bash
# Converts a generated HAR of SIZE_MB megabytes (default 500) to a .http file
# with `peephole-cli convert` and prints the wall time and peak RSS next to the
# file's size. The HAR reader streams (one entry at a time), so the peak stays
# far below the file size. Then bench_har reads the same file streamed and the
# way Peephole did before (whole file, one QJsonDocument) for comparison;
# WHOLE=0 skips the latter (it needs about 10x the file size in memory).
#   bench/har/run.sh [BUILD_DIR] [SIZE_MB]
set -euo pipefail
build=${1:-build}
size=${2:-500}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/makehar.py" "$tmp/big.har" "$size" >"$tmp/entries"
bytes=$(stat -c %s "$tmp/big.har")
/usr/bin/time -f "%e %M" -o "$tmp/time" "$build/app/cli/peephole-cli" convert --from har --to http \
    "$tmp/big.har" "$tmp/out.http" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
read -r secs kb <"$tmp/time"
requests=$(grep -cE '^(GET|POST) ' "$tmp/out.http" || true)
printf 'HAR %.0f MB (%s), converted in %.1f s, peak RSS %.0f MB (%.2fx the file), %s requests written\n' \
    "$(echo "$bytes/1048576" | bc -l)" "$(tr -d '\n' <"$tmp/entries")" "$secs" "$(echo "$kb/1024" | bc -l)" \
    "$(echo "$kb*1024/$bytes" | bc -l)" "$requests"
"$build/bench/har/bench_har" stream "$tmp/big.har"
if [[ ${WHOLE:-1} != 0 ]]; then
    "$build/bench/har/bench_har" whole "$tmp/big.har"
fi
