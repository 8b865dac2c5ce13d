// Browser test of <tierscope-preview> judging a whole HubSpot project (issue 20): the `project` property
// (a chosen folder's FileList, a {path: text} map, a .zip Blob) and the `project-src` attribute (a .zip on
// the page's own origin), judged by ts.checkProject() in the lazily loaded calls module. A real public
// project with code (tests/fixtures/projects-code/contract-signed-tab) gives the native CLI's report; a
// folder without hsproject.json is an error, never a verdict; another origin is refused before any
// request; a page without a project loads neither the reader nor the calls module. Served from a copy of
// build/site; no request leaves 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, N_PROFILES } from './lib.mjs';
import { useSite } from './setup.mjs';
import { zip, readTree } from './zip.mjs';

const REAL = join(ROOT, 'tests', 'fixtures', 'projects-code', 'contract-signed-tab');
const CLI = join(ROOT, 'build', 'cli', 'tierscope');

const HOSTILE = '<img src=x onerror="window.pwned=1">';
const DEMO = {
  'hsproject.json': JSON.stringify({ name: `demo ${HOSTILE}`, srcDir: 'src', platformVersion: '2025.2' }),
  'src/app/app-hsmeta.json': JSON.stringify({ uid: 'demo_app', type: 'app', config: { name: 'Demo', distribution: 'private',
    auth: { type: 'static', requiredScopes: ['oauth', 'crm.objects.contacts.read', 'automation'] } } }, null, 2),
  'src/app/cards/deal-card-hsmeta.json': JSON.stringify({ uid: 'deal_card', type: 'card', config: { name: 'Deals', location: 'crm.record.tab', objectTypes: ['deals'] } }, null, 2),
  'src/app/functions/sync.js': "const page = await hubspotClient.crm.contacts.basicApi.getPage(10);\n",
};

// A copy of the built site with a page holding the element, and the projects it reads.
const NEEDS = ['tierscope.mjs', 'tierscope-calls.wasm', 'element/tierscope-preview.js', 'element/tierscope-project-files.js'];
const site = useSite({ needs: NEEDS, prepare: (dir) => {
  writeFileSync(join(dir, 'p.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>project element</title></head><body>
<p><label for="folder">Project folder</label> <input type="file" id="folder" webkitdirectory multiple></p>
<tierscope-preview id="el"></tierscope-preview>
<script type="module">
import './element/tierscope-preview.js';
const el = document.getElementById('el');
window.events = [];
el.addEventListener('tierscope-change', (e) => window.events.push(['change', e.detail.coverage.profiles.total]));
el.addEventListener('tierscope-error', (e) => window.events.push(['error', e.detail.code, e.detail.message]));
document.getElementById('folder').addEventListener('change', (e) => { el.project = e.target.files; });
window.ready = true;
</script></body></html>\n`);
  mkdirSync(join(dir, 'zips'));
  writeFileSync(join(dir, 'zips', 'demo.zip'), zip(DEMO, 'demo'));
  writeFileSync(join(dir, 'zips', 'plain.zip'), zip({ 'index.js': 'console.log(1)\n', 'package.json': '{"name": "plain"}' }, 'plain'));
  mkdirSync(join(dir, 'plain'));
  writeFileSync(join(dir, 'plain', 'index.js'), 'console.log(1)\n');
} });

async function open() {
  const page = await site.browser.newPage();
  const { errors, requests } = site.record(page, { console: false }); // a missing .zip's 404 is logged on purpose
  await page.goto(`${site.server.origin}/p.html`);
  await page.waitForFunction(() => window.ready === true);
  // the empty element's first result (nothing to judge) is not what these tests look at
  await page.evaluate(async () => { await document.getElementById('el').updateComplete; window.events = []; });
  return { page, errors, requests };
}

/** What the element holds and shows once settled. */
const state = (page) => page.evaluate(async () => {
  const el = document.getElementById('el');
  await el.updateComplete;
  const root = el.shadowRoot;
  return {
    error: el.error, report: el.report, project: el.projectReport,
    about: root.querySelector('[part~="project"]')?.textContent ?? null,
    findings: [...root.querySelectorAll('[part~="project-findings"] li')].map((li) => li.textContent),
    summary: root.querySelector('[part~="summary"]')?.textContent ?? null,
    rows: root.querySelectorAll('tbody tr').length,
    alert: root.querySelector('[role="alert"]')?.textContent ?? null,
    imgs: root.querySelectorAll('img').length, pwned: window.pwned === 1, events: window.events,
  };
});

test('no project: the element loads neither the project reader nor the calls module', async () => {
  const { page, errors, requests } = await open();
  await page.evaluate(async () => { const el = document.getElementById('el'); el.required = 'oauth'; await el.updateComplete; });
  const s = await state(page);
  assert.equal(s.rows, N_PROFILES);
  assert.equal(s.project, null);
  assert.ok(!requests.some((r) => r.endsWith('/tierscope-project-files.js') || r.endsWith('/tierscope-calls.mjs')), requests.join(' '));
  assert.deepEqual(errors, []);
  await page.close();
});

test('project = a chosen folder (FileList) of a real project with code: the CLI\'s report, findings at file:line', async () => {
  const { page, errors, requests } = await open();
  await page.setInputFiles('#folder', REAL);
  await page.waitForFunction(() => document.getElementById('el').projectReport !== null, null, { timeout: 30000 });
  const s = await state(page);
  assert.equal(s.error, null);
  assert.equal(s.project.project.name, 'contract_signed_tab');
  assert.match(s.about, /^Project contract_signed_tab · platform version 2025\.1$/);
  assert.deepEqual(s.report, s.project.check);
  assert.equal(s.rows, s.report.profiles.length);
  assert.match(s.summary, new RegExp(`^Installs on ${s.report.coverage.profiles.installs} of ${s.report.coverage.profiles.total} standard tiers`));
  // the calls no requested scope covers, each at its file and line; the scope nothing needs
  assert.ok(s.findings.includes('Error: src/app/app.functions/uploadFile.js:9: Covered by no requested scope (HubSpot answers 403): POST /files/v3/files'), s.findings.join('\n'));
  assert.ok(s.findings.includes('Error: src/app/app.functions/example-function.js:76: Covered by no requested scope (HubSpot answers 403): GET /crm-pipelines/v1/pipelines/deals'));
  assert.ok(s.findings.includes('Warning: Asked for, needed by no feature or call found: crm.objects.contacts.write'));
  // the same document as the native CLI's check DIR (byte-identical contract)
  if (existsSync(CLI)) {
    const cli = spawnSync(CLI, ['check', REAL, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(s.project, JSON.parse(cli.stdout));
  }
  assert.deepEqual(s.events, [['change', s.report.coverage.profiles.total]]);
  assert.ok(requests.some((r) => r.endsWith('/element/tierscope-project-files.js')));
  assert.ok(requests.some((r) => r.endsWith('/tierscope-calls.mjs')));
  assert.deepEqual(site.browser.blocked, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('project = {path: text} gives the CLI\'s report too; a .zip Blob is read; null goes back to the attributes', async () => {
  const { page, errors } = await open();
  const files = readTree(REAL);
  const a = await page.evaluate(async (f) => {
    const el = document.getElementById('el');
    el.project = f;
    await el.updateComplete;
    return el.projectReport;
  }, files);
  assert.equal(a.project.name, 'contract_signed_tab');
  if (existsSync(CLI)) assert.deepEqual(a, JSON.parse(spawnSync(CLI, ['check', REAL, '--format', 'json'], { encoding: 'utf8' }).stdout));
  const b = await page.evaluate(async () => {
    const el = document.getElementById('el');
    el.project = await (await fetch('zips/demo.zip')).blob();
    await el.updateComplete;
    return { report: el.projectReport, rows: el.shadowRoot.querySelectorAll('tbody tr').length };
  });
  assert.equal(b.report.project.name, `demo ${HOSTILE}`);
  assert.equal(b.report.project.platform_version, '2025.2');
  assert.deepEqual(b.report.calls.calls.map((c) => [c.file, c.line]), [['src/app/functions/sync.js', 1]]);
  assert.ok(b.rows > 0);
  const c = await page.evaluate(async () => {
    const el = document.getElementById('el');
    el.project = null;
    el.required = 'oauth';
    await el.updateComplete;
    return { project: el.projectReport, about: el.shadowRoot.querySelector('[part~="project"]'), scopes: el.report.request.required };
  });
  assert.equal(c.project, null);
  assert.equal(c.about, null);
  assert.deepEqual(c.scopes, ['oauth']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('project-src: a same-origin .zip; hostile names stay text; another origin is refused before any request', async () => {
  const { page, errors, requests } = await open();
  await page.evaluate(() => { document.getElementById('el').setAttribute('project-src', 'zips/demo.zip'); });
  await page.waitForFunction(() => document.getElementById('el').projectReport !== null, null, { timeout: 30000 });
  const s = await state(page);
  assert.ok(s.about.includes(HOSTILE), 'the name is shown as text');
  assert.equal(s.imgs, 0);
  assert.equal(s.pwned, false);
  // the card on deals needs crm.objects.deals.read, which the app does not ask for; automation is unused
  assert.ok(s.findings.some((f) => f.startsWith('Error: src/app/cards/deal-card-hsmeta.json:')), s.findings.join('\n'));
  assert.ok(s.findings.includes('Warning: Asked for, needed by no feature or call found: automation'));
  assert.ok(requests.includes('/zips/demo.zip'));
  const far = await page.evaluate(async () => {
    const el = document.getElementById('el');
    el.projectSrc = 'http://example.com/p.zip';
    await el.updateComplete;
    return { error: el.error, report: el.report, project: el.projectReport, rows: el.shadowRoot.querySelectorAll('tbody tr').length };
  });
  assert.equal(far.error.code, 'project-read-error');
  assert.match(far.error.message, /^project-src must be on this page's origin \(http:\/\/127\.0\.0\.1:\d+\), not http:\/\/example\.com$/);
  assert.equal(far.report, null);
  assert.equal(far.project, null);
  assert.equal(far.rows, 0);
  assert.deepEqual(site.browser.blocked, []);
  const missing = await page.evaluate(async () => {
    const el = document.getElementById('el');
    el.projectSrc = 'zips/none.zip';
    await el.updateComplete;
    return el.error;
  });
  assert.deepEqual(missing, { code: 'project-read-error', message: 'project-src /zips/none.zip: HTTP 404' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad folder (no HubSpot project): a clear error, no verdict', async () => {
  for (const how of ['folder', 'zip']) {
    const { page, errors } = await open();
    if (how === 'folder') await page.setInputFiles('#folder', join(site.dir, 'plain'));
    else await page.evaluate(() => { document.getElementById('el').projectSrc = 'zips/plain.zip'; });
    await page.waitForFunction(() => document.getElementById('el').error !== null, null, { timeout: 30000 });
    const s = await state(page);
    assert.match(s.error.message, /holds no HubSpot project: looked for hsproject\.json/, how);
    assert.match(s.alert, /hsproject\.json/, how);
    assert.equal(s.report, null, how);
    assert.equal(s.project, null, how);
    assert.equal(s.rows, 0, `${how}: no table`);
    assert.equal(s.summary, null, `${how}: no summary`);
    assert.deepEqual(s.events.map((e) => e[0]), ['error'], how);
    assert.deepEqual(errors, [], how);
    await page.close();
  }
});
