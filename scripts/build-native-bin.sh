#!/usr/bin/env bash
# The npm package's native CLI: the native CLI statically linked (cli/CMakeLists.txt,
# tierscope_static), stripped, copied into the package folder as tierscope-<platform>-<arch> (node's
# names: linux-x64). web/install.cjs, the package's postinstall, puts it in place of the wasm bin where
# it runs. Usage: scripts/build-native-bin.sh [NATIVE_BUILD_DIR [PACKAGE_DIR]] (build, build-wasm/web).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
pkg="${2:-$root/build-wasm/web}"
[ -f "$build/CMakeCache.txt" ] || { echo "build-native-bin: configure $build first (scripts/build.sh)" >&2; exit 1; }
[ -f "$pkg/package.json" ] || { echo "build-native-bin: $pkg is not the package folder (build the wasm first)" >&2; exit 1; }
cmake --build "$build" --target tierscope_static -j2
name="tierscope-$(node -p 'process.platform + "-" + process.arch')"
strip -o "$pkg/$name" "$build/cli/tierscope-static"
chmod 755 "$pkg/$name"
"$pkg/$name" --version >/dev/null
echo "build-native-bin: $pkg/$name ($(stat -c %s "$pkg/$name") bytes)"
