#!/usr/bin/env bash
# Starts the debug binary in a real X window (Xvfb), opens the example case file, checks
# that a window appears and that the process is still running after a few seconds.
set -euo pipefail
bin="${CARGO_TARGET_DIR:-target}/debug/swan-casus"
tmp=$(mktemp -d)
display=":$((90 + RANDOM % 40))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1
DISPLAY=$display XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data \
  "$bin" assets/examples/voorbeeld-scootmobiel.swan.ron >"$tmp/app.log" 2>&1 &
app=$!
for _ in $(seq 100); do
  if DISPLAY=$display xdotool search --onlyvisible --pid "$app" >/dev/null 2>&1; then
    sleep 3
    if kill -0 "$app" 2>/dev/null; then
      echo "window is up"
      exit 0
    fi
  fi
  kill -0 "$app" 2>/dev/null || break
  sleep 0.3
done
echo "the window did not come up; app output:" >&2
cat "$tmp/app.log" >&2
exit 1
