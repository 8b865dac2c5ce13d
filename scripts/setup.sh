#!/usr/bin/env bash
# Installs what tierscope needs on Debian 12 and is missing: compilers, emscripten, nlohmann/json,
# doctest, CLI11, chromium, fonts, and the npm dev packages (playwright-core, axe-core, esbuild). Repeat runs take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg -s "$1" >/dev/null 2>&1; }
have_cmd g++ || need+=(build-essential)
have_cmd cmake || need+=(cmake)
have_cmd ninja || need+=(ninja-build)
have_cmd python3 || need+=(python3)
have_cmd em++ || need+=(emscripten)
have_pkg nlohmann-json3-dev || need+=(nlohmann-json3-dev)
have_pkg doctest-dev || need+=(doctest-dev)
have_pkg libcli11-dev || need+=(libcli11-dev)
have_cmd chromium || need+=(chromium)
have_pkg fonts-liberation || need+=(fonts-liberation)
have_pkg ca-certificates || need+=(ca-certificates)
have_cmd node || need+=(nodejs)
have_cmd npm || need+=(npm)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/esbuild ] || [ ! -d node_modules/vite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
echo "setup: ok"
