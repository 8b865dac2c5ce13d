#!/usr/bin/env node
// The package's postinstall (the pattern of esbuild's install.js): where the package carries a native
// CLI for this platform (tierscope-linux-x64: the native CLI statically linked, built by
// scripts/build-native-bin.sh) and it runs here (`--version` answers this package's version), it
// takes the place of the bin. A run is then ~11 ms of CPU instead of the ~260 ms of node plus the wasm CLI
// (BENCHMARKS.md). Anywhere else, or with `npm install --ignore-scripts`, or TIERSCOPE_WASM_CLI=1 in
// the environment, the bin stays the wasm CLI in node: the same commands and outputs. Never fails the
// install: it says what it did on one line of stderr only when it keeps the wasm CLI for a reason
// worth knowing (a native CLI that is there but does not run).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

function install() {
  if (process.env.TIERSCOPE_WASM_CLI) return null;
  const native = path.join(__dirname, `tierscope-${process.platform}-${process.arch}`);
  if (!fs.existsSync(native)) return null;  // no native CLI for this platform: the wasm CLI
  const version = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8')).version;
  let answer = '';
  try {
    fs.chmodSync(native, 0o755);
    answer = execFileSync(native, ['--version'], { encoding: 'utf8', timeout: 10000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    return `the native CLI does not run here (${String(e.message).split('\n')[0]}); using the wasm CLI`;
  }
  if (!answer.startsWith(`tierscope ${version} `)) return `the native CLI answered ${JSON.stringify(answer.trim())}; using the wasm CLI`;
  // Replace the bin's file itself (npm's .bin link points at it), through a rename so that no run
  // ever sees half a file.
  const bin = path.join(__dirname, 'tierscope-bin.cjs');
  const tmp = `${bin}.${process.pid}.tmp`;
  fs.copyFileSync(native, tmp);
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, bin);
  return null;
}

try {
  const note = install();
  if (note) process.stderr.write(`tierscope: ${note}\n`);
} catch (e) {
  process.stderr.write(`tierscope: kept the wasm CLI (${String(e && e.message).split('\n')[0]})\n`);
}
