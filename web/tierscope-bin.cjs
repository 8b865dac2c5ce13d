#!/usr/bin/env node
// `npx tierscope` / the package's bin: the tierscope CLI (cli/*.cpp compiled to WebAssembly, see
// web/cli.cmake) with the process's arguments, stdin, stdout, environment and exit code.
'use strict';
// A CLI run is short: V8's baseline code (Liftoff) runs it. With V8's default tiering a one-file check
// spent more CPU on recompiling hot functions with the optimizing compiler than on the check itself
// (BENCHMARKS.md, "The CLI in node"). So a usual run (a check, a URL, a config: input files under
// 1 MB) runs on Liftoff only, and compiles each function lazily, on its first call (most of the 1.9 MB
// module never runs in one command). A run that may be long (the `calls` command: HAR files; any
// input file of 1 MB or more) keeps the optimizing compiler for what stays hot far longer than a
// usual run (a tiering budget ~28x V8's default).
function longRun(args) {
  if (args.includes('calls')) return true;
  const fs = require('fs');
  for (const a of args) {
    if (a.startsWith('-')) continue;
    try {
      if (fs.statSync(a).size >= 1 << 20) return true;
    } catch (e) { /* not a file */ }
  }
  return false;
}
try {
  require('v8').setFlagsFromString(longRun(process.argv.slice(2))
    ? '--wasm-tiering-budget=50000000'
    : '--liftoff-only --wasm-lazy-compilation');
} catch (e) { /* V8's defaults */ }
require('./tierscope-cli.cjs');
