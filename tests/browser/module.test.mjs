// The wasm module (build-wasm/web) in headless Chromium: served under a sub-path, loaded with no
// options under a strict CSP (no 'unsafe-eval'), with locateFile, and in a module worker.
// TIERSCOPE_WASM_DIR overrides the module folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch, ROOT, N_PROFILES } from './lib.mjs';

const WASM_DIR = resolve(process.env.TIERSCOPE_WASM_DIR || join(ROOT, 'build-wasm', 'web'));
const SUB = '/static/vendor/tierscope@0.1.0/dist'; // the module's sub-path
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

let root;
let server;
let browser;

before(async () => {
  for (const f of ['tierscope.mjs', 'tierscope.wasm']) {
    assert.ok(existsSync(join(WASM_DIR, f)), `${join(WASM_DIR, f)} is missing: build it first (scripts/build.sh)`);
  }
  root = mkdtempSync(join(tmpdir(), 'tierscope-module-'));
  const dist = join(root, ...SUB.split('/').filter(Boolean));
  mkdirSync(dist, { recursive: true });
  for (const f of ['tierscope.mjs', 'tierscope.wasm']) cpSync(join(WASM_DIR, f), join(dist, f));
  // A copy without its .wasm, for locateFile: the .wasm lives elsewhere under another name.
  mkdirSync(join(root, 'nowasm'), { recursive: true });
  cpSync(join(WASM_DIR, 'tierscope.mjs'), join(root, 'nowasm', 'tierscope.mjs'));
  mkdirSync(join(root, 'assets', 'bin'), { recursive: true });
  cpSync(join(WASM_DIR, 'tierscope.wasm'), join(root, 'assets', 'bin', 'renamed.wasm'));
  mkdirSync(join(root, 'app', 'deeper'), { recursive: true });
  writeFileSync(join(root, 'app', 'deeper', 'page.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}"><title>module test</title></head><body></body></html>\n`);
  writeFileSync(join(root, 'app', 'worker.mjs'),
    `import { createTierscope } from '${SUB}/tierscope.mjs';
const ts = await createTierscope();
self.onmessage = (e) => {
  try { postMessage({ ok: true, statuses: ts.check(e.data).profiles.map((p) => p.status) }); }
  catch (err) { postMessage({ ok: false, message: err.message, code: err.code }); }
};
postMessage({ ready: ts.version });\n`);
  server = await serve(root);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function openPage() {
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`); });
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.origin}/app/deeper/page.html`);
  return { page, errors, requests };
}

test('loads from a sub-path with no options, under a CSP without unsafe-eval', async () => {
  const { page, errors, requests } = await openPage();
  const result = await page.evaluate(async (src) => {
    const { createTierscope } = await import(src);
    const ts = await createTierscope();
    const contacts = ts.check('crm.objects.contacts.read');
    const automation = ts.check({ required: ['oauth', 'automation'] });
    let error = null;
    try { ts.check('{"scopes": ['); } catch (e) { error = { isError: e instanceof Error, message: e.message, code: e.code }; }
    const after = ts.check('oauth').profiles.length;
    return {
      version: ts.version,
      catalog: ts.catalog,
      contacts: contacts.profiles.map((p) => p.status),
      freeAutomation: automation.profiles[0],
      error,
      after,
      markdown: typeof ts.markdown(automation),
      scopes: ts.scopes('contacts').length > 0,
      parse: ts.parse('https://app.hubspot.com/oauth/authorize?scope=oauth').format,
      json: ts.checkJson('oauth') === JSON.stringify(ts.check('oauth'), null, 2),
    };
  }, `${SUB}/tierscope.mjs`);
  assert.equal(result.version, '0.1.0');
  assert.equal(result.catalog.scopes > 0, true);
  assert.deepEqual(result.contacts, Array(N_PROFILES).fill('installs'));
  assert.equal(result.freeAutomation.id, 'free');
  assert.equal(result.freeAutomation.status, 'permission-error');
  assert.deepEqual(result.freeAutomation.missing, ['automation']);
  assert.ok(result.error && result.error.isError && result.error.code === 'parse-error' && result.error.message.length > 0, JSON.stringify(result.error));
  assert.equal(result.after, N_PROFILES);
  assert.equal(result.markdown, 'string');
  assert.equal(result.scopes, true);
  assert.equal(result.parse, 'install-url');
  assert.equal(result.json, true);
  assert.ok(requests.includes(`${SUB}/tierscope.wasm`), `the .wasm was fetched beside the .mjs: ${requests.join(', ')}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(browser.blocked, []);
  await page.close();
});

test('locateFile points at a .wasm elsewhere', async () => {
  const { page, errors, requests } = await openPage();
  const result = await page.evaluate(async () => {
    const { createTierscope } = await import('/nowasm/tierscope.mjs');
    const seen = [];
    const ts = await createTierscope({ locateFile: (name, base) => { seen.push([name, base]); return '/assets/bin/renamed.wasm'; } });
    return { seen, statuses: ts.check('oauth automation').profiles.map((p) => p.status) };
  });
  assert.deepEqual(result.seen, [['tierscope.wasm', `${server.origin}/nowasm/`]]);
  assert.equal(result.statuses[0], 'permission-error');
  assert.ok(requests.includes('/assets/bin/renamed.wasm'));
  assert.ok(!requests.includes('/nowasm/tierscope.wasm'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a missing .wasm rejects createTierscope() with a readable error', async () => {
  const { page } = await openPage();
  const message = await page.evaluate(async () => {
    const { createTierscope } = await import('/nowasm/tierscope.mjs');
    try { await createTierscope(); return 'resolved'; } catch (e) { return String(e && e.message); }
  });
  assert.match(message, /tierscope\.wasm.*404|404.*tierscope\.wasm/);
  await page.close();
});

test('works in a module worker', async () => {
  const { page, errors } = await openPage();
  const result = await page.evaluate(() => new Promise((resolveResult, reject) => {
    const worker = new Worker('/app/worker.mjs', { type: 'module' });
    const got = [];
    worker.onerror = (e) => reject(new Error(e.message));
    worker.onmessage = (e) => {
      got.push(e.data);
      if (e.data.ready) { worker.postMessage('crm.objects.contacts.read'); worker.postMessage('{"scopes": ['); }
      if (got.length === 3) { worker.terminate(); resolveResult(got); }
    };
  }));
  assert.equal(result[0].ready, '0.1.0');
  assert.deepEqual(result[1], { ok: true, statuses: Array(N_PROFILES).fill('installs') });
  assert.equal(result[2].ok, false);
  assert.equal(result[2].code, 'parse-error');
  assert.deepEqual(errors, []);
  await page.close();
});
