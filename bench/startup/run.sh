#!/usr/bin/env bash
# Start-up time of the GUI: from launch to the window shown (first paint
# handled) with the last session restored, under a real X server (Xvfb).
# The figure is the whole process lifetime including exit, so an upper bound.
#   bench/startup/run.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build}
runs=${2:-10}
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
export DISPLAY=$display HOME=$home XDG_RUNTIME_DIR=$home/run PEEPHOLE_QUIT_WHEN_PAINTED=1
mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
# A first run leaves a session to restore (window state, last request, URL history).
"$build/app/gui/peephole" >/dev/null 2>&1
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$build/app/gui/peephole" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "startup to first paint (ms), $runs runs: $(echo $sorted | tr '\n' ' ')"
echo "median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms (target < 300 ms)"
