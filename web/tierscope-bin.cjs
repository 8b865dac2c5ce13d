#!/usr/bin/env node
// `npx tierscope` / the package's bin: the tierscope CLI (cli/*.cpp compiled to WebAssembly, see
// web/cli.cmake) with the process's arguments, stdin, stdout, environment and exit code.
'use strict';
// A CLI run is short: V8's baseline code (Liftoff) runs it, and only a function that stays hot for
// far longer than a usual run (a large HAR file, thousands of scopes) is recompiled by the optimizing
// compiler. With V8's default budget a one-file check spent more CPU on that background
// recompilation than on the check itself (BENCHMARKS.md, "The CLI in node").
try { require('v8').setFlagsFromString('--wasm-tiering-budget=50000000'); } catch (e) { /* the default budget */ }
require('./tierscope-cli.cjs');
