#!/usr/bin/env bash
# Decompression bombs from a real local server (bench_bombserver, the libraries' own encoders)
# against `peephole-cli send`: the body to memory (standard output), to a file, and to a file with
# --max-decoded-size raised so the whole bomb is decoded. Prints exit code, wall time, peak RSS.
#   bench/bomb/run.sh [BUILD_DIR] [MiB]
set -euo pipefail
build=${1:-build}
mib=${2:-1024}
cli="$build/app/cli/peephole-cli"
tmp=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$build/bench/bomb/bench_bombserver" > "$tmp/port" &
server=$!
for _ in $(seq 50); do grep -q port "$tmp/port" 2>/dev/null && break; sleep 0.1; done
port=$(awk '{print $2}' "$tmp/port")

measure() { # label command...
    local label=$1; shift
    local rc=0
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || rc=$?
    read -r secs kb < <(tail -1 "$tmp/time")
    printf '%-34s exit %-3s %6.2f s %7.1f MB peak RSS  %s\n' "$label" "$rc" "$secs" "$(echo "$kb/1024" | bc -l)" \
        "$(grep -o 'decompression bomb\|passed [0-9]* MiB' "$tmp/err" | head -1)"
}
echo "Bombs of $mib MiB of zeros from http://127.0.0.1:$port"
for coding in gzip deflate br zstd; do
    url="http://127.0.0.1:$port/$coding/$mib"
    curl -s -o /dev/null "$url" # build it on the server first
    wire=$(curl -s "$url" | wc -c)
    echo "$coding: $wire bytes on the wire"
    measure "  $coding, body in memory" "$cli" send "$url"
    measure "  $coding, --output FILE" "$cli" send --output "$tmp/out" "$url"
    measure "  $coding, whole, --max-decoded-size" "$cli" send --max-decoded-size "$((mib + 1))M" --output "$tmp/out" "$url"
    ls -l "$tmp/out" | awk '{printf "    decoded to the file: %d bytes\n", $5}'
    rm -f "$tmp/out"
done
