// Browser tests of <tierscope-preview> as a component: the engine property and static hook, ::part,
// logical CSS (dir="rtl"), the dark scheme, the polite live summary, overridable strings and the
// custom-elements.json manifest against the real element. Served from a copy of the built site
// (build/site) with a second copy of the engine under /engine/, so a test can tell which engine loaded.
// (Attributes, events and the iframe embed: embed.test.mjs; bundlers: bundlers.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, SITE_DIR } from './lib.mjs';

let browser;
let server;
let dir;

const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>element</title></head><body></body></html>\n';

before(async () => {
  for (const f of ['tierscope.mjs', 'tierscope.wasm', 'element/tierscope-preview.js']) {
    assert.ok(existsSync(join(SITE_DIR, f)), `${join(SITE_DIR, f)} is missing: build the site first (scripts/build.sh)`);
  }
  dir = mkdtempSync(join(tmpdir(), 'tierscope-element-'));
  cpSync(SITE_DIR, dir, { recursive: true });
  mkdirSync(join(dir, 'engine'));
  for (const f of ['tierscope.mjs', 'tierscope.wasm']) cpSync(join(SITE_DIR, f), join(dir, 'engine', f));
  writeFileSync(join(dir, 'blank.html'), BLANK);
  // Elements in the markup, then one module that imports the element and sets the static engine.
  writeFileSync(join(dir, 'static-engine.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static engine</title></head><body>
<tierscope-preview id="a" required="automation"></tierscope-preview>
<tierscope-preview id="b" required="crm.objects.contacts.read" profiles="free"></tierscope-preview>
<script type="module" src="static-engine.js"></script></body></html>\n`);
  writeFileSync(join(dir, 'static-engine.js'), `import { TierscopePreview } from './element/tierscope-preview.js';
import { createTierscope } from './engine/tierscope.mjs';
TierscopePreview.engine = createTierscope();
`);
  server = await serve(dir);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page of the copy that records errors and every request path. */
async function open(path = 'blank.html', { colorScheme = 'light' } = {}) {
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.emulateMedia({ colorScheme });
  await page.goto(`${server.origin}/${path}`);
  return { page, errors, requests };
}

test('engine property: an instance the page created is used, and the element never imports its own', async () => {
  const { page, errors, requests } = await open();
  const res = await page.evaluate(async () => {
    await import('/element/tierscope-preview.js');
    const { createTierscope } = await import('/engine/tierscope.mjs');
    const real = await createTierscope();
    const calls = [];
    const el = document.createElement('tierscope-preview');
    el.engine = { check: (input, options) => { calls.push(input); return real.check(input, options); } };
    el.required = 'automation';
    document.body.append(el);
    await el.updateComplete;
    const rows = [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => `${tr.dataset.profile}:${tr.dataset.status}`);
    el.optional = 'content';
    await el.updateComplete;
    return { rows, calls, optional: el.report.request.optional, sameEngine: typeof el.engine.check === 'function' };
  });
  assert.equal(res.rows.length, 22);
  assert.equal(res.rows[0], 'free:permission-error');
  assert.ok(res.rows.includes('marketing-professional:installs'));
  assert.deepEqual(res.calls, [{ required: ['automation'] }, { required: ['automation'], optional: ['content'] }]);
  assert.deepEqual(res.optional, ['content']);
  assert.ok(requests.includes('/engine/tierscope.wasm'), 'the page\'s own engine loaded');
  assert.ok(!requests.includes('/tierscope.mjs') && !requests.includes('/tierscope.wasm'), `the element imported no engine: ${requests.join(' ')}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('engine property: a promise of an instance works; something that is not an engine is a readable error', async () => {
  const { page, errors, requests } = await open();
  const res = await page.evaluate(async () => {
    await import('/element/tierscope-preview.js');
    const { createTierscope } = await import('/engine/tierscope.mjs');
    const el = document.createElement('tierscope-preview');
    el.engine = createTierscope();
    el.required = 'oauth';
    document.body.append(el);
    await el.updateComplete;
    const first = el.report && el.report.coverage.profiles;
    let event = null;
    el.addEventListener('tierscope-error', (e) => { event = e.detail; });
    el.engine = { version: 'not an engine' };
    await el.updateComplete;
    return { first, error: el.error, event, alert: el.shadowRoot.querySelector('[role="alert"]').textContent };
  });
  assert.deepEqual(res.first, { installs: 22, uncertain: 0, total: 22 });
  assert.equal(res.error.code, 'bad-engine');
  assert.deepEqual(res.event, res.error);
  assert.match(res.alert, /not a tierscope instance/);
  assert.ok(!requests.includes('/tierscope.mjs'), 'no import of the element\'s own engine');
  assert.deepEqual(errors, []);
  await page.close();
});

test('TierscopePreview.engine: set right after the import, elements already in the markup (upgraded late) use it', async () => {
  const { page, errors, requests } = await open('static-engine.html');
  const res = await page.evaluate(async () => {
    const els = [...document.querySelectorAll('tierscope-preview')];
    await Promise.all(els.map((el) => el.updateComplete));
    return els.map((el) => [el.id, el.shadowRoot.querySelectorAll('tbody tr').length, el.report.profiles[0].status]);
  });
  assert.deepEqual(res, [['a', 22, 'permission-error'], ['b', 1, 'installs']]);
  assert.ok(requests.includes('/engine/tierscope.mjs'));
  assert.ok(!requests.includes('/tierscope.mjs'), `the elements imported no engine of their own: ${requests.join(' ')}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without an engine the element imports ../tierscope.mjs relative to itself (the site layout)', async () => {
  const { page, errors, requests } = await open();
  const status = await page.evaluate(async () => {
    await import('/element/tierscope-preview.js');
    const el = document.createElement('tierscope-preview');
    el.required = 'automation';
    document.body.append(el);
    await el.updateComplete;
    return el.report.profiles[0].status;
  });
  assert.equal(status, 'permission-error');
  assert.ok(requests.includes('/tierscope.mjs') && requests.includes('/tierscope.wasm'));
  assert.ok(!requests.includes('/engine/tierscope.mjs'));
  assert.deepEqual(errors, []);
  await page.close();
});
