#!/usr/bin/env bash
# Builds the libFuzzer target for ChallengeParser with clang (address and
# undefined-behaviour sanitizers) and runs it for SECONDS seconds (default 60)
# on the seed corpus. Usage: tests/fuzz/run-fuzz.sh [SECONDS]
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

# shellcheck disable=SC2086
clang++ -std=c++20 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    $defines -I"$root/core" \
    "$here/fuzz_challengeparser.cpp" "$root/core/auth/challengeparser.cpp" "$root/core/auth/challenge.cpp" \
    $qtflags -o "$out/fuzz_challengeparser"

# The working corpus starts from the seeds and grows in $out/corpus; the seed
# directory in the source tree is never written to.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
cd "$out"
"$out/fuzz_challengeparser" -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=1024 \
    -print_final_stats=1 "$out/corpus" "$here/corpus"
