#!/usr/bin/env bash
# The PDF of the large case (300 notes, 80 options), whole process, side by side: SWAN
# Casus's own PDF export against LibreOffice converting the same case's DOCX export to
# PDF. The issue's target: the PDF export at least 5 times as fast. See BENCHMARKS.md.
#
#   scripts/pdf_vs_soffice.sh [RUNS]        (default 7 runs; medians are printed)
#
# Needs LibreOffice (soffice) and /usr/bin/time (Debian: libreoffice-writer-nogui time).
# LibreOffice runs with a fresh profile made once beforehand (its first start writes the
# profile, which no later conversion pays for), so both sides are measured warm on disk.
set -euo pipefail

runs=${1:-7}
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --bin swan-casus --example sample_case
app=$target/release/swan-casus

soffice=$(command -v soffice || command -v libreoffice || true)
for tool in "$soffice" /usr/bin/time python3; do
  [[ -n "$tool" ]] && command -v "$tool" >/dev/null || { echo "pdf_vs_soffice.sh: needs soffice, /usr/bin/time and python3" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$target/release/examples/sample_case" "$tmp/groot.swan.ron" >/dev/null
"$app" export "$tmp/groot.swan.ron" --format docx --output "$tmp/groot.docx" >/dev/null
profile="file://$tmp/lo-profile"
office() {
  HOME="$tmp" "$soffice" --headless -env:UserInstallation="$profile" \
    --convert-to pdf --outdir "$tmp/lo" "$tmp/groot.docx" >/dev/null 2>&1
}
office   # creates the profile

# One run of a command: wall seconds, CPU seconds (user + system), peak memory in MB.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>&1
  read -r wall user sys kb <"$tmp/time"
  python3 -c "print($wall, $user + $sys, $kb / 1024)"
}

: >"$tmp/swan"; : >"$tmp/office"
for _ in $(seq "$runs"); do
  measure "$app" export "$tmp/groot.swan.ron" --format pdf --output "$tmp/groot.pdf" >>"$tmp/swan"
  measure env HOME="$tmp" "$soffice" --headless -env:UserInstallation="$profile" \
    --convert-to pdf --outdir "$tmp/lo" "$tmp/groot.docx" >>"$tmp/office"
done

python3 - "$tmp/swan" "$tmp/office" "$(pdfinfo "$tmp/groot.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" \
  "$(pdfinfo "$tmp/lo/groot.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" <<'PY'
import statistics, sys
def load(path):
    rows = [list(map(float, line.split())) for line in open(path) if line.strip()]
    return [statistics.median(column) for column in zip(*rows)]
swan, office = load(sys.argv[1]), load(sys.argv[2])
print(f"{'':34} {'wall':>8} {'CPU':>8} {'peak memory':>12}  pages")
print(f"{'swan-casus export --format pdf':34} {swan[0]:7.2f}s {swan[1]:7.2f}s {swan[2]:9.0f} MB  {sys.argv[3]}")
print(f"{'soffice --convert-to pdf (DOCX)':34} {office[0]:7.2f}s {office[1]:7.2f}s {office[2]:9.0f} MB  {sys.argv[4]}")
print(f"PDF export is {office[0] / swan[0]:.1f}x as fast (wall), {office[1] / swan[1]:.1f}x (CPU)")
PY
