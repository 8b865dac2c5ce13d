// XSS: more than 50 payloads (script tags, event handlers, javascript: URLs, SVG/MathML, encoded and
// attribute-breaking variants) through every input of the page (paste, fields, install URL, builder,
// catalog search, migration, diff, share fragment) and of the embeds (element attributes, embed.html
// fragment, postMessage). The page is driven like a user (typing into its fields, opening links);
// then nothing may have run (a payload sets window.__xss), no securitypolicyviolation may have been
// reported, no element may have been made from a payload, and no request may have left the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, SITE_DIR } from './lib.mjs';

const RUN = 'window.__xss=1';
const PAYLOADS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror=${RUN}>`,
  `<img src="x" onerror="${RUN}">`,
  `"><img src=x onerror=${RUN}>`,
  `'><img src=x onerror=${RUN}>`,
  `\`><img src=x onerror=${RUN}>`,
  `</textarea><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `</style><script>${RUN}</script>`,
  `<svg onload=${RUN}>`,
  `<svg/onload=${RUN}>`,
  `<svg><script>${RUN}</script></svg>`,
  `<svg><a xlink:href="javascript:${RUN}"><text x="0" y="10">x</text></a></svg>`,
  `<svg><animate onbegin=${RUN} attributeName=x dur=1s>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<iframe src="javascript:parent.__xss=1">`,
  `<iframe srcdoc="<script>parent.__xss=1</script>">`,
  `<a href="javascript:${RUN}">click</a>`,
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  `jav&#x09;ascript:${RUN}`,
  `javascript://%0A${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `<body onload=${RUN}>`,
  `<details open ontoggle=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<select autofocus onfocus=${RUN}>`,
  `<video><source onerror=${RUN}></video>`,
  `<audio src=x onerror=${RUN}>`,
  `<marquee onstart=${RUN}>`,
  `<object data="javascript:${RUN}">`,
  `<embed src="javascript:${RUN}">`,
  `<form action="javascript:${RUN}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="http://evil.example/">`,
  `<link rel=stylesheet href="http://evil.example/x.css">`,
  `<img src="http://evil.example/x.png">`,
  `<style>@import 'http://evil.example/x.css';</style>`,
  `<div style="background:url(http://evil.example/bg.png)">x</div>`,
  `<img srcset="http://evil.example/1x.png 1x">`,
  `<scr<script>ipt>${RUN}</scr</script>ipt>`,
  `<IMG SRC=JaVaScRiPt:${RUN}>`,
  `<img src=x:x onerror=&#x77;indow.__xss=1>`,
  `&lt;img src=x onerror=${RUN}&gt;`,
  `%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E`,
  `%253Cscript%253Ewindow.__xss%253D1%253C%252Fscript%253E`,
  `\\u003cimg src=x onerror=${RUN}\\u003e`,
  `\\x3cscript\\x3e${RUN}\\x3c/script\\x3e`,
  `" onmouseover="${RUN}`,
  `' onfocus='${RUN}' autofocus='`,
  `\` onmouseover=${RUN} \``,
  `<!--<img src=x onerror=${RUN}>-->`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<template><img src=x onerror=${RUN}></template>`,
  `<x contenteditable autofocus onfocus=${RUN}>x</x>`,
  '${window.__xss=1}',
  "{{constructor.constructor('window.__xss=1')()}}",
  `<a id=x tabindex=1 onfocus=${RUN} autofocus>x</a>`,
  `<xmp><img src=x onerror=${RUN}></xmp>`,
  `<table><td background="javascript:${RUN}">`,
  `<isindex action=javascript:${RUN} type=image>`,
  `\u202e<img src=x onerror=${RUN}>\u0007`,
];
const marker = (i) => `xss${String(i).padStart(2, '0')}`;

let site; let allowing; let parent; let browser;
const tmpDirs = [];
const pages = [];

before(async () => {
  assert.ok(existsSync(join(SITE_DIR, 'index.html')) && existsSync(join(SITE_DIR, 'embed.html')),
    `${SITE_DIR} must hold the built site (scripts/build.sh)`);
  const parentDir = mkdtempSync(join(tmpdir(), 'tierscope-xss-parent-'));
  tmpDirs.push(parentDir);
  writeFileSync(join(parentDir, 'blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>parent</title></head><body></body></html>\n');
  parent = await serve(parentDir);
  const allowDir = mkdtempSync(join(tmpdir(), 'tierscope-xss-allow-'));
  tmpDirs.push(allowDir);
  cpSync(SITE_DIR, allowDir, { recursive: true });
  const html = readFileSync(join(allowDir, 'embed.html'), 'utf8');
  writeFileSync(join(allowDir, 'embed.html'),
    html.replace(/(<meta name="tierscope-allowed-origins" content=")[^"]*(")/, `$1${parent.origin}$2`));
  allowing = await serve(allowDir);
  site = await serve(SITE_DIR);
  browser = await launch();
  // In every page and frame: record CSP violations and page errors before any script of the page runs.
  await browser.context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
  });
});

after(async () => {
  await browser?.close();
  for (const s of [site, allowing, parent]) s?.close();
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

async function newPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  pages.push({ page, errors });
  return page;
}

/** Waits until the text of sel (in the page or a frame) contains text. */
async function waitText(target, sel, text, timeout = 10000) {
  try {
    await target.waitForFunction(([s, t]) => (document.querySelector(s)?.textContent || '').includes(t), [sel, text], { timeout });
  } catch {
    assert.fail(`${sel} never showed ${text}: ${JSON.stringify((await target.textContent(sel).catch(() => '')).slice(0, 300))}`);
  }
}

/** Two animation frames: what the last input scheduled has rendered. */
const frames = (target) => target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * What a payload could have done in a document (and its shadow roots): set window.__xss, caused a
 * CSP violation, or become an element (an on* attribute, a javascript: URL, a reference to the
 * payloads' flag or host in an attribute that is not plain data).
 */
function scan() {
  const found = [];
  const inert = /^(data-|aria-)|^(title|value|placeholder|alt|label)$/;  // text a page may set from input
  const url = /^(href|src|srcset|action|formaction|xlink:href|background|data|poster|ping|cite)$/;
  const host = (v) => { try { return new URL(v, location.href).host; } catch { return ''; } };
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (el.localName === 'tierscope-preview' && /^(required|conditional|optional|url|profiles|label)$/.test(a.name)) continue;  // its input
        if (el.localName === 'link' && el.rel === 'icon' && a.name === 'href' && a.value === 'data:,') continue;  // the page's own empty favicon
        const bad = /^on/i.test(a.name) ||
          (url.test(a.name) ? /^\s*(javascript|data|vbscript):/i.test(a.value) || /evil\.example/.test(host(a.value))
            : !inert.test(a.name) && /__xss|evil\.example/i.test(a.value));
        if (bad) found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
      }
      if (el.localName === 'script' && (el.textContent.trim() || !el.src.startsWith(location.origin))) found.push(`<script> ${el.src}`);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return { ran: window.__xss !== undefined, csp: window.__csp || [], found };
}

async function assertClean(page, what) {
  for (const frame of page.frames()) {
    const r = await frame.evaluate(scan);
    assert.equal(r.ran, false, `${what}: a payload ran in ${frame.url()}`);
    assert.deepEqual(r.csp, [], `${what}: CSP violations in ${frame.url()}`);
    assert.deepEqual(r.found, [], `${what}: elements made from payloads in ${frame.url()}`);
  }
  const { errors } = pages.find((p) => p.page === page);
  assert.deepEqual(errors, [], `${what}: page errors or dialogs`);
  assert.deepEqual(browser.blocked, [], `${what}: requests that left the origin`);
}

const enc = encodeURIComponent;
const config = (i, p) => JSON.stringify({ name: p, auth: { redirectUrls: [p], requiredScopes: ['oauth', marker(i), p], optionalScopes: [p] } });
// A scope list: the marker on a line of its own. A line with quoted strings is read as code (only the
// strings are names), so a marker beside a payload with quotes would not be read.
const listed = (i, p) => `${marker(i)}\n${p}`;
const installUrl = (i, p) => `https://app.hubspot.com/oauth/authorize?client_id=${enc(p)}&redirect_uri=${enc(p)}&scope=oauth%20${marker(i)}%20${enc(p)}&optional_scope=${enc(p)}`;

async function openSite() {
  const page = await newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  return page;
}

test('the checks can fail: a payload made into HTML runs without a CSP, and is reported under the page\'s CSP', async () => {
  const page = await newPage();
  await page.goto(`${parent.origin}/blank.html`);
  await page.evaluate((p) => { document.body.innerHTML = p; }, PAYLOADS[1]);
  await page.waitForFunction(() => window.__xss === 1);
  const under = await openSite();
  await under.evaluate((p) => { document.body.insertAdjacentHTML('beforeend', p); }, PAYLOADS[1]);
  await under.waitForFunction(() => window.__csp.length > 0);
  const r = await under.evaluate(scan);
  assert.equal(r.ran, false, 'the page\'s CSP stops the handler');
  assert.ok(r.found.length > 0 && r.csp.length > 0, 'and the test sees both the element and the violation');
  await page.close();
  await under.close();
});

test(`page: ${PAYLOADS.length} payloads through the paste box (list, app config, install URL) and the three fields`, async () => {
  const page = await openSite();
  for (const [i, p] of PAYLOADS.entries()) {
    await page.fill('#paste', listed(i, p));
    await waitText(page, '#diagnostics', marker(i));
    await page.fill('#paste', config(i, p));
    await waitText(page, '#diagnostics', marker(i));
    await page.fill('#paste', installUrl(i, p));
    await waitText(page, '#diagnostics', marker(i));
  }
  for (const field of ['#required', '#conditional', '#optional']) {
    for (const [i, p] of PAYLOADS.entries()) {
      await page.fill(field, listed(i, p));
      await waitText(page, '#diagnostics', marker(i));
    }
  }
  // a failing profile selected: the error-page preview shows the names too
  await page.fill('#paste', config(0, PAYLOADS[0]));
  await waitText(page, '#diagnostics', marker(0));
  await page.click('#matrix [data-profile=free]');
  await frames(page);
  await assertClean(page, 'paste and fields');
  await page.close();
});

test('page: every payload through the install URL checked against a config, and the URL builder', async () => {
  const page = await openSite();
  await page.fill('#paste', config(99, 'x'));
  await waitText(page, '#diagnostics', marker(99));
  for (const [i, p] of PAYLOADS.entries()) {
    await page.fill('#install-url', installUrl(i, p));
    await waitText(page, '#diagnostics', marker(i));
    await page.fill('#install-url', p); // not a URL: explained
    await frames(page);
  }
  await page.click('#builder-panel summary');
  for (const [i, p] of PAYLOADS.entries()) {
    for (const field of ['#build-client-id', '#build-redirect', '#build-account']) {
      await page.fill(field, `${marker(i)}${p}`);
      await frames(page);
    }
  }
  await page.check('#build-eu');
  await page.fill('#build-redirect', `https://x.example/${PAYLOADS[0]}`);
  await page.fill('#build-client-id', PAYLOADS[1]);
  await page.fill('#build-account', '');
  await page.waitForFunction(() => (document.querySelector('#build-urls textarea')?.value || '').includes('client_id=%3Cimg'));
  await assertClean(page, 'install URL and builder');
  await page.close();
});

test('page: every payload through the catalog search, the migration and the diff', async () => {
  const page = await openSite();
  for (const p of PAYLOADS) {
    await page.fill('#catalog-search', p);
    await frames(page);
  }
  await page.click('#migrate-panel summary');
  for (const [i, p] of PAYLOADS.entries()) {
    await page.fill('#migrate-input', listed(i, p));
    await waitText(page, '#migrate-out', marker(i));
  }
  await page.click('#diff-panel summary');
  for (const [i, p] of PAYLOADS.entries()) {
    await page.fill('#diff-before', `oauth ${p}`);
    await page.fill('#diff-after', config(i, p));
    await waitText(page, '#diff-out', marker(i));
  }
  await assertClean(page, 'catalog, migration, diff');
  await page.close();
});

test('page: every payload in a share link (the #s= fragment), opened and pasted into an open page', async () => {
  const link = (data) => '#s=' + Buffer.from(JSON.stringify({ v: 1, ...data }), 'utf8').toString('base64url');
  const page = await openSite();
  for (const [i, p] of PAYLOADS.entries()) {
    const fields = { required: `${marker(i)} ${p}`, conditional: p, optional: p };
    await page.evaluate((h) => { location.hash = h; }, link({ paste: config(i, p), url: installUrl(i, p), mode: 'paste', sel: p, secrets: true }));
    await waitText(page, '#diagnostics', marker(i));
    await page.evaluate((h) => { location.hash = h; }, link({ paste: p, mode: 'fields', fields, sel: 'free' }));
    await frames(page);
  }
  await assertClean(page, 'share fragment (hashchange)');
  const fresh = await newPage();
  await fresh.goto(`${site.origin}/${link({ paste: config(7, PAYLOADS[7]), url: installUrl(7, PAYLOADS[7]), mode: 'paste', secrets: true })}`);
  await fresh.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  await waitText(fresh, '#diagnostics', marker(7));
  await assertClean(fresh, 'share fragment (opened)');
  await page.close();
  await fresh.close();
});

test('embeds: every payload in each attribute of <tierscope-preview>', async () => {
  const page = await newPage();
  await page.goto(`${site.origin}/examples/docs.html`);
  const shown = await page.evaluate(async ([payloads, urls]) => {
    const out = [];
    for (const [i, p] of payloads.entries()) {
      const el = document.createElement('tierscope-preview');
      const m = `xss${String(i).padStart(2, '0')}`;
      el.setAttribute('required', `${m} ${p}`);
      el.setAttribute('conditional', p);
      el.setAttribute('optional', p);
      el.setAttribute('label', p);
      document.body.append(el);
      await el.updateComplete;
      out.push(JSON.stringify(el.report || null).includes(m));
      const other = document.createElement('tierscope-preview');  // an install URL; profiles (refused: shown as an error)
      other.setAttribute('url', urls[i]);
      other.setAttribute('label', p);
      other.setAttribute('profiles', `free ${p}`);
      document.body.append(other);
      await other.updateComplete;
      out.push(Boolean(other.report || other.error));
    }
    return out;
  }, [PAYLOADS, PAYLOADS.map((p, i) => installUrl(i, p))]);
  assert.ok(shown.every(Boolean), 'every element rendered its input');
  await frames(page);
  await assertClean(page, 'element attributes');
  await page.close();
});

test('embeds: every payload in embed.html\'s fragment', async () => {
  const page = await newPage();
  await page.goto(`${site.origin}/embed.html#required=oauth`);
  await page.waitForFunction(() => document.getElementById('preview')?.report);
  for (const [i, p] of PAYLOADS.entries()) {
    const hash = new URLSearchParams({ required: `${marker(i)} ${p}`, conditional: p, optional: p, label: p }).toString();
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction((m) => JSON.stringify(document.getElementById('preview').report || null).includes(m), marker(i));
    await page.evaluate((h) => { location.hash = h; }, new URLSearchParams({ url: installUrl(i, p), label: p, profiles: `free ${p}` }).toString());
    await frames(page);
  }
  await assertClean(page, 'embed fragment');
  await page.close();
});

test('embeds: every payload in a tierscope:set message from an allowed parent', async () => {
  const page = await newPage();
  await page.goto(`${parent.origin}/blank.html`);
  await page.evaluate((url) => new Promise((resolve) => {
    window.__reports = [];
    window.addEventListener('message', (e) => { if (e.data && e.data.type === 'tierscope:report') window.__reports.push(JSON.stringify(e.data.report)); });
    const f = document.createElement('iframe');
    f.id = 'f';
    f.title = 'preview';
    f.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    f.addEventListener('load', () => resolve(), { once: true });
    f.src = url;
    document.body.append(f);
  }), `${allowing.origin}/embed.html#required=oauth`);
  await page.waitForFunction(() => window.__reports.length > 0);
  for (const [i, p] of PAYLOADS.entries()) {
    await page.evaluate(([m, payload, url, origin]) => {
      const w = document.getElementById('f').contentWindow;
      w.postMessage({ type: 'tierscope:set', required: [m, payload], conditional: payload, optional: payload, label: payload, profiles: null, url: null }, origin);
    }, [marker(i), p, installUrl(i, p), allowing.origin]);
    await page.waitForFunction((m) => window.__reports.some((r) => r.includes(m)), marker(i));
    await page.evaluate(([payload, url, origin]) => {  // an install URL; profiles (refused: shown as an error)
      document.getElementById('f').contentWindow.postMessage(
        { type: 'tierscope:set', url, label: payload, profiles: `free ${payload}`, required: null, conditional: null, optional: null }, origin);
    }, [p, installUrl(i, p), allowing.origin]);
  }
  await frames(page);
  await assertClean(page, 'postMessage');
  await page.close();
});

test('no request left the origin', () => {
  assert.ok(PAYLOADS.length >= 50);
  assert.deepEqual(browser.blocked, []);
});
