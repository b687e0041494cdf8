#!/usr/bin/env bash
# Start-up, memory and idle CPU of the app, side by side with a bare eframe window built
# with the same eframe features (examples/bare_window.rs), under Xvfb. See BENCHMARKS.md.
#
#   scripts/measure.sh [RUNS]        (default 7 runs; medians are printed)
#
# Needs Xvfb, xdotool and /usr/bin/time (Debian: xvfb xdotool time). Both programs run in
# measurement mode (SWAN_CASUS_MEASURE, src/ui/measure.rs): they note when each frame
# starts and close themselves, so "first frame" is the moment the first frame is on
# screen, measured from the start of main; "whole process" is wall time around it.
set -euo pipefail

runs=${1:-7}
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --bin swan-casus --example bare_window
app=$target/release/swan-casus
bare=$target/release/examples/bare_window

for tool in Xvfb xdotool /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "measure.sh: needs $tool" >&2; exit 2; }
done

for n in $(seq 90 140); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { disp=:$n; break; }; done
tmp=$(mktemp -d)
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${disp#:} ]] && break; sleep 0.1; done
export DISPLAY=$disp
unset WAYLAND_DISPLAY
case_file=$tmp/voorbeeld.swan.ron
cp assets/examples/voorbeeld-scootmobiel.swan.ron "$case_file"

# Fresh settings and data folders for every run: a first start, no recovery copies.
fresh() {
  rm -rf "$tmp/home"
  mkdir -p "$tmp/home"
  export XDG_DATA_HOME=$tmp/home/data XDG_CONFIG_HOME=$tmp/home/config
}

# One start to the first frame on screen: prints "first_ms whole_ms peak_kb".
start_once() {
  fresh
  local begin end
  begin=$(date +%s%N)
  SWAN_CASUS_MEASURE=0 /usr/bin/time -f 'peak_kb=%M' "$@" >/dev/null 2>"$tmp/err" || true
  end=$(date +%s%N)
  python3 - "$tmp/err" "$begin" "$end" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
frames = re.search(r"frames_ms=([0-9.,]+)", text).group(1).split(",")
peak = re.search(r"peak_kb=(\d+)", text).group(1)
print(frames[1], round((int(sys.argv[3]) - int(sys.argv[2])) / 1e6, 1), peak)
PY
}

# Ten seconds of a window (the app with the example case open, or PROGRAM ARGS), after
# `keys`: prints "cpu_percent repaints_per_second own_cpu_percent", where own CPU leaves
# out the threads of Mesa's software rasterizer (llvmpipe), which a real GPU replaces. The app closes itself after 20 s and then prints
# when each frame started; the frames inside the ten seconds are counted.
idle_once() {
  local keys=$1
  shift
  (($#)) || set -- "$app" "$case_file"
  fresh
  local spawned
  spawned=$(date +%s%N)
  SWAN_CASUS_MEASURE=20 "$@" >/dev/null 2>"$tmp/err" &
  local pid=$!
  local win=
  for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n1 || true)
    [[ -n $win ]] && break
    sleep 0.1
  done
  [[ -n $win ]] || { echo "measure.sh: no window after 10 s; is the machine busy?" >&2; exit 1; }
  xdotool windowactivate "$win" 2>/dev/null || xdotool windowfocus "$win" 2>/dev/null || true
  sleep 1
  if [[ -n $keys ]]; then xdotool key --delay 200 $keys; fi
  sleep 1.5
  local before after from to own_before own_after
  from=$(date +%s%N)
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  own_before=$(own_ticks "$pid")
  sleep 10
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  own_after=$(own_ticks "$pid")
  to=$(date +%s%N)
  wait "$pid" || true
  python3 - "$tmp/err" "$before" "$after" "$(getconf CLK_TCK)" "$spawned" "$from" "$to" \
    "$own_before" "$own_after" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
frames = [float(t) for t in re.search(r"frames_ms=([0-9.,]+)", text).group(1).split(",")]
before, after, ticks = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
spawned, start, end = (int(v) for v in sys.argv[5:8])
seconds = (end - start) / 1e9
cpu = (after - before) / ticks / seconds * 100
# Frame times count from the start of main, a little after the spawn: close enough.
low, high = (start - spawned) / 1e6, (end - spawned) / 1e6
inside = [t for t in frames if low <= t < high]
own = (int(sys.argv[9]) - int(sys.argv[8])) / ticks / seconds * 100
print(round(cpu, 1), round(len(inside) / seconds, 1), round(own, 1))
PY
}

# CPU ticks of a process's threads, without the software rasterizer's.
own_ticks() {
  local sum=0 task
  for task in /proc/"$1"/task/*; do
    [[ $(cat "$task/comm" 2>/dev/null) == llvmpipe* ]] && continue
    sum=$((sum + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

collect() { # name, command...: RUNS starts, medians of each column
  local name=$1; shift
  : >"$tmp/$name"
  for _ in $(seq "$runs"); do start_once "$@" >>"$tmp/$name"; done
}

collect bare "$bare"
collect app "$app"
collect app_case "$app" "$case_file"
: >"$tmp/idle"; : >"$tmp/focused"; : >"$tmp/bare_focused"
for _ in $(seq 3); do
  idle_once "" >>"$tmp/idle"
  # Phase 1, then Ctrl+1: the capture field of level 1 has the focus, its cursor blinks.
  idle_once "ctrl+Next ctrl+1" >>"$tmp/focused"
  # The same blinking cursor in the bare window: what drawing a frame costs here.
  idle_once "" "$bare" focused >>"$tmp/bare_focused"
done

col() { awk -v c="$2" '{print $c}' "$tmp/$1" | median; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

printf '\n%s runs, medians, %s, %s\n\n' "$runs" "$(uname -m)" "$(date -u +%Y-%m-%d)"
printf '%-44s %12s %12s %8s %s\n' "" "app" "bare" "ratio" "target"
for metric in "first frame on screen (ms)|1|1.2" "whole process, start to exit (ms)|2|" "peak memory (MB)|3|1.3"; do
  IFS='|' read -r label c target <<<"$metric"
  a=$(col app "$c") b=$(col bare "$c")
  if [[ $c == 3 ]]; then a=$(python3 -c "print(round($a/1024))"); b=$(python3 -c "print(round($b/1024))"); fi
  printf '%-44s %12s %12s %8s %s\n' "$label" "$a" "$b" "$(ratio "$a" "$b")" "${target:+≤ ${target}×}"
done
printf '%-44s %12s\n' "first frame, example case open (ms)" "$(col app_case 1)"
printf '%-44s %12s\n' "peak memory, example case open (MB)" "$(python3 -c "print(round($(col app_case 3)/1024))")"
printf '\n%-44s %12s %12s %12s\n' "10 s idle" "CPU %" "repaints/s" "own CPU %"
for run in "app, nothing focused|idle" "app, text field focused|focused" "bare window, text field focused|bare_focused"; do
  IFS='|' read -r label name <<<"$run"
  printf '%-44s %12s %12s %12s\n' "$label" "$(col "$name" 1)" "$(col "$name" 2)" "$(col "$name" 3)"
done
