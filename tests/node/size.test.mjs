// The size budgets (issue 21, was 120 KB in issue 3): tierscope.mjs + tierscope.wasm ≤ 150 KB gzip -9
// (zlib level 9; 153,600 bytes), catalog inside; a first visit of the built site < 200 KB gzip -9 in all.
// Sizes are deterministic for a given build, so this is a real gate (timings live in bench/ only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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

// The files a first visit loads (bench/browser.mjs records them from the page's requests, and
// tests/bench/smoke.test.mjs checks that set): the page, its boot script, bundle and style sheet,
// the wasm, and the worker started after the first result.
const SITE = join(ROOT, 'build', 'site');
const FIRST_VISIT = ['index.html', 'boot.js', 'app.js', 'style.css', 'tierscope.wasm', 'worker.js'];

test('a first visit stays under 200 KB gzip -9 in all', { skip: !existsSync(join(SITE, 'index.html')) && 'no built site' }, () => {
  const html = readFileSync(join(SITE, 'index.html'), 'utf8');
  for (const f of ['boot.js', 'app.js', 'style.css']) assert.ok(html.includes(`"${f}"`) || html.includes(`./${f}`), `index.html loads ${f}`);
  const sizes = FIRST_VISIT.map((f) => [f, gzipSync(readFileSync(join(SITE, f)), { level: 9 }).length]);
  const total = sizes.reduce((n, [, b]) => n + b, 0);
  assert.ok(total < 200 * 1024, `a first visit is ${total} bytes gzip (${sizes.map(([f, b]) => `${f} ${b}`).join(', ')}), over 200 KB`);
});
