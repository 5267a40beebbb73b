#!/usr/bin/env bash
# Renders page 1 of the example report's DOCX to docs/page-1.png, as the README shows it:
# LibreOffice (libreoffice-writer) → PDF → PNG (poppler-utils), with the 公文 font names mapped
# to fonts-noto-cjk by test/fixtures/fonts.conf. Run after a release's layout changes.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r examples/shilizhen-2024 "$tmp/report"
rm -rf "$tmp/report/dist"
node bin/lawreport.js build "$tmp/report" --format docx -o "$tmp/out" >/dev/null
FONTCONFIG_FILE="$PWD/test/fixtures/fonts.conf" soffice "-env:UserInstallation=file://$tmp/profile" \
  --headless --convert-to pdf --outdir "$tmp" "$tmp"/out/*.docx >/dev/null
pdftoppm -png -r 72 -f 1 -l 1 -singlefile "$tmp"/*.pdf docs/page-1
echo "wrote docs/page-1.png"
