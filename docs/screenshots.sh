#!/usr/bin/env bash
# Retakes every screenshot in docs/ from the sample portfolio, and records
# the files they show in docs/screenshots.sha256: the tests fail when one of
# those files changes and its screenshot was not retaken.
#
# Needs Chromium and poppler's pdftoppm (the CI installs both).
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --release --quiet -- build sample-data --output "$out/site"
site="$out/site"

# shot PAGE WIDTH HEIGHT FILE: the first screen of PAGE at WIDTH x HEIGHT.
shot() {
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size="$2,$3" --screenshot="docs/$4" "file://$site/$1" >/dev/null 2>&1
}

shot kestrel-coffee/index.html 1280 800 screenshot-overview.png
shot kestrel-coffee/index.html 390 844 screenshot-overview-phone.png
shot kestrel-coffee/reports/2026-10/index.html 1280 800 screenshot-monthly.png
# The PDF's first page.
pdftoppm -r 60 -f 1 -l 1 -png -singlefile \
  "$site/kestrel-coffee/reports/2026-10/report.pdf" docs/screenshot-pdf

(
  cd "$site"
  sha256sum kestrel-coffee/index.html kestrel-coffee/style.css \
    kestrel-coffee/reports/2026-10/index.html kestrel-coffee/reports/2026-10/report.pdf
) >docs/screenshots.sha256
echo "retook the screenshots in docs/"
