#!/usr/bin/env bash
# Screenshot of a URL in headless Debian Chromium: scripts/shot.sh URL OUT.png [WIDTHxHEIGHT] [extra chromium flags…]
set -eu
url=$1; out=$2; size=${3:-1280,900}; shift 3 2>/dev/null || shift $#
"${CHROMIUM_PATH:-/usr/bin/chromium}" --headless=new --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$(mktemp -d)" \
  --window-size="${size/x/,}" --screenshot="$out" "$@" "$url" >/dev/null 2>&1
