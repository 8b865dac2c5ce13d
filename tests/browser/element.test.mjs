// Browser tests of <tierscope-preview> as a component: the engine property and static hook, ::part,
// logical CSS (dir="rtl"), the dark scheme, the polite live summary, overridable strings and the
// custom-elements.json manifest against the real element. Served from a copy of the built site
// (build/site) with a second copy of the engine under /engine/, so a test can tell which engine loaded.
// (Attributes, events and the iframe embed: embed.test.mjs; bundlers: bundlers.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, ROOT, SITE_DIR, N_PROFILES } from './lib.mjs';
import { useSite } from './setup.mjs';
import { zip, readTree } from './zip.mjs';

const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>element</title></head><body></body></html>\n';

// A copy of the built site, with a second copy of the engine under /engine/ and the pages below.
const site = useSite({ needs: ['tierscope.mjs', 'tierscope.wasm', 'element/tierscope-preview.js'], prepare: (dir) => {
  mkdirSync(join(dir, 'engine'));
  for (const f of ['tierscope.mjs', 'tierscope.wasm']) cpSync(join(SITE_DIR, f), join(dir, 'engine', f));
  writeFileSync(join(dir, 'blank.html'), BLANK);
  mkdirSync(join(dir, 'showcase'));
  writeFileSync(join(dir, 'showcase', 'project.zip'), zip(readTree(join(ROOT, 'tests', 'fixtures', 'projects-code', 'contract-signed-tab')), 'contract-signed-tab'));
  // Elements in the markup, then one module that imports the element and sets the static engine.
  writeFileSync(join(dir, 'static-engine.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static engine</title></head><body>
<tierscope-preview id="a" required="automation"></tierscope-preview>
<tierscope-preview id="b" required="crm.objects.contacts.read" profiles="free"></tierscope-preview>
<script type="module" src="static-engine.js"></script></body></html>\n`);
  writeFileSync(join(dir, 'static-engine.js'), `import { TierscopePreview } from './element/tierscope-preview.js';
import { createTierscope } from './engine/tierscope.mjs';
TierscopePreview.engine = createTierscope();
`);
} });

/** A page of the copy that records errors and every request path. */
async function open(path = 'blank.html', { colorScheme = 'light', clock = false } = {}) {
  const page = await site.browser.newPage();
  if (clock) await page.clock.install();
  const { errors, requests } = site.record(page);
  await page.emulateMedia({ colorScheme });
  await page.goto(`${site.server.origin}/${path}`);
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
  assert.equal(res.rows.length, N_PROFILES);
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
  assert.deepEqual(res.first, { installs: N_PROFILES, uncertain: 0, total: N_PROFILES });
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
  assert.deepEqual(res, [['a', N_PROFILES, 'permission-error'], ['b', 1, 'installs']]);
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

// Elements that between them show every status, notes, warnings and errors: [id, attributes].
const SHOWCASE = [
  ['mixed', { required: 'oauth automation', optional: 'cms.functions.read' }],          // installs, permission-error, uncertain; dropped; warning
  ['unknown', { required: 'oauth not-a-real-scope', profiles: 'free sales-starter' }],  // unknown-scope; an error diagnostic
  ['badname', { required: 'oauth Contacts', profiles: 'free' }],             // invalid-scope (outside the grammar)
  ['undocumented', { required: 'oauth marketing.email.read', profiles: 'free' }],  // the undocumented note
  ['silent', { required: 'oauth cms.functions.read', profiles: 'smart_crm-professional' }],  // disputed: no source speaks of the tier
  ['refused', { required: 'oauth', profiles: 'no-such-tier' }],              // input error
  ['empty', {}],                                                           // nothing to check
  // a whole project (a real one with code, as a same-origin .zip): its name line and findings
  ['project', { 'project-src': 'showcase/project.zip', profiles: 'free sales-starter' }],
];

/** Adds the SHOWCASE elements (in `container`, default body) and waits for them. */
function addShowcase(page, container = 'body') {
  return page.evaluate(async ([list, sel]) => {
    await import('/element/tierscope-preview.js');
    const box = document.querySelector(sel);
    const els = list.map(([id, attrs]) => {
      const el = document.createElement('tierscope-preview');
      el.id = id;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      box.append(el);
      return el;
    });
    await Promise.all(els.map((el) => el.updateComplete));
  }, [SHOWCASE, container]);
}

test('::part: rows and status cells (per status too) can be styled from the page', async () => {
  const { page, errors } = await open();
  await page.addStyleTag({ content: `
    tierscope-preview::part(row) { background-color: rgb(1, 2, 3); }
    tierscope-preview::part(row-permission-error) { background-color: rgb(200, 0, 0); }
    tierscope-preview::part(status) { font-style: italic; }
    tierscope-preview::part(status-installs) { color: rgb(0, 0, 255); }
    tierscope-preview::part(tier) { letter-spacing: 3px; }` });
  await addShowcase(page);
  const res = await page.evaluate(() => {
    const root = document.getElementById('mixed').shadowRoot;
    const row = (status) => root.querySelector(`tbody tr[data-status="${status}"]`);
    const style = (el) => getComputedStyle(el);
    return {
      installsRow: style(row('installs')).backgroundColor,
      failRow: style(row('permission-error')).backgroundColor,
      installsStatus: [style(row('installs').querySelector('td.status')).color, style(row('installs').querySelector('td.status')).fontStyle],
      failStatus: [style(row('permission-error').querySelector('td.status')).color, style(row('permission-error').querySelector('td.status')).fontStyle],
      tier: style(row('installs').querySelector('th')).letterSpacing,
      parts: [...row('uncertain').children].map((c) => c.getAttribute('part')),
      rowPart: row('uncertain').getAttribute('part'),
    };
  });
  assert.equal(res.installsRow, 'rgb(1, 2, 3)');
  assert.equal(res.failRow, 'rgb(200, 0, 0)', 'row-permission-error wins over row');
  assert.deepEqual(res.installsStatus, ['rgb(0, 0, 255)', 'italic']);
  assert.notEqual(res.failStatus[0], 'rgb(0, 0, 255)', 'status-installs styles only installs cells');
  assert.equal(res.failStatus[1], 'italic');
  assert.equal(res.tier, '3px');
  assert.equal(res.rowPart, 'row row-uncertain');
  assert.deepEqual(res.parts, ['tier', 'status status-uncertain', 'missing']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('dir="rtl": the table mirrors (the tier column starts on the right), caption aligned to the start', async () => {
  const { page, errors } = await open();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.evaluate(() => {
    for (const d of ['ltr', 'rtl']) {
      const box = document.createElement('div');
      box.id = `box-${d}`;
      box.dir = d;
      document.body.append(box);
    }
  });
  const measure = async (d) => {
    await page.evaluate(async (id) => {
      const { TierscopePreview } = await import('/element/tierscope-preview.js');
      const el = new TierscopePreview();
      el.required = 'oauth automation';
      el.profiles = 'free';
      document.getElementById(id).append(el);
      await el.updateComplete;
    }, `box-${d}`);
    return page.evaluate((id) => {
      const el = document.querySelector(`#${id} tierscope-preview`);
      const root = el.shadowRoot;
      const r = (x) => x.getBoundingClientRect();
      const tier = root.querySelector('tbody th');
      const status = root.querySelector('tbody td.status');
      const caption = root.querySelector('caption');
      const range = document.createRange();
      range.selectNodeContents(caption);
      const text = range.getBoundingClientRect();
      const note = root.querySelector('tbody td.missing code');
      return { host: [r(el).left, r(el).right], table: [r(root.querySelector('table')).left, r(root.querySelector('table')).right],
        tier: [r(tier).left, r(tier).right], status: [r(status).left, r(status).right], caption: [r(caption).left, r(caption).right],
        text: [text.left, text.right], code: note && [r(note).left, r(note).right] };
    }, `box-${d}`);
  };
  const ltr = await measure('ltr');
  const rtl = await measure('rtl');
  const near = (a, b) => Math.abs(a - b) <= 1;
  assert.ok(near(ltr.tier[0], ltr.table[0]), `ltr: the tier column starts at the left (${ltr.tier} in ${ltr.table})`);
  assert.ok(ltr.status[0] >= ltr.tier[1] - 1, 'ltr: status after the tier, to its right');
  assert.ok(near(rtl.tier[1], rtl.table[1]), `rtl: the tier column starts at the right (${rtl.tier} in ${rtl.table})`);
  assert.ok(rtl.status[1] <= rtl.tier[0] + 1, 'rtl: status after the tier, to its left');
  assert.ok(near(ltr.text[0], ltr.caption[0]) && !near(ltr.text[1], ltr.caption[1]), 'ltr caption text at the left');
  assert.ok(near(rtl.text[1], rtl.caption[1]) && !near(rtl.text[0], rtl.caption[0]), 'rtl caption text at the right');
  // Same widths: a mirror image.
  assert.ok(near(ltr.tier[1] - ltr.tier[0], rtl.tier[1] - rtl.tier[0]));
  assert.deepEqual(errors, []);
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`${scheme} scheme (a host page that offers both schemes, prefers-color-scheme ${scheme}): its own colours, axe-clean with every status, note and message`, async () => {
    const { page, errors } = await open('blank.html', { colorScheme: scheme });
    // theme="auto" follows the host's color-scheme: this host offers both, so the reader's preference decides.
    await page.addStyleTag({ content: scheme === 'dark' ? 'html { color-scheme: light dark; background: #0d1117; color: #e6ebf2; }' : 'html { color-scheme: light dark; }' });
    await addShowcase(page);
    assert.equal(await page.$eval('#mixed', (e) => e.dataset.scheme), scheme);
    const colours = await page.evaluate(() => {
      const el = document.getElementById('mixed');
      const cs = getComputedStyle(el);
      const ok = getComputedStyle(el.shadowRoot.querySelector('tr[data-status="installs"] td.status')).color;
      return { bg: cs.backgroundColor, fg: cs.color, ok };
    });
    const lum = (rgb) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => v / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    if (scheme === 'dark') {
      assert.ok(lum(colours.bg) < 0.05, `dark background: ${colours.bg}`);
      assert.ok(lum(colours.fg) > 0.6, `light text: ${colours.fg}`);
    } else {
      assert.equal(colours.bg, 'rgb(255, 255, 255)');
      assert.equal(colours.fg, 'rgb(29, 36, 48)');
    }
    // A page's --tierscope-* value still wins in this scheme.
    const themed = await page.evaluate(() => {
      const el = document.getElementById('mixed');
      el.style.setProperty('--tierscope-bg', 'rgb(10, 20, 30)');
      return getComputedStyle(el).backgroundColor;
    });
    assert.equal(themed, 'rgb(10, 20, 30)');
    await page.evaluate(() => document.getElementById('mixed').style.removeProperty('--tierscope-bg'));
    const violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('theme: auto follows the host page\'s color-scheme, not the OS alone; light and dark force it', async () => {
  const { page, errors } = await open('blank.html', { colorScheme: 'dark' });
  await addShowcase(page);
  const scheme = () => page.$eval('#mixed', (e) => [e.dataset.scheme, getComputedStyle(e).backgroundColor]);
  // A light-only host (no color-scheme) on a dark OS: the element stays light, no black box.
  assert.deepEqual(await scheme(), ['light', 'rgb(255, 255, 255)']);
  await page.$eval('#mixed', (e) => e.setAttribute('theme', 'dark'));
  assert.equal((await scheme())[0], 'dark');
  await page.$eval('#mixed', (e) => { e.setAttribute('theme', 'light'); });
  assert.equal((await scheme())[0], 'light');
  // A dark host: auto reads it when the element is connected.
  await page.evaluate(() => { document.documentElement.style.colorScheme = 'dark'; const e = document.getElementById('mixed'); e.removeAttribute('theme'); e.remove(); document.body.append(e); });
  assert.equal((await scheme())[0], 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => { document.documentElement.style.colorScheme = 'light dark'; });
  await page.$eval('#mixed', (e) => e.setAttribute('theme', 'auto'));
  assert.equal((await scheme())[0], 'light');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an uncertain row says what is uncertain instead of "None"', async () => {
  const { page, errors } = await open('blank.html');
  await page.evaluate(async () => {
    await import('/element/tierscope-preview.js');
    const el = document.createElement('tierscope-preview');
    el.id = 'unc';
    el.setAttribute('required', 'oauth automation');
    document.body.append(el);
    await el.updateComplete;
  });
  const rows = await page.$$eval('#unc', (els) => [...els[0].shadowRoot.querySelectorAll('tr[data-status=uncertain] td.missing')].map((td) => td.textContent));
  assert.ok(rows.length > 0, 'automation is uncertain somewhere');
  for (const t of rows) assert.match(t, /^Sources disagree on: automation/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a scope no source speaks of on a tier is not called a disagreement', async () => {
  const { page, errors } = await open('blank.html');
  await page.evaluate(async () => {
    await import('/element/tierscope-preview.js');
    const el = document.createElement('tierscope-preview');
    el.id = 'silent';
    el.setAttribute('required', 'oauth cms.functions.read');  // its one deciding statement predates Smart CRM
    document.body.append(el);
    await el.updateComplete;
  });
  const row = await page.$eval('#silent', (el) => el.shadowRoot.querySelector('tr[data-profile=smart_crm-professional] td.missing').textContent);
  assert.match(row, /No source speaks of this tier for: cms\.functions\.read/);
  assert.doesNotMatch(row, /disagree/);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The live region of element `id`: its attributes and text. */
const liveRegion = (page, id) => page.evaluate((i) => {
  const r = document.getElementById(i).shadowRoot.querySelector('[aria-live]');
  return { live: r.getAttribute('aria-live'), role: r.getAttribute('role'), atomic: r.getAttribute('aria-atomic'), text: r.textContent };
}, id);

test('the summary is announced politely: once the input has settled, not for each interim result', async () => {
  const { page, errors } = await open('blank.html', { clock: true });
  await page.evaluate(async () => {
    await import('/element/tierscope-preview.js');
    const el = document.createElement('tierscope-preview');
    el.id = 't';
    el.required = 'oauth crm.objects.contacts.read';
    document.body.append(el);
    await el.updateComplete;
    window.__changes = [];
    new MutationObserver(() => window.__changes.push(el.shadowRoot.querySelector('[aria-live]').textContent))
      .observe(el.shadowRoot.querySelector('[aria-live]'), { childList: true, characterData: true, subtree: true });
  });
  await page.clock.runFor(5000);
  let region = await liveRegion(page, 't');
  assert.deepEqual({ ...region, text: undefined }, { live: 'polite', role: 'status', atomic: 'true', text: undefined });
  assert.equal(region.text, '', 'the first result is the content, not an announcement');

  // Typing "automation" into a field that feeds the element: one result per keystroke.
  const interim = await page.evaluate(async () => {
    const el = document.getElementById('t');
    const seen = [];
    for (const typed of ['a', 'au', 'aut', 'autom', 'automation']) {
      el.required = `oauth crm.objects.contacts.read ${typed}`;
      await el.updateComplete;
      seen.push(el.shadowRoot.querySelector('.summary')?.textContent || el.shadowRoot.textContent);
    }
    return seen;
  });
  assert.equal(interim.length, 5);
  assert.equal(interim[4], `Installs on 4 of ${N_PROFILES} standard tiers, uncertain on 10.`);
  assert.deepEqual(await page.evaluate(() => window.__changes), [], 'nothing announced while results keep coming');
  await page.clock.runFor(1500);
  region = await liveRegion(page, 't');
  assert.equal(region.text, `Installs on 4 of ${N_PROFILES} profiles, uncertain on 10`);
  assert.deepEqual(await page.evaluate(() => window.__changes), [region.text], 'one announcement');

  // A change that gives the same summary is not announced again; a different one is.
  await page.evaluate(async () => {
    const el = document.getElementById('t');
    el.optional = 'content';
    await el.updateComplete;
  });
  await page.clock.runFor(1500);
  assert.equal((await page.evaluate(() => window.__changes)).length, 1);
  await page.evaluate(async () => {
    const el = document.getElementById('t');
    el.required = 'oauth crm.objects.contacts.read';
    await el.updateComplete;
  });
  await page.clock.runFor(1500);
  assert.deepEqual(await page.evaluate(() => window.__changes.at(-1)), `Installs on ${N_PROFILES} of ${N_PROFILES} profiles`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('strings: every word of the element can be replaced, the live summary included', async () => {
  const { page, errors } = await open('blank.html', { clock: true });
  const res = await page.evaluate(async ([list]) => {
    const { TierscopePreview } = await import('/element/tierscope-preview.js');
    const defaults = new TierscopePreview().strings;
    // Every key becomes «key» followed by its placeholders' values.
    const override = {};
    for (const [k, v] of Object.entries(defaults)) {
      const names = [...String(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      override[k] = `«${k}${names.map((n) => `:{${n}}`).join('')}»`;
    }
    override.announce = (v) => `«announce ${v.installs}/${v.total}»`;  // a function works too
    const texts = {};
    const made = [];
    for (const [id, attrs] of list) {
      const el = document.createElement('tierscope-preview');
      el.id = id;
      el.strings = override;  // before it is attached
      if (id === 'mixed') texts.loading = el.shadowRoot.textContent;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
      made.push(el);
    }
    await Promise.all(made.map((el) => el.updateComplete));
    for (const el of made) texts[el.id] = el.shadowRoot.querySelector('[part="container"]').textContent;
    const mixed = document.getElementById('mixed');
    texts.merged = mixed.strings.caption;
    texts.problems = mixed.shadowRoot.querySelector('[part="diagnostics"]').getAttribute('aria-label');
    texts.keys = Object.keys(defaults);
    // The live summary uses the strings too.
    mixed.required = 'oauth crm.objects.contacts.read';
    await mixed.updateComplete;
    return { texts, defaults };
  }, [SHOWCASE]);
  await page.clock.runFor(1500);
  const { texts, defaults } = res;
  assert.ok(texts.keys.length >= 20);
  assert.equal(texts.loading, '«loading»');
  assert.equal(texts.merged, '«caption»');
  const all = [texts.mixed, texts.unknown, texts.badname, texts.undocumented, texts.silent, texts.refused, texts.empty, texts.project].join('\n');
  // Every string the element has appears in the showcase, overridden (caption-app needs an app config's name).
  assert.equal(texts.problems, '«problems»');
  for (const k of texts.keys.filter((x) => !['loading', 'problems', 'caption-app', 'announce', 'announce-uncertain'].includes(x))) {
    assert.ok(all.includes(`«${k}`), `«${k}» is shown`);
  }
  assert.ok(texts.mixed.includes(`«summary:4:${N_PROFILES}»«summary-uncertain:10»«summary-end»`), texts.mixed);
  assert.ok(texts.unknown.includes(`«summary:0:${N_PROFILES}»«summary-shown:2»«summary-end»`), texts.unknown);
  assert.match(texts.mixed, /«column-tier»«column-status»«column-missing»/);
  // No default word is left in the element's own text (profile names and engine messages are data).
  for (const k of ['column-missing', 'cannot-check', 'empty', 'dropped', 'unverified', 'status-uncertain']) {
    assert.ok(!all.includes(defaults[k].trim()), `the default ${k} (${defaults[k]}) is gone`);
  }
  assert.doesNotMatch(all, /standard tiers/);
  assert.equal((await liveRegion(page, 'mixed')).text, `«announce ${N_PROFILES}/${N_PROFILES}»`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('custom-elements.json describes the running element: attributes, properties, events, parts, CSS properties', async () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'web', 'custom-elements.json'), 'utf8'));
  const decl = manifest.modules[0].declarations.find((d) => d.tagName === 'tierscope-preview');
  const { page, errors } = await open();
  await page.evaluate(() => {
    window.__events = new Set();
    for (const type of ['tierscope-change', 'tierscope-error']) document.addEventListener(type, (e) => window.__events.add(e.type));
  });
  await addShowcase(page);
  const real = await page.evaluate(() => {
    const C = customElements.get('tierscope-preview');
    const accessors = (o) => Object.entries(Object.getOwnPropertyDescriptors(o)).filter(([, d]) => d.get).map(([k, d]) => [k, Boolean(d.set)]);
    const parts = new Set();
    const props = new Set();
    for (const el of document.querySelectorAll('tierscope-preview')) {
      for (const n of el.shadowRoot.querySelectorAll('[part]')) for (const p of n.part) parts.add(p);
      for (const sheet of el.shadowRoot.adoptedStyleSheets) {
        for (const rule of sheet.cssRules) for (const m of rule.cssText.matchAll(/var\((--tierscope-[\w-]+)/g)) props.add(m[1]);
      }
    }
    return {
      observed: C.observedAttributes, events: [...window.__events].sort(),
      members: accessors(C.prototype).filter(([k]) => !k.startsWith('_')),
      statics: accessors(C).filter(([k]) => k !== 'observedAttributes'),
      parts: [...parts].sort(), props: [...props].sort(),
    };
  });
  assert.deepEqual(decl.attributes.map((a) => a.name).sort(), [...real.observed].sort());
  const fields = decl.members.filter((m) => !m.static);
  assert.deepEqual(fields.map((m) => m.name).sort(), real.members.map(([k]) => k).sort());
  for (const [name, writable] of real.members) {
    assert.equal(Boolean(fields.find((m) => m.name === name).readonly), !writable, `${name}: readonly in the manifest iff it has no setter`);
  }
  assert.deepEqual(decl.members.filter((m) => m.static).map((m) => m.name), real.statics.map(([k]) => k));
  assert.deepEqual(decl.events.map((e) => e.name).sort(), real.events);
  // Every part the manifest names is rendered by one of the showcase elements, and no other.
  assert.deepEqual(decl.cssParts.map((p) => p.name).sort(), real.parts);
  assert.deepEqual(decl.cssProperties.map((p) => p.name).sort(), real.props);
  assert.deepEqual(errors, []);
  await page.close();
});

test('properties set before the element is defined (engine, strings, attributes) apply once it upgrades', async () => {
  const { page, errors, requests } = await open();
  const res = await page.evaluate(async () => {
    const { createTierscope } = await import('/engine/tierscope.mjs');
    const el = document.createElement('tierscope-preview');  // not defined yet: a plain HTMLElement
    el.engine = createTierscope();
    el.strings = { 'column-tier': 'Plan' };
    el.required = 'automation';
    el.compact = true;
    document.body.append(el);
    const before = customElements.get('tierscope-preview');
    await import('/element/tierscope-preview.js');
    await el.updateComplete;
    return { before: before === undefined, th: el.shadowRoot.querySelector('thead th').textContent,
      attr: el.getAttribute('required'), compact: el.hasAttribute('compact'), rows: el.shadowRoot.querySelectorAll('tbody tr').length };
  });
  assert.deepEqual(res, { before: true, th: 'Plan', attr: 'automation', compact: true, rows: N_PROFILES });
  assert.ok(!requests.includes('/tierscope.mjs'), 'the engine given before the upgrade is used');
  assert.deepEqual(errors, []);
  await page.close();
});
