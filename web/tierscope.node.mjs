// The package's node entry (exports "node" condition): tierscope.mjs, with files read by node:fs
// (node's fetch cannot read file: URLs). Browsers and bundlers get tierscope.mjs, which imports no
// node module.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createTierscope as createTierscopeModule } from './tierscope.mjs';

function readLocal(where) {
  return readFile(String(where).startsWith('file:') ? fileURLToPath(where) : where);
}

export function createTierscope(options) {
  return createTierscopeModule({ readFile: readLocal, ...(options == null ? {} : options) });
}
