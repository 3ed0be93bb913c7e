#!/usr/bin/env bash
# The site in a real browser: builds it (`make site`), opens the home page, the services
# table, a service page and a board report in headless Chromium at 1280 and 375 px wide, and
# fails on any console error, any request outside the site, a page wider than the window, or
# a services table that does not sort by volume through its own controls. Screenshots go to
# screenshots/ (ignored by git). Installs Debian's chromium when it is missing.
# Run alone: scripts/browser-check.sh   (CI runs it after `make check`)
set -euo pipefail
cd "$(dirname "$0")/.."

browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
  for name in chromium chromium-browser google-chrome; do
    if command -v "$name" > /dev/null 2>&1; then browser="$(command -v "$name")"; break; fi
  done
fi
if [ -z "$browser" ]; then
  echo "== chromium is missing: installing it with apt-get"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium > /dev/null
  browser="$(command -v chromium)"
fi
echo "== browser: $("$browser" --version 2>/dev/null || echo "$browser")"

echo "== make site"
make site
rm -rf screenshots
mkdir -p screenshots
python3 scripts/browser_check.py "$browser" site screenshots
