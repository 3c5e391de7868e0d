#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (address and undefined-behaviour
# sanitizers) and runs each for SECONDS seconds (default 60) on its seed
# corpus: ChallengeParser (WWW-Authenticate) and ResponseParser (HTTP/1.1
# responses, fed whole, in two pieces and byte by byte, which must agree) and
# SseParser (text/event-stream, the same three ways).
# Usage: tests/fuzz/run-fuzz.sh [SECONDS] [challenge|response|sse]
# Crashes land in $PEEPHOLE_FUZZ_DIR (default build-fuzz/) as crash-*.
set -euo pipefail

seconds=${1:-60}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${PEEPHOLE_FUZZ_DIR:-$root/build-fuzz}
mkdir -p "$out/corpus"

if ! command -v clang++ >/dev/null; then
    echo "run-fuzz.sh: clang++ not found; install clang (libFuzzer ships with it)." >&2
    exit 2
fi
if ! qtflags=$(pkg-config --cflags --libs Qt6Core 2>/dev/null); then
    echo "run-fuzz.sh: pkg-config cannot find Qt6Core; install qt6-base-dev." >&2
    exit 2
fi

defines="-DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_CAST_FROM_BYTEARRAY -DQT_USE_QSTRINGBUILDER \
-DQT_NO_CONTEXTLESS_CONNECT -DQT_NO_URL_CAST_FROM_STRING -DQT_NO_FOREACH -DQT_NO_KEYWORDS"

build() { # name, sources...
    local name=$1
    shift
    # shellcheck disable=SC2086
    clang++ -std=c++20 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        $defines -I"$root/core" "$@" $qtflags -o "$out/$name"
}
build fuzz_challengeparser "$here/fuzz_challengeparser.cpp" "$root/core/auth/challengeparser.cpp" \
    "$root/core/auth/challenge.cpp"
build fuzz_responseparser "$here/fuzz_responseparser.cpp" "$root/core/wire/responseparser.cpp" "$root/core/http/framing.cpp" \
    "$root/core/http/headers.cpp"
build fuzz_sseparser "$here/fuzz_sseparser.cpp" "$root/core/stream/sseparser.cpp"

# The working corpora start from the seeds and grow in $out; the seed
# directories in the source tree are never written to.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
cd "$out"
which=${2:-all}
if [[ $which == all || $which == challenge ]]; then
    "$out/fuzz_challengeparser" -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=1024 \
        -print_final_stats=1 "$out/corpus" "$here/corpus"
fi
if [[ $which == all || $which == response ]]; then
    mkdir -p "$out/corpus-response"
    "$out/fuzz_responseparser" -max_total_time="$seconds" -max_len=2048 -timeout=5 -rss_limit_mb=1024 \
        -print_final_stats=1 "$out/corpus-response" "$here/corpus-response"
fi
if [[ $which == all || $which == sse ]]; then
    mkdir -p "$out/corpus-sse"
    "$out/fuzz_sseparser" -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=1024 \
        -print_final_stats=1 "$out/corpus-sse" "$here/corpus-sse"
fi
