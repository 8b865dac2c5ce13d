// Shared by the node tests: where the built wasm module and the native CLI are.
// Overrides: TIERSCOPE_WASM_DIR (folder with tierscope.mjs + .wasm), TIERSCOPE_CLI (native binary).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WASM_DIR = resolve(process.env.TIERSCOPE_WASM_DIR || join(ROOT, 'build-wasm', 'web'));
export const WASM_MJS = join(WASM_DIR, 'tierscope.mjs');
export const CLI = resolve(process.env.TIERSCOPE_CLI || join(ROOT, 'build', 'cli', 'tierscope'));

/** Imports tierscope.mjs (fails with a readable message when it is not built). */
export async function importModule() {
  if (!existsSync(WASM_MJS)) {
    throw new Error(`${WASM_MJS} is missing: build it with emcmake cmake -S . -B build-wasm -G Ninja && cmake --build build-wasm`);
  }
  return import(pathToFileURL(WASM_MJS).href);
}

let shared;
/** One module instance shared by the tests of a file. */
export function tierscope() {
  shared ||= importModule().then((m) => m.createTierscope());
  return shared;
}

/**
 * The 21 standard profile ids, in report order: free, then the 7 hubs (Smart CRM included) at each paid
 * tier HubSpot sells of them (Revenue Hub, formerly Commerce Hub: no Starter; issue 24 item 10).
 */
export const PROFILE_IDS = ['free', ...['marketing', 'sales', 'service', 'content', 'data', 'commerce', 'smart_crm']
  .flatMap((hub) => ['starter', 'professional', 'enterprise'].filter((tier) => !(hub === 'commerce' && tier === 'starter'))
    .map((tier) => `${hub}-${tier}`))];

/** Calls fn, which must throw; returns the thrown value. */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}
