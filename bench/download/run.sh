#!/usr/bin/env bash
# Downloads a 1 GiB body from a local server with `peephole-cli send --output`
# and with `curl -o`, in the same run, and prints wall time and peak RSS of each.
#   bench/download/run.sh [BUILD_DIR] [SIZE_BYTES] [ROUNDS]
set -euo pipefail
build=${1:-build}
size=${2:-1073741824}
rounds=${3:-3}
tmp=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$build/bench/download/bench_server" > "$tmp/port" &
server=$!
for _ in $(seq 50); do grep -q port "$tmp/port" 2>/dev/null && break; sleep 0.1; done
port=$(awk '{print $2}' "$tmp/port")
url="http://127.0.0.1:$port/bytes/$size"

measure() { # name command...
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>&1
    read -r secs kb < "$tmp/time"
    printf '%-14s %7.2f s  %7.1f MB peak RSS  %7.0f MB/s\n' "$name" "$secs" "$(echo "$kb/1024" | bc -l)" \
        "$(echo "$size/1048576/$secs" | bc -l)"
    echo "$secs" >> "$tmp/$name.times"
}
echo "Downloading $size bytes from $url, $rounds rounds"
for i in $(seq "$rounds"); do
    measure curl curl -s -o "$tmp/curl.out" "$url"
    measure peephole-cli "$build/app/cli/peephole-cli" send --output "$tmp/pp.out" "$url"
    cmp -s "$tmp/curl.out" "$tmp/pp.out" || { echo "outputs differ!" >&2; exit 1; }
    rm -f "$tmp/curl.out" "$tmp/pp.out"
done
best() { sort -n "$tmp/$1.times" | head -1; }
c=$(best curl); p=$(best peephole-cli)
printf 'best of %d: curl %.2f s, peephole-cli %.2f s, ratio %.2f (target <= 1.3)\n' "$rounds" "$c" "$p" "$(echo "$p/$c" | bc -l)"
