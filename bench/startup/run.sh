#!/usr/bin/env bash
# Start-up time of the GUI against the floor, side by side in one run: launch to the first paint of
# the window (the process exits once that paint is handled, so the figure includes exit: an upper
# bound), for peephole (last session restored) and for a bare Qt 6 QMainWindow + QTableView
# (bench_startup_bare), alternating, PAIRS pairs, on the same Xvfb display and — run it under
# scripts/with-keyring — the same D-Bus session and keyring. Prints every time, both medians, the ratio.
#   scripts/with-keyring bench/startup/run.sh [BUILD_DIR] [PAIRS]
set -euo pipefail
build=${1:-build}
pairs=${2:-9}
[ "$pairs" -ge 7 ] || { echo "at least 7 pairs" >&2; exit 2; }
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
export DISPLAY=$display HOME=$home XDG_CONFIG_HOME=$home/.config XDG_RUNTIME_DIR=$home/run
export PEEPHOLE_QUIT_WHEN_PAINTED=1 QT_QPA_PLATFORM=xcb
mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
app=$build/app/gui/peephole
bare=$build/bench/startup/bench_startup_bare
# A first run of each: a session to restore (window state, last request, URL history), warm caches.
"$app" >/dev/null 2>&1
"$bare" >/dev/null 2>&1
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
a=(); b=()
for _ in $(seq "$pairs"); do
    b+=("$(ms "$bare")")
    a+=("$(ms "$app")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
echo "bare QMainWindow+QTableView (ms): ${b[*]}"
echo "peephole (ms):                    ${a[*]}"
echo "median: peephole $ma ms, bare $mb ms, ratio $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", a / b }') (target ≤ 1.50)"
