// The size budget (issue 21, was 120 KB in issue 3): tierscope.mjs + tierscope.wasm ≤ 150 KB gzip -9
// (zlib level 9; 153,600 bytes), catalog inside.
// Sizes are deterministic for a given build, so this is a real gate (timings live in bench/ only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, WASM_DIR } from './helpers.mjs';

test('js + wasm stay within 150 KB gzip -9', () => {
  const gz = (name) => gzipSync(readFileSync(join(WASM_DIR, name)), { level: 9 }).length;
  const total = gz('tierscope.mjs') + gz('tierscope.wasm');
  assert.ok(total <= 150 * 1024, `js + wasm is ${(total / 1024).toFixed(1)} KB gzip, over the 150 KB budget`);
});

test('the catalog is inside the wasm (no file needed at run time)', () => {
  const wasm = readFileSync(join(WASM_DIR, 'tierscope.wasm')).toString('latin1');
  const asOf = JSON.parse(readFileSync(join(ROOT, 'data', 'hubspot-scopes.json'), 'utf8')).as_of;
  assert.ok(wasm.includes(asOf), 'the embedded catalog carries its as_of date');
  assert.ok(wasm.includes('crm.objects.contacts.read'));
});
