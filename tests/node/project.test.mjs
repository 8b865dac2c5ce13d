// Whole HubSpot projects in the JS API (issue 20): ts.checkProject, ts.diffProjects and ts.scanCalls give
// the native CLI's JSON byte for byte (`check DIR`, `diff DIR DIR`, `calls --scan DIR`, --format json)
// for the real public projects of tests/fixtures/projects and a project with code made here. Each whole
// folder is handed over, every file (node_modules, dist, a picture, a file over 1 MiB included): the
// core leaves out what the CLI's walk leaves out, so the answers agree.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CLI, ROOT, tierscope } from './helpers.mjs';

const PROJECTS = join(ROOT, 'tests', 'fixtures', 'projects');
const scratch = mkdtempSync(join(tmpdir(), 'tierscope-project-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Every file under dir as {path: text} ('/' separated, relative to dir), nothing left out. */
function allFiles(dir) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function cli(args) {
  const r = spawnSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: scratch });
  if (r.error) throw r.error;
  return r;
}

/** Writes {path: text} under a new folder; returns the folder. */
function folder(name, files) {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const HSPROJECT = JSON.stringify({ name: 'made-here', srcDir: 'src', platformVersion: '2025.2' });
const appMeta = (scopes) => JSON.stringify({
  uid: 'made_here', type: 'app',
  config: { name: 'Made here', distribution: 'marketplace', auth: { type: 'oauth', redirectUrls: ['http://localhost:3000/oauth-callback'], ...scopes } },
}, null, 2);
const CARD = JSON.stringify({ uid: 'deal_card', type: 'card', config: { name: 'Deal card', location: 'crm.record.tab', objectTypes: ['deals'] } }, null, 2);
const CODE = {
  'src/app/functions/sync.js': [
    "const hubspot = require('@hubspot/api-client');",
    'const page = await hubspotClient.crm.contacts.basicApi.getPage(10);',
    'await axios.post(`https://api.hubapi.com/crm/v3/objects/tickets/${id}`);',
    '',
  ].join('\n'),
  'tools/report.py': 'found = client.crm.companies.search_api.do_search(public_object_search_request=req)\n',
  // Left out by the CLI's walk, and so by the core: calls here must not count.
  'node_modules/x/index.js': 'await hubspotClient.crm.quotes.basicApi.getPage();\n',
  'dist/bundle.js': 'await hubspotClient.crm.lineItems.basicApi.getPage();\n',
  'src/app/functions/package-lock.json': '{"lockfileVersion": 3}\n',
  'src/app/big.js': `// ${'x'.repeat(1100000)}\nawait hubspotClient.crm.products.basicApi.getPage();\n`,
  'src/logo.svg': '<svg/>',
};
const MADE = {
  'hsproject.json': HSPROJECT,
  'src/app/app-hsmeta.json': appMeta({ requiredScopes: ['oauth', 'crm.objects.contacts.read', 'automation'], optionalScopes: ['content'] }),
  'src/app/cards/deal-card-hsmeta.json': CARD,
  ...CODE,
};

test('checkProject: the CLI\'s `check DIR --format json` byte for byte, on every real project of tests/fixtures/projects', async () => {
  const ts = await tierscope();
  const names = readdirSync(PROJECTS).filter((n) => statSync(join(PROJECTS, n)).isDirectory());
  assert.ok(names.length >= 10, `at least 10 real projects (found ${names.length})`);
  for (const name of names) {
    const dir = join(PROJECTS, name);
    const native = cli(['check', '--format', 'json', dir]);
    const files = allFiles(dir);
    if (native.status === 2) {
      await assert.rejects(ts.checkProjectJson(files), (e) => native.stderr.includes(e.message), `${name}: the CLI said ${native.stderr}`);
      continue;
    }
    assert.equal(await ts.checkProjectJson(files) + '\n', native.stdout, `${name}: wasm and CLI differ`);
  }
});

test('checkProject: a project with code, whole folder handed over (node_modules, dist, big files left out as the CLI does)', async () => {
  const ts = await tierscope();
  const dir = folder('made', MADE);
  const native = cli(['check', '--format', 'json', dir]);
  assert.equal(native.status, 0, native.stderr);
  const json = await ts.checkProjectJson(allFiles(dir));
  assert.equal(json + '\n', native.stdout);
  const r = JSON.parse(json);
  assert.equal(r.project.platform_version, '2025.2');
  assert.deepEqual(r.features.map((f) => f.kind), ['card']);
  const found = r.calls.calls.map((c) => `${c.file}:${c.line} ${c.via}`).sort();
  assert.deepEqual(found, ['src/app/functions/sync.js:2 client', 'src/app/functions/sync.js:3 literal', 'tools/report.py:1 client']);
  // automation and content: nothing needs them (over-asking); the card's deals read scope is missing.
  assert.deepEqual(r.calls.unused.map((u) => u.scope).sort(), ['automation', 'content']);
  assert.ok(r.diagnostics.some((d) => d.code === 'feature-scope-missing' && d.scope === 'crm.objects.deals.read'));
  assert.ok(r.least_privilege_auth.requiredScopes.includes('crm.objects.deals.read'));
  assert.ok(!r.least_privilege_auth.requiredScopes.includes('automation'));
  assert.equal(r.check.profiles.length, r.check.coverage.profiles.total);
  // The same files as [{path, text}], and as UTF-8 bytes: the same answer.
  const list = Object.entries(allFiles(dir)).map(([path, text]) => ({ path, text: new TextEncoder().encode(text) }));
  assert.equal(await ts.checkProjectJson(list), json);
  // Options reach the check report, as the CLI's --profile does.
  const one = await ts.checkProject(allFiles(dir), { profiles: ['free'] });
  assert.deepEqual(one.check.profiles.map((p) => p.id), ['free']);
  assert.equal(await ts.checkProjectJson(allFiles(dir), { profiles: ['free'] }) + '\n', cli(['check', '--format', 'json', '--profile', 'free', dir]).stdout);
});

test('scanCalls and diffProjects: `calls --scan DIR` and `diff DIR DIR` byte for byte', async () => {
  const ts = await tierscope();
  const dir = join(scratch, 'made');
  const scan = cli(['calls', '--scan', dir, '--format', 'json']);
  assert.equal(scan.status, 0, scan.stderr);
  assert.equal(await ts.scanCallsJson(allFiles(dir)) + '\n', scan.stdout);
  const config = readFileSync(join(dir, 'src/app/app-hsmeta.json'), 'utf8');
  const against = cli(['calls', '--scan', dir, join(dir, 'src/app/app-hsmeta.json'), '--format', 'json']);
  assert.equal(against.status, 0, against.stderr);
  assert.equal(await ts.scanCallsJson(allFiles(dir), config) + '\n', against.stdout);
  // After: static auth, private distribution (uninstalls everywhere), a webhook on tickets (its read scope: tickets).
  const after = folder('made-after', {
    ...MADE,
    'src/app/app-hsmeta.json': JSON.stringify({ uid: 'made_here', type: 'app', config: { name: 'Made here', distribution: 'private', auth: { type: 'static', requiredScopes: ['crm.objects.contacts.read'] } } }),
    'src/app/webhooks/webhooks-hsmeta.json': JSON.stringify({ uid: 'hooks', type: 'webhooks', config: { settings: { targetUrl: 'https://example.com/h' }, subscriptions: { crmObjects: [{ subscriptionType: 'object.creation', objectType: 'ticket', active: true }] } } }),
  });
  const diff = cli(['diff', '--format', 'json', dir, after]);
  assert.equal(diff.status, 0, diff.stderr);
  const json = await ts.diffProjectsJson(allFiles(dir), allFiles(after));
  assert.equal(json + '\n', diff.stdout);
  const d = JSON.parse(json);
  assert.deepEqual(d.warnings.map((w) => w.code).sort(), ['auth-type-change', 'distribution-change']);
  assert.ok(d.feature_changes.some((c) => c.change === 'added' && c.kind === 'webhooks' && c.adds_scopes.includes('tickets')));
});

test('checkProject: a folder with no HubSpot project is an error, in the CLI\'s words', async () => {
  const ts = await tierscope();
  const dir = folder('no-project', { 'src/index.js': 'console.log(1)\n', 'package.json': '{}' });
  const native = cli(['check', '--format', 'json', dir]);
  assert.equal(native.status, 2);
  await assert.rejects(ts.checkProject(allFiles(dir)), (e) => {
    assert.equal(e.code, 'parse-error');
    assert.match(e.message, /hsproject\.json/);
    assert.equal(native.stderr, `tierscope: ${dir}: ${e.message}\n`);
    return true;
  });
});

test('project files: bad shapes are errors with a code, never a crash', async () => {
  const ts = await tierscope();
  for (const bad of [null, 42, 'hsproject.json', [{ path: '', text: '' }], [{ path: 'a.json' }], [1], { 'a.json': 7 }]) {
    await assert.rejects(ts.checkProject(bad), (e) => e instanceof Error && e.code === 'parse-error' && !/\n/.test(e.message), String(JSON.stringify(bad)));
  }
  await assert.rejects(ts.scanCalls([{ path: 'a.js', text: '' }, { path: 'a.js', text: '' }]), /given twice/);
  await assert.rejects(ts.diffProjects({}, 5), (e) => e.code === 'parse-error' && /after/.test(e.message));
  // More than 64 MiB together: refused before anything is copied into the module.
  const big = {};
  for (let i = 0; i < 65; i++) big[`src/f${i}.js`] = 'x'.repeat(1024 * 1024 - 1);
  await assert.rejects(ts.scanCalls(big), (e) => e.code === 'input-too-large');
});

test('checkProject and scanCalls on the real projects with code (tests/fixtures/projects-code): the CLI\'s JSON byte for byte', async () => {
  const ts = await tierscope();
  const root = join(ROOT, 'tests', 'fixtures', 'projects-code');
  const names = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory());
  assert.ok(names.length >= 3, `at least 3 real projects with code (found ${names.length})`);
  for (const name of names) {
    const dir = join(root, name);
    const check = cli(['check', '--format', 'json', dir]);
    assert.equal(check.status, 0, `${name}: ${check.stderr}`);
    const json = await ts.checkProjectJson(allFiles(dir));
    assert.equal(json + '\n', check.stdout, `${name}: wasm and CLI differ`);
    const doc = JSON.parse(json);
    assert.ok(doc.calls.calls.length >= 1, `${name}: the calls in its code are found`);
    for (const c of doc.calls.calls) assert.ok(c.file && c.line >= 1, `${name}: ${c.method} ${c.path} has its file and line`);
    const scan = cli(['calls', '--scan', dir, '--format', 'json']);
    assert.equal(scan.status, 0, scan.stderr);
    assert.equal(await ts.scanCallsJson(allFiles(dir)) + '\n', scan.stdout, `${name}: scanCalls and calls --scan differ`);
  }
});
