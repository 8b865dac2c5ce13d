#!/usr/bin/env bash
# Installs what is missing, builds everything, then serves the page from build/site on 127.0.0.1.
# PORT=8080 by default. The page needs nothing but this static folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
port=${PORT:-8080}
echo "tierscope: http://127.0.0.1:${port}/ (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory build/site
