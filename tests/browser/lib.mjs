// Shared harness for browser tests: a static server on 127.0.0.1 and Debian's headless Chromium
// through playwright-core. Every request that does not go to the test server is blocked and recorded.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, mkdirSync, readFileSync, readFile, stat } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE_DIR = process.env.TIERSCOPE_SITE_DIR || join(ROOT, 'build', 'site');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

// The built-in model's counts, from the catalog file (they follow the tiers HubSpot sells: issue 24 item 10).
const BUILTIN = JSON.parse(readFileSync(join(ROOT, 'data', 'hubspot-scopes.json'), 'utf8'));
/** The standard profiles (free, then each hub at each paid tier HubSpot sells of it). */
export const N_PROFILES = BUILTIN.profiles.length;
/** Account configurations: each hub's sold tiers multiplied, times 2 per feature. */
export const CONFIGURATIONS = BUILTIN.hubs.reduce((n, h) => n * h.tiers.length, 2 ** BUILTIN.features.length);

// The static server's types: Python's http.server's for the files the tests and the bench serve
// (the served bytes and headers are what a plain static host sends: no compression, no caching).
const TYPES = { '.html': 'text/html', '.htm': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/vnd.microsoft.icon', '.txt': 'text/plain', '.md': 'text/markdown',
  '.zip': 'application/zip', '.gz': 'application/gzip', '.xml': 'application/xml', '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json' };

/**
 * Serves dir on 127.0.0.1 at a free port; resolves to {origin, close()}. A small static server in this
 * process (it was python3 -m http.server, whose one thread answered slowly on a loaded machine and
 * inflated the navigation figures): GET and HEAD of files, a folder's index.html (a folder asked for
 * without its slash is redirected, as http.server does), 404 otherwise; every answer says
 * Cache-Control: no-cache, so a browser revalidates instead of guessing how long a file stays fresh.
 */
export function serve(dir = SITE_DIR) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const send = (status, headers, body) => { res.writeHead(status, { 'Cache-Control': 'no-cache', ...headers }); res.end(req.method === 'HEAD' ? undefined : body); };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(501, { 'Content-Type': 'text/plain' }, 'not implemented\n');
    let path;
    try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return send(400, { 'Content-Type': 'text/plain' }, 'bad request\n'); }
    let file = resolve(root, '.' + path);
    if (file !== root && !file.startsWith(root + sep)) return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
    stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!path.endsWith('/')) return send(301, { Location: path + '/' + (new URL(req.url, 'http://x').search) }, '');
        file = join(file, 'index.html');
      }
      readFile(file, (e, body) => {
        if (e) return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
        send(200, { 'Content-Type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream', 'Content-Length': body.length }, body);
      });
    });
  });
  return new Promise((ok, fail) => {
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      ok({ origin: `http://127.0.0.1:${server.address().port}`, close: () => { server.closeAllConnections(); server.close(); } });
    });
  });
}

/**
 * Headless Chromium's switches for the tests and the bench (one list for all). The last one keeps the
 * browser's own UI out of the measures: Chromium 156 builds its omnibox popups as WebUI pages, and
 * each new browser context starts a renderer of its own for them (~150 module scripts, 300–400 ms of
 * CPU in the first half second on this 2-core machine) just when a cold visit loads the page under
 * test. A headless browser never shows an omnibox, and a visitor's open window made its popup long
 * before; BENCHMARKS.md has the figures with and without.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'];

/** Launches headless Chromium; resolves to {context, newPage(), blocked: [urls], close()}. */
export async function launch() {
  const { chromium } = require('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'tierscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^http:\/\/127\.0\.0\.1(:\d+)?\//.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return {
    context,
    blocked,
    newPage: () => context.newPage(),
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Runs axe-core in the page; resolves to the violations array. */
export async function axeViolations(page, tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate((t) => globalThis.axe.run(document, { runOnly: { type: 'tag', values: t } }), tags);
  return result.violations;
}

export function artifactPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** Like axeViolations, for pages whose CSP blocks injected script tags: injects axe-core into every
 * frame through the DevTools protocol (not subject to the page's CSP), so iframes are checked too. */
export async function axeViolationsUnderCsp(page, tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']) {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const frame of page.frames()) await frame.evaluate(source);
  const result = await page.evaluate((t) => globalThis.axe.run(document, { runOnly: { type: 'tag', values: t } }), tags);
  return result.violations;
}

/**
 * Page helpers for the page's tests: open(hash, {width, height, dark}) opens base + hash and waits
 * for the page to be ready, recording page and console errors into problems; attr, waitAttr and
 * waitText read and wait for the DOM with a readable failure.
 */
export function pageHelpers(getBrowser, getBase, problems) {
  async function open(hash = '', { width = 1280, height = 900, dark = false } = {}) {
    const page = await getBrowser().newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.setViewportSize({ width, height });
    if (dark) await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(getBase() + hash);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    return page;
  }
  const attr = (page, sel, name) => page.$eval(sel, (e, n) => e.getAttribute(n), name);
  /** Waits until sel's attribute equals value; fails with the value it last had. */
  async function waitAttr(page, sel, name, value, timeout = 5000) {
    try {
      await page.waitForFunction(([s, n, v]) => document.querySelector(s)?.getAttribute(n) === v, [sel, name, value], { timeout });
    } catch {
      assert.fail(`${sel} [${name}] is ${JSON.stringify(await attr(page, sel, name).catch(() => null))}, expected ${JSON.stringify(value)}`);
    }
  }
  async function waitText(page, sel, text, timeout = 5000) {
    try {
      await page.waitForFunction(([s, t]) => (document.querySelector(s)?.textContent || '').includes(t), [sel, text], { timeout });
    } catch {
      assert.fail(`${sel} does not contain ${JSON.stringify(text)}: ${JSON.stringify(await page.textContent(sel).catch(() => null))}`);
    }
  }
  return { open, attr, waitAttr, waitText };
}
