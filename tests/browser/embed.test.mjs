// Browser tests of the embeds: the <tierscope-preview> element and embed.html in an iframe.
// Uses the real build in build/site (TIERSCOPE_SITE_DIR overrides). Three static servers give
// three origins: the site as built (allow-list "same-origin"), a copy whose embed.html allows the
// parent server's origin, and the parent server (a different port = a different origin).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, axeViolationsUnderCsp, SITE_DIR, N_PROFILES } from './lib.mjs';

let browser;
let site;      // SITE_DIR as built: embed allow-list = same-origin
let allowing;  // copy of SITE_DIR whose embed.html allows parent.origin
let parent;    // a parent page on another origin
const tmpDirs = [];

before(async () => {
  for (const f of ['tierscope.mjs', 'tierscope.wasm', 'embed.html', 'embed.js', 'element/tierscope-preview.js', 'examples/docs.html']) {
    assert.ok(existsSync(join(SITE_DIR, f)), `${join(SITE_DIR, f)} is missing: build the site first (scripts/build.sh)`);
  }
  const parentDir = mkdtempSync(join(tmpdir(), 'tierscope-parent-'));
  tmpDirs.push(parentDir);
  writeFileSync(join(parentDir, 'blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>parent</title></head><body></body></html>\n');
  parent = await serve(parentDir);

  const allowDir = mkdtempSync(join(tmpdir(), 'tierscope-allow-'));
  tmpDirs.push(allowDir);
  cpSync(SITE_DIR, allowDir, { recursive: true });
  const embedPath = join(allowDir, 'embed.html');
  const html = readFileSync(embedPath, 'utf8');
  const rewritten = html.replace(/(<meta name="tierscope-allowed-origins" content=")[^"]*(")/, `$1${parent.origin}$2`);
  assert.notEqual(rewritten, html, 'embed.html has a tierscope-allowed-origins meta');
  writeFileSync(embedPath, rewritten);
  allowing = await serve(allowDir);

  site = await serve(SITE_DIR);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  for (const s of [site, allowing, parent]) if (s) s.close();
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** A page that records uncaught errors and console errors of every frame. */
async function openPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return { page, errors };
}

/** Rows of the element with the given selector (in frame or page): [{id, status, text, missing}]. */
function rows(target, selector) {
  return target.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    await el.updateComplete;
    return [...el.shadowRoot.querySelectorAll('tbody tr')].map((tr) => ({
      id: tr.dataset.profile,
      status: tr.dataset.status,
      text: tr.querySelector('.status').textContent,
      missing: [...tr.querySelectorAll('.missing > .scopes code')].map((c) => c.textContent),
    }));
  }, selector);
}

/** Opens parent.origin/blank.html with an iframe of src; messages to the parent land in window.__msgs. */
async function openParent(page, src) {
  await page.goto(`${parent.origin}/blank.html`);
  await page.evaluate((url) => new Promise((resolve) => {
    window.__msgs = [];
    window.addEventListener('message', (e) => {
      window.__msgs.push({ origin: e.origin, data: e.data });
      const f = document.getElementById('f');
      if (e.source === f.contentWindow && e.data && e.data.type === 'tierscope:resize') f.style.height = `${e.data.height}px`;
    });
    const f = document.createElement('iframe');
    f.id = 'f';
    f.title = 'preview';
    f.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    f.style.width = '760px';
    f.style.height = '50px';
    f.style.border = '0';
    f.addEventListener('load', () => resolve(), { once: true });
    f.src = url;
    document.body.append(f);
  }), src);
  const frame = page.frames().find((fr) => fr !== page.mainFrame());
  await frame.waitForFunction(() => {
    const el = document.getElementById('preview');
    return el && (el.report || el.error);
  });
  return frame;
}

const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 10000 });
const reports = (page) => page.evaluate(() => window.__msgs.filter((m) => m.data && m.data.type === 'tierscope:report'));

test('several elements share one module instance: tierscope.wasm is fetched once', async () => {
  const { page, errors } = await openPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('/tierscope.wasm')) wasm.push(r.url()); });
  await page.goto(`${site.origin}/examples/docs.html`);
  const counts = await page.evaluate(async () => {
    const els = [...document.querySelectorAll('tierscope-preview')];
    await Promise.all(els.map((el) => el.updateComplete));
    return els.map((el) => el.shadowRoot.querySelectorAll('tbody tr').length);
  });
  assert.ok(counts.length >= 2, 'docs.html has several elements');
  for (const c of counts) assert.ok(c > 0, 'every element rendered rows');
  assert.deepEqual(counts.slice(1), [N_PROFILES, 3], 'the compact element shows every standard profile, the limited one 3');
  // A later element reuses the instance too.
  await page.evaluate(async () => {
    const el = document.createElement('tierscope-preview');
    el.required = 'oauth';
    document.body.append(el);
    await el.updateComplete;
  });
  assert.equal(wasm.length, 1, `one wasm fetch, got ${wasm.length}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('attributes and properties drive the element', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${site.origin}/examples/docs.html`);
  await page.evaluate(() => {
    const el = document.createElement('tierscope-preview');
    el.id = 't';
    el.setAttribute('required', 'automation');
    document.body.append(el);
  });
  let r = await rows(page, '#t');
  assert.equal(r.length, N_PROFILES);
  assert.equal(r[0].id, 'free');
  assert.equal(r[0].status, 'permission-error');
  assert.match(r[0].text, /Permission error/);
  assert.deepEqual(r[0].missing, ['automation']);
  const mp = r.find((x) => x.id === 'marketing-professional');
  assert.equal(mp.status, 'installs');
  assert.match(mp.text, /Installs/);
  const summary = await page.evaluate(() => document.querySelector('#t').shadowRoot.querySelector('.summary').textContent);
  assert.match(summary, new RegExp(`Installs on \\d+ of ${N_PROFILES} standard tiers`));

  // Property → attribute → new result.
  const attr = await page.evaluate(() => {
    const el = document.querySelector('#t');
    el.required = 'crm.objects.contacts.read';
    return [el.getAttribute('required'), el.required];
  });
  assert.deepEqual(attr, ['crm.objects.contacts.read', 'crm.objects.contacts.read']);
  r = await rows(page, '#t');
  assert.equal(r[0].status, 'installs');
  assert.ok(r.every((x) => x.status === 'installs'), 'contacts read installs everywhere');

  // Optional and comma-separated lists.
  await page.evaluate(() => {
    const el = document.querySelector('#t');
    el.required = 'oauth, crm.objects.contacts.read';
    el.optional = ['automation'];
  });
  const dropped = await page.evaluate(async () => {
    const el = document.querySelector('#t');
    await el.updateComplete;
    return [el.report.request.required, el.report.request.optional,
      el.shadowRoot.querySelector('tr[data-profile="free"] .note').textContent];
  });
  assert.deepEqual(dropped[0], ['crm.objects.contacts.read', 'oauth']);
  assert.deepEqual(dropped[1], ['automation']);
  assert.match(dropped[2], /automation/);

  // An install URL.
  const fromUrl = await page.evaluate(async () => {
    const el = document.querySelector('#t');
    el.required = '';
    el.optional = '';
    el.url = 'https://app.hubspot.com/oauth/authorize?client_id=x&scope=oauth%20automation&optional_scope=content';
    await el.updateComplete;
    return [el.report.input.format, el.report.request.required, el.report.request.optional, el.report.profiles[0].status];
  });
  assert.deepEqual(fromUrl, ['install-url', ['automation', 'oauth'], ['content'], 'permission-error']);

  // An element created with properties before it is attached.
  r = await page.evaluate(async () => {
    const el = document.createElement('tierscope-preview');
    el.id = 'u';
    el.conditional = 'automation';
    document.body.append(el);
    await el.updateComplete;
    return el.report.request.conditional;
  });
  assert.deepEqual(r, ['automation']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('profiles limits the rows; compact; hidden', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${site.origin}/examples/docs.html`);
  await page.evaluate(() => {
    const el = document.createElement('tierscope-preview');
    el.id = 't';
    el.required = 'oauth crm.objects.contacts.read';
    el.optional = 'automation';
    el.profiles = 'free marketing-professional';
    document.body.append(el);
  });
  let r = await rows(page, '#t');
  assert.deepEqual(r.map((x) => x.id), ['free', 'marketing-professional']);
  await page.evaluate(() => { document.querySelector('#t').profiles = 'sales-starter,service-enterprise'; });
  r = await rows(page, '#t');
  assert.deepEqual(r.map((x) => x.id), ['sales-starter', 'service-enterprise']);
  await page.evaluate(() => { document.querySelector('#t').profiles = ''; });
  r = await rows(page, '#t');
  assert.equal(r.length, N_PROFILES);

  // compact: attribute reflects, the caption is visually hidden, the optional notes are gone.
  const compact = await page.evaluate(async () => {
    const el = document.querySelector('#t');
    const before = el.shadowRoot.querySelectorAll('.note').length;
    const padBefore = getComputedStyle(el).paddingTop;
    el.compact = true;
    await el.updateComplete;
    return {
      attr: el.hasAttribute('compact'), prop: el.compact, before,
      after: el.shadowRoot.querySelectorAll('.note').length,
      caption: el.shadowRoot.querySelector('caption').className,
      captionText: el.shadowRoot.querySelector('caption').textContent,
      padBefore, padAfter: getComputedStyle(el).paddingTop,
    };
  });
  assert.equal(compact.attr, true);
  assert.equal(compact.prop, true);
  assert.ok(compact.before > 0, 'full mode shows the dropped optional scope');
  assert.equal(compact.after, 0);
  assert.equal(compact.caption, 'visually-hidden');
  assert.ok(compact.captionText.length > 0, 'the table keeps its label');
  assert.notEqual(compact.padAfter, compact.padBefore);
  const off = await page.evaluate(async () => {
    const el = document.querySelector('#t');
    el.compact = false;
    await el.updateComplete;
    return [el.hasAttribute('compact'), el.shadowRoot.querySelectorAll('.note').length];
  });
  assert.deepEqual(off, [false, compact.before]);

  // hidden
  const hidden = await page.evaluate(() => {
    const el = document.querySelector('#t');
    const shown = getComputedStyle(el).display;
    el.hidden = true;
    return [shown, getComputedStyle(el).display, el.getBoundingClientRect().height];
  });
  assert.deepEqual(hidden, ['block', 'none', 0]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('tierscope-change fires (bubbling, composed) with the report when the result changes', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${site.origin}/examples/docs.html`);
  const res = await page.evaluate(async () => {
    const seen = [];
    const wrap = document.createElement('div');
    const shadow = wrap.attachShadow({ mode: 'open' });
    document.body.append(wrap);
    // Listened to on document: the event must bubble out of the enclosing shadow root too.
    document.addEventListener('tierscope-change', (e) => {
      if (e.target === wrap) seen.push({ bubbles: e.bubbles, composed: e.composed, detail: e.detail });
    });
    const el = document.createElement('tierscope-preview');
    el.required = 'automation';
    shadow.append(el);
    await el.updateComplete;
    const first = seen.length;
    el.setAttribute('required', 'automation'); // same value: no change
    el.optional = '';                           // still the same input
    await el.updateComplete;
    const same = seen.length;
    el.required = 'crm.objects.contacts.read';
    await el.updateComplete;
    return {
      first, same, total: seen.length,
      bubbles: seen[0].bubbles, composed: seen[0].composed,
      free0: seen[0].detail.profiles[0].status, free1: seen[seen.length - 1].detail.profiles[0].status,
      isReport: seen[seen.length - 1].detail === el.report,
      tool: seen[0].detail.tool.name,
    };
  });
  assert.equal(res.first, 1);
  assert.equal(res.same, 1);
  assert.equal(res.total, 2);
  assert.equal(res.bubbles, true);
  assert.equal(res.composed, true);
  assert.equal(res.free0, 'permission-error');
  assert.equal(res.free1, 'installs');
  assert.equal(res.isReport, true);
  assert.equal(res.tool, 'tierscope');
  assert.deepEqual(errors, []);
  await page.close();
});

test('input that cannot be checked shows the error in the element and does not throw', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${site.origin}/examples/docs.html`);
  const res = await page.evaluate(async () => {
    const el = document.createElement('tierscope-preview');
    el.required = 'oauth';
    el.profiles = 'no-such-tier';
    let errorEvent = null;
    el.addEventListener('tierscope-error', (e) => { errorEvent = e.detail; });
    document.body.append(el);
    await el.updateComplete;
    const alert = el.shadowRoot.querySelector('[role="alert"]');
    const out = { code: el.error && el.error.code, report: el.report, alert: alert && alert.textContent, errorEvent };
    el.profiles = '';
    await el.updateComplete;
    out.recovered = Boolean(el.report) && !el.shadowRoot.querySelector('[role="alert"]');
    return out;
  });
  assert.ok(res.code, 'the element exposes the error');
  assert.equal(res.report, null);
  assert.match(res.alert, /Cannot check these scopes: .+/);
  assert.ok(res.errorEvent && res.errorEvent.message);
  assert.equal(res.recovered, true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an element with no scopes says so instead of showing a table', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${site.origin}/examples/docs.html`);
  const res = await page.evaluate(async () => {
    const el = document.createElement('tierscope-preview');
    document.body.append(el);
    await el.updateComplete;
    const empty = { text: el.shadowRoot.textContent, rows: el.shadowRoot.querySelectorAll('tr').length };
    el.required = 'oauth automation';
    await el.updateComplete;
    return { empty, rowsAfter: el.shadowRoot.querySelectorAll('tbody tr').length };
  });
  assert.match(res.empty.text, /No scopes to check/);
  assert.equal(res.empty.rows, 0);
  assert.equal(res.rowsAfter, N_PROFILES);
  assert.deepEqual(errors, []);
  await page.close();
});

test('embed.html reads its initial state from the fragment', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${site.origin}/embed.html#required=automation&profiles=free%20marketing-professional&compact`);
  const r = await rows(page, '#preview');
  assert.deepEqual(r.map((x) => [x.id, x.status]), [['free', 'permission-error'], ['marketing-professional', 'installs']]);
  assert.equal(await page.evaluate(() => document.getElementById('preview').compact), true);
  // hashchange applies a new state (fields left out are cleared).
  await page.evaluate(() => { location.hash = 'required=crm.objects.contacts.read'; });
  await waitFor(page, () => document.getElementById('preview').profiles === '');
  const r2 = await rows(page, '#preview');
  assert.equal(r2.length, N_PROFILES);
  assert.ok(r2.every((x) => x.status === 'installs'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('app-settings example: live messages both ways, frame resized, targetOrigin never "*"', async () => {
  const { page, errors } = await openPage();
  // Record the targetOrigin of every postMessage a frame sends to its (same-origin) parent. The
  // wrapper is created in the frame's realm, so the message's source stays the frame.
  await page.addInitScript(() => {
    if (window.parent === window) return;
    const target = window.parent;
    const orig = target.postMessage;
    window.__targets = [];
    target.postMessage = function (message, targetOrigin, ...rest) {
      window.__targets.push(typeof targetOrigin === 'string' ? targetOrigin : JSON.stringify(targetOrigin));
      return orig.call(target, message, targetOrigin, ...rest);
    };
  });
  await page.goto(`${site.origin}/examples/app-settings.html`);
  await waitFor(page, () => document.getElementById('last-report').dataset.installs !== undefined);
  // The frame takes the embed's reported height.
  await waitFor(page, () => document.getElementById('preview-frame').style.height !== '');
  const sizes = await page.evaluate(() => {
    const f = document.getElementById('preview-frame');
    return { frame: f.getBoundingClientRect().height, content: Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height) };
  });
  assert.ok(Math.abs(sizes.frame - sizes.content) <= 1, `frame ${sizes.frame}px fits content ${sizes.content}px`);
  assert.ok(sizes.frame > 240, 'the full table is taller than the initial frame');
  assert.match(await page.textContent('#last-report'), /free accounts: installs/);

  // Parent → embed: make automation required.
  await page.check('input[value="automation"]');
  await waitFor(page, () => /free accounts: permission error/.test(document.getElementById('last-report').textContent));
  const frame = page.frames().find((fr) => fr !== page.mainFrame());
  assert.match(await frame.evaluate(() => document.getElementById('preview').required), /automation/);

  // Compact + fewer rows → the frame shrinks.
  const tall = await page.evaluate(() => document.getElementById('preview-frame').getBoundingClientRect().height);
  await page.check('#marketing-only');
  await page.check('#compact');
  await waitFor(page, (h) => document.getElementById('preview-frame').getBoundingClientRect().height < h - 100, tall);
  const r = await rows(frame, '#preview');
  assert.deepEqual(r.map((x) => x.id), ['free', 'marketing-starter', 'marketing-professional', 'marketing-enterprise']);

  const targets = await frame.evaluate(() => window.__targets);
  assert.ok(targets.length >= 4, `postMessage was observed (${targets.length} calls)`);
  for (const t of targets) assert.equal(t, site.origin);
  assert.deepEqual(errors, []);
  await page.close();
});

test('embed on another origin that allows the parent: reports and resizes', async () => {
  const { page, errors } = await openPage();
  const frame = await openParent(page, `${allowing.origin}/embed.html#required=automation`);
  await waitFor(page, () => window.__msgs.some((m) => m.data.type === 'tierscope:report'));
  await waitFor(page, () => window.__msgs.some((m) => m.data.type === 'tierscope:resize'));
  let msgs = await page.evaluate(() => window.__msgs);
  for (const m of msgs) assert.equal(m.origin, allowing.origin);
  assert.ok(msgs.some((m) => m.data.type === 'tierscope:ready'));
  let rep = (await reports(page)).at(-1).data.report;
  assert.equal(rep.profiles[0].id, 'free');
  assert.equal(rep.profiles[0].status, 'permission-error');
  // The parent sized the frame from the message.
  await waitFor(page, () => {
    const last = window.__msgs.filter((m) => m.data.type === 'tierscope:resize').at(-1).data.height;
    return document.getElementById('f').getBoundingClientRect().height === last && last > 300;
  });
  const contentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height), contentHeight);

  // tierscope:set from the allowed origin changes the state and is answered with a report.
  const n = (await reports(page)).length;
  await page.evaluate((origin) => document.getElementById('f').contentWindow.postMessage(
    { type: 'tierscope:set', required: ['crm.objects.contacts.read'], profiles: 'free sales-starter' }, origin), allowing.origin);
  await waitFor(page, (k) => window.__msgs.filter((m) => m.data.type === 'tierscope:report').length > k, n);
  rep = (await reports(page)).at(-1).data.report;
  assert.deepEqual(rep.profiles.map((p) => [p.id, p.status]), [['free', 'installs'], ['sales-starter', 'installs']]);
  // The frame shrinks to two rows.
  await waitFor(page, () => document.getElementById('f').getBoundingClientRect().height < 300);
  msgs = await page.evaluate(() => window.__msgs);
  for (const m of msgs) assert.equal(m.origin, allowing.origin);
  assert.deepEqual(errors, []);
  await page.close();
});

test('malformed messages from the allowed origin are ignored without errors', async () => {
  const { page, errors } = await openPage();
  const frame = await openParent(page, `${allowing.origin}/embed.html#required=automation&profiles=free`);
  await waitFor(page, () => window.__msgs.some((m) => m.data.type === 'tierscope:report'));
  const before = await page.evaluate(() => window.__msgs.length);
  await page.evaluate((origin) => {
    const w = document.getElementById('f').contentWindow;
    const bad = [
      null, undefined, 42, 'tierscope:set', true, [], [{ type: 'tierscope:set' }], {}, { type: 'nope' },
      { type: 'TIERSCOPE:SET', required: 'oauth' }, { type: ['tierscope:set'] }, { type: 'tierscope:report', report: {} },
      { type: 'tierscope:set', required: 5 }, { type: 'tierscope:set', required: { a: 1 } },
      { type: 'tierscope:set', required: [1, 2] }, { type: 'tierscope:set', required: ['x'.repeat(300)] },
      { type: 'tierscope:set', required: new Array(3000).fill('oauth') },
      { type: 'tierscope:set', required: 'oauth '.repeat(50000) }, { type: 'tierscope:set', url: ['https://x'] },
      { type: 'tierscope:set', profiles: 7 }, { type: 'tierscope:set', compact: 'yes' },
      { type: 'tierscope:set', required: 'oauth', optional: false }, new Date(0), new Map([['type', 'tierscope:set']]),
      new ArrayBuffer(8),
    ];
    for (const m of bad) w.postMessage(m, origin);
  }, allowing.origin);
  await page.waitForTimeout(1000);
  const after = await page.evaluate(() => window.__msgs.length);
  assert.equal(after, before, 'no answer to malformed messages');
  const state = await frame.evaluate(async () => {
    const el = document.getElementById('preview');
    await el.updateComplete;
    return [el.required, el.optional, el.profiles, el.compact, el.report.profiles[0].status];
  });
  assert.deepEqual(state, ['automation', '', 'free', false, 'permission-error']);
  // Still works afterwards; null clears a field.
  const n = (await reports(page)).length;
  await page.evaluate((origin) => document.getElementById('f').contentWindow.postMessage(
    { type: 'tierscope:set', required: 'crm.objects.contacts.read', profiles: null, unknownKey: 1 }, origin), allowing.origin);
  await waitFor(page, (k) => window.__msgs.filter((m) => m.data.type === 'tierscope:report').length > k, n);
  const rep = (await reports(page)).at(-1).data.report;
  assert.equal(rep.profiles.length, N_PROFILES);
  assert.equal(rep.profiles[0].status, 'installs');
  assert.deepEqual(errors, []);
  await page.close();
});

test('messages from an origin not on the allow-list are ignored, and nothing is posted to it', async () => {
  const { page, errors } = await openPage();
  // site's embed.html allows only its own origin; the parent is on another port.
  const frame = await openParent(page, `${site.origin}/embed.html#required=automation`);
  await page.evaluate((origin) => document.getElementById('f').contentWindow.postMessage(
    { type: 'tierscope:set', required: 'crm.objects.contacts.read', profiles: 'free' }, origin), site.origin);
  await page.waitForTimeout(1000);
  const state = await frame.evaluate(async () => {
    const el = document.getElementById('preview');
    await el.updateComplete;
    return [el.required, el.profiles, el.report.profiles.length, el.report.profiles[0].status];
  });
  assert.deepEqual(state, ['automation', '', N_PROFILES, 'permission-error']);
  assert.deepEqual(await page.evaluate(() => window.__msgs), [], 'no ready, report or resize message reached the foreign parent');
  assert.equal(await page.evaluate(() => document.getElementById('f').style.height), '50px');
  assert.deepEqual(errors, []);
  await page.close();
});

test('axe finds no violations on the example pages and embed.html', async () => {
  for (const path of ['examples/docs.html', 'examples/app-settings.html', 'embed.html#required=automation']) {
    const { page, errors } = await openPage();
    await page.goto(`${site.origin}/${path}`);
    if (path.startsWith('examples/app-settings')) {
      await waitFor(page, () => document.getElementById('last-report').dataset.installs !== undefined);
    }
    await page.evaluate(async () => {
      await Promise.all([...document.querySelectorAll('tierscope-preview')].map((el) => el.updateComplete));
    });
    const violations = await axeViolationsUnderCsp(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
    assert.deepEqual(errors, [], path);
    await page.close();
  }
});

test('every request stayed on 127.0.0.1', () => {
  assert.deepEqual(browser.blocked, []);
});
