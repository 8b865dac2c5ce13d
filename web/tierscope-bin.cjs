#!/usr/bin/env node
// `npx tierscope` / the package's bin: the tierscope CLI (cli/*.cpp compiled to WebAssembly, see
// web/cli.cmake) with the process's arguments, stdin, stdout, environment and exit code.
'use strict';
require('./tierscope-cli.cjs');
