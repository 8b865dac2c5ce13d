// The npm package in real bundlers, with no tierscope-specific options: a tiny app is built with
// Vite (build and dev server), webpack 5, Rollup and esbuild, then loaded in headless Chromium; plus a
// module worker (Vite) and a classic worker (webpack). Each bundler also builds a page with the
// <tierscope-preview> element (`import 'tierscope/element'`, written in the HTML before the script runs),
// which must find its engine in the package with no configuration and render real rows. The package is a copy of build-wasm/web in the
// app's node_modules, as `npm install` leaves it. The apps are built one after another in this file.
import test from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, serve, launch } from './lib.mjs';

const require = createRequire(join(ROOT, 'package.json'));
const PKG = join(ROOT, 'build-wasm', 'web');
const tmp = mkdtempSync(join(tmpdir(), 'tierscope-bundlers-'));
let browser;
test.before(async () => { browser = await launch(); });
test.after(async () => { await browser?.close(); rmSync(tmp, { recursive: true, force: true }); });

// The app: one check, its answer in the page title (or a readable failure).
const APP = (spec) => `import { createTierscope } from '${spec}';
createTierscope().then((ts) => {
  const r = ts.check('oauth automation');
  document.title = 'tierscope ' + ts.version + ' ' + r.profiles.find((p) => p.id === 'marketing-professional').status;
}, (e) => { document.title = 'failed: ' + e.message; });
`;
const WORKER = (spec) => `import { createTierscope } from '${spec}';
createTierscope().then((ts) => postMessage(ts.check('oauth automation').profiles[0].status), (e) => postMessage('failed: ' + e.message));
`;
const WORKER_APP = (type) => `const w = new Worker(new URL('./worker.js', import.meta.url)${type ? `, { type: '${type}' }` : ''});
w.onmessage = (e) => { document.title = 'worker ' + e.data; };
w.onerror = (e) => { document.title = 'worker error: ' + e.message; };
`;
// The element page: the element is in the markup before its module runs (upgraded late); the title
// gets its rows once it has rendered.
const ELEMENT_APP = `import 'tierscope/element';
const el = document.getElementById('p');
el.updateComplete.then(() => {
  const rows = [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => tr.dataset.profile + ':' + tr.dataset.status);
  document.title = el.report ? 'element ' + rows.join(' ') : 'failed: ' + (el.error && el.error.message);
});
`;
const ELEMENT_HTML = (script, module = true) => `<!doctype html><html><head><title>loading</title></head><body>
<tierscope-preview id="p" required="oauth automation" profiles="free marketing-professional"></tierscope-preview>
<script ${module ? 'type="module" ' : ''}src="${script}"></script></body></html>`;
const ELEMENT_OK = 'element free:permission-error marketing-professional:installs';
const HTML = (script, module = true) =>
  `<!doctype html><html><head><title>loading</title></head><body><script ${module ? 'type="module" ' : ''}src="${script}"></script></body></html>`;

function app(name, files) {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  const to = join(dir, 'node_modules', 'tierscope');
  mkdirSync(to);
  for (const f of [...pkg.files, 'package.json']) cpSync(join(PKG, f), join(to, f), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name": "app", "private": true, "type": "module"}');
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

async function titleOf(url, expected) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.waitForFunction((t) => document.title.startsWith(t) || /fail|error/.test(document.title), expected, { timeout: 30000 })
      .catch(() => {});
    return (await page.title()) + (errors.length ? ' | page errors: ' + errors.join('; ') : '');
  } finally {
    await page.close();
  }
}

async function served(dir, path, expected) {
  const server = await serve(dir);
  try {
    return await titleOf(`${server.origin}/${path}`, expected);
  } finally {
    server.close();
  }
}

const OK = 'tierscope 0.1.0 installs';

test('esbuild, no flags: tierscope/inline (the .wasm inside) bundles and runs', async () => {
  const esbuild = require('esbuild');
  const dir = app('esbuild', { 'main.js': APP('tierscope/inline'), 'index.html': HTML('out.js', false) });
  const result = await esbuild.build({ entryPoints: [join(dir, 'main.js')], bundle: true, outfile: join(dir, 'out.js'), logLevel: 'silent' });
  assert.deepEqual(result.errors, []);
  assert.equal(await served(dir, 'index.html', 'tierscope'), OK);
});

test('esbuild, no flags: the main entry and tierscope/element bundle (no node: imports) and run with the .wasm copied beside the bundle', async () => {
  const esbuild = require('esbuild');
  const dir = app('esbuild-main', { 'main.js': APP('tierscope'), 'index.html': HTML('dist/main.js'),
    'element.js': ELEMENT_APP, 'element.html': ELEMENT_HTML('dist/element.js') });
  const result = await esbuild.build({ entryPoints: [join(dir, 'main.js'), join(dir, 'element.js')], bundle: true, format: 'esm',
    outdir: join(dir, 'dist'), logLevel: 'silent' });
  assert.deepEqual(result.errors, []);
  cpSync(join(dir, 'node_modules', 'tierscope', 'tierscope.wasm'), join(dir, 'dist', 'tierscope.wasm'));  // the documented copy step
  assert.equal(await served(dir, 'index.html', 'tierscope'), OK);
  assert.equal(await served(dir, 'element.html', 'element'), ELEMENT_OK);
});

test('webpack 5, no tierscope options: the .wasm is emitted as an asset; a classic worker too', async () => {
  const webpack = require('webpack');
  const dir = app('webpack', { 'main.js': APP('tierscope'), 'worker-main.js': WORKER_APP(null), 'worker.js': WORKER('tierscope'),
    'index.html': HTML('dist/main.js', false), 'worker.html': HTML('dist/worker-main.js', false),
    'element.js': ELEMENT_APP, 'element.html': ELEMENT_HTML('dist/element.js', false) });
  const stats = await new Promise((resolve, reject) => webpack({
    mode: 'production', context: dir, entry: { main: './main.js', 'worker-main': './worker-main.js', element: './element.js' },
    output: { path: join(dir, 'dist') }, performance: { hints: false },
  }, (err, s) => (err ? reject(err) : resolve(s))));
  assert.equal(stats.hasErrors(), false, stats.toString('errors-only'));
  assert.ok(readdirSync(join(dir, 'dist')).some((f) => f.endsWith('.wasm')), 'the .wasm is emitted');
  assert.equal(await served(dir, 'index.html', 'tierscope'), OK);
  assert.equal(await served(dir, 'worker.html', 'worker'), 'worker permission-error');
  assert.equal(await served(dir, 'element.html', 'element'), ELEMENT_OK, 'the element (its side effect kept, its engine a lazy chunk)');
});

test('Rollup (node-resolve): the main entry bundles; runs with the .wasm copied beside the bundle', async () => {
  const { rollup } = require('rollup');
  const { nodeResolve } = require('@rollup/plugin-node-resolve');
  const dir = app('rollup', { 'main.js': APP('tierscope'), 'index.html': HTML('dist/main.js'),
    'element.js': ELEMENT_APP, 'element.html': ELEMENT_HTML('dist/element.js') });
  const bundle = await rollup({ input: [join(dir, 'main.js'), join(dir, 'element.js')], plugins: [nodeResolve({ browser: true })], onwarn: () => {} });
  await bundle.write({ dir: join(dir, 'dist'), format: 'es' });
  cpSync(join(dir, 'node_modules', 'tierscope', 'tierscope.wasm'), join(dir, 'dist', 'tierscope.wasm'));
  assert.equal(await served(dir, 'index.html', 'tierscope'), OK);
  assert.equal(await served(dir, 'element.html', 'element'), ELEMENT_OK);
});

test('Vite build, no tierscope options: the .wasm is emitted; a module worker too', async () => {
  const vite = await import(require.resolve('vite'));
  const dir = app('vite', { 'main.js': APP('tierscope'), 'index.html': HTML('/main.js'),
    'worker-main.js': WORKER_APP('module'), 'worker.js': WORKER('tierscope'), 'worker.html': HTML('/worker-main.js'),
    'element.js': ELEMENT_APP, 'element.html': ELEMENT_HTML('/element.js') });
  await vite.build({ root: dir, logLevel: 'silent', configFile: false,
    build: { outDir: join(dir, 'dist'), rollupOptions: { input: { main: join(dir, 'index.html'), worker: join(dir, 'worker.html'),
      element: join(dir, 'element.html') } } } });
  assert.ok(readdirSync(join(dir, 'dist', 'assets')).some((f) => f.endsWith('.wasm')), 'the .wasm is emitted');
  assert.equal(await served(join(dir, 'dist'), 'index.html', 'tierscope'), OK);
  assert.equal(await served(join(dir, 'dist'), 'worker.html', 'worker'), 'worker permission-error');
  assert.equal(await served(join(dir, 'dist'), 'element.html', 'element'), ELEMENT_OK);
});

test('Vite dev server, no tierscope options: the .wasm is served as wasm, not the HTML fallback', async () => {
  const vite = await import(require.resolve('vite'));
  const dir = app('vite-dev', { 'main.js': APP('tierscope'), 'index.html': HTML('/main.js'),
    'element.js': ELEMENT_APP, 'element.html': ELEMENT_HTML('/element.js') });
  const server = await vite.createServer({ root: dir, logLevel: 'silent', configFile: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false } });
  await server.listen();
  try {
    const { port } = server.httpServer.address();
    assert.equal(await titleOf(`http://127.0.0.1:${port}/`, 'tierscope'), OK);
    assert.equal(await titleOf(`http://127.0.0.1:${port}/element.html`, 'element'), ELEMENT_OK);
  } finally {
    await server.close();
  }
});
