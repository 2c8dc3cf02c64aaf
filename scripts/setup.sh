#!/usr/bin/env bash
# Installs what norma needs on this machine (Chromium, fonts, poppler) and the npm dependencies.
# Safe to run twice: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
  || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || need+=(fonts-liberation)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)

if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${need[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}"
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    echo "setup: installing ${need[*]} with sudo apt-get"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  else
    echo "setup: please install: ${need[*]}"
    echo "  Debian/Ubuntu: apt-get install -y ${need[*]}"
    echo "  macOS: brew install --cask chromium && brew install poppler"
    echo "  or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary."
  fi
else
  echo "setup: chromium, fonts and poppler are present"
fi

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
echo "setup: done. Build the report with: npm run report"
