#!/usr/bin/env bash
# Exports the fixture case as DOCX with the app's own command line, converts it to PDF
# with LibreOffice, and checks that the plan arrives intact. LibreOffice is large, so CI
# does not install it: when it is missing, this says so and skips.
set -euo pipefail
cd "$(dirname "$0")/.."
soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -z "$soffice" ]]; then
  echo "LibreOffice not installed: skipped the real-client check of the DOCX export"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin="${CARGO_TARGET_DIR:-target}/debug/swan-casus"
"$bin" export tests/fixtures/plan.swan.ron --format docx --output "$work/plan.docx" --lang nl
HOME="$work" "$soffice" --headless -env:UserInstallation="file://$work/profile" \
  --convert-to pdf --outdir "$work" "$work/plan.docx" >/dev/null 2>&1
text=$(pdftotext "$work/plan.pdf" - | tr -s '[:space:]' ' ')
for expected in "Scootmobiel verstrekken" "welzijnsorganisatie" "Nĳmegen" "mevrouw Z." "Signalen" "teamleider Wmo"; do
  if [[ "$text" != *"$expected"* ]]; then
    echo "LibreOffice's rendering of the DOCX lacks: $expected" >&2
    exit 1
  fi
done
pages=$(pdfinfo "$work/plan.pdf" | awk '/^Pages:/ {print $2}')
echo "LibreOffice opened the DOCX export: $pages pages, plan and signals intact"
