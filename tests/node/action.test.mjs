// The GitHub Action's entry (action/entry.mjs) run as a runner runs it: INPUT_* variables,
// GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, the package's bin (TIERSCOPE_BIN). Also its
// pre-commit mode (.pre-commit-hooks.yaml).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, WASM_DIR } from './helpers.mjs';

const ENTRY = join(ROOT, 'action', 'entry.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'tierscope-action-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name, text) => { const p = join(tmp, name); writeFileSync(p, text); return p; };

function runAction(inputs) {
  const summary = file('summary.md', ''), output = file('output.txt', '');
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GITHUB_ACTIONS: 'true', RUNNER_TEMP: tmp,
    GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, TIERSCOPE_BIN: join(WASM_DIR, 'tierscope-bin.cjs') };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  const r = spawnSync(process.execPath, [ENTRY], { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8') };
}

// The standard profiles of the built-in catalog (the count follows the model: issue 24 item 10).
const PROFILES = JSON.parse(readFileSync(join(ROOT, 'data', 'hubspot-scopes.json'), 'utf8')).profiles.length;

const CONFIG = '{\n  "name": "Demo",\n  "auth": {\n    "requiredScopes": ["oauth", "automation", "crm.object.contacts.read"],\n    "optionalScopes": ["tickets"]\n  }\n}\n';

test('a failed gate fails the step; summary, output and annotations with file and line', () => {
  const cfg = file('public-app.json', CONFIG);
  const r = runAction({ input: cfg, 'require-install-on': 'marketing-professional, free' });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.summary, new RegExp(`^### tierscope: installs on 0 of ${PROFILES} standard tiers`));
  assert.match(r.summary, /\*\*Gate: ❌ failed\*\* on marketing-professional, free/);
  assert.equal(r.output, 'gate=failed\n');
  // the unknown scope is on line 4 of the file
  assert.match(r.stdout, new RegExp(`^::error file=${cfg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=4,title=tierscope unknown-scope::`, 'm'));
  assert.match(r.stdout, /^::error title=tierscope gate::must install on marketing-professional, free, but does not$/m);
});

test('a passing gate passes; an install URL as input; format json in the log', () => {
  const ok = runAction({ input: 'https://app.hubspot.com/oauth/authorize?client_id=1&scope=oauth%20automation',
    'require-install-on': 'marketing-professional', format: 'json' });
  assert.equal(ok.status, 0, ok.stdout);
  assert.equal(ok.output, 'gate=passed\n');
  assert.match(ok.summary, /\*\*Gate: ✅ passed\*\*/);
  assert.equal(JSON.parse(ok.stdout.slice(ok.stdout.indexOf('{'))).gate.ok, true);
  const none = runAction({ input: file('list.txt', 'oauth\ncontacts\n') });
  assert.equal(none.status, 0);
  assert.equal(none.output, 'gate=none\n');
  assert.match(none.stdout, /^::error file=.*list\.txt,line=2,title=tierscope retired-scope::/m);
});

test('allow-unknown and allow-uncertain: inputs that pass the CLI flags to the gate', () => {
  // marketing-professional: automation installs, crm.object.contacts.read is unknown-scope (newer than the catalog?)
  const cfg = file('unknown-app.json', CONFIG);
  const strict = runAction({ input: cfg, 'require-install-on': 'marketing-professional' });
  assert.equal(strict.status, 1, strict.stdout);
  assert.equal(strict.output, 'gate=failed\n');
  const uncertainOnly = runAction({ input: cfg, 'require-install-on': 'marketing-professional', 'allow-uncertain': 'true' });
  assert.equal(uncertainOnly.status, 1, uncertainOnly.stdout);
  const allowed = runAction({ input: cfg, 'require-install-on': 'marketing-professional', 'allow-unknown': 'true' });
  assert.equal(allowed.status, 0, allowed.stdout);
  assert.equal(allowed.output, 'gate=passed\n');
  assert.match(allowed.summary, /\*\*Gate: ✅ passed\*\*/);
  // uncertain: automation on sales-professional (the sources disagree)
  const list = file('automation.txt', 'oauth automation\n');
  assert.equal(runAction({ input: list, 'require-install-on': 'sales-professional' }).status, 1);
  assert.equal(runAction({ input: list, 'require-install-on': 'sales-professional', 'allow-unknown': 'true' }).status, 1);
  const passed = runAction({ input: list, 'require-install-on': 'sales-professional', 'allow-uncertain': 'true', 'allow-unknown': 'false' });
  assert.equal(passed.status, 0, passed.stdout);
  const bad = runAction({ input: list, 'require-install-on': 'free', 'allow-unknown': 'yes' });
  assert.equal(bad.status, 2);
  assert.match(bad.stdout, /^::error title=tierscope::input allow-unknown must be true or false \(got "yes"\)$/m);
  // action.yml declares both inputs and passes them to the entry
  const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  for (const name of ['allow-uncertain', 'allow-unknown']) {
    assert.match(yml, new RegExp(`^  ${name}:\\n    description: .*--${name}\\.\\n    required: false\\n    default: 'false'$`, 'm'));
    assert.match(yml, new RegExp(`INPUT_${name.toUpperCase().replace('-', '_')}: \\$\\{\\{ inputs\\.${name} \\}\\}`));
  }
});

test('unreadable input: an error annotation on the file, exit 2; an empty request fails the gate', () => {
  const bad = runAction({ input: file('bad.json', '{"auth": {"requiredScopes": ["oauth",]}}') });
  assert.equal(bad.status, 2);
  assert.match(bad.stdout, /^::error file=.*bad\.json,line=1,title=tierscope::.*bad\.json: the input: invalid JSON at line 1/m);
  const empty = runAction({ input: file('empty.txt', '\n'), 'require-install-on': 'free' });
  assert.equal(empty.status, 1);
});

test('pre-commit mode: each file checked; a gate or an error diagnostic fails', () => {
  const good = file('good-hsmeta.json', '{"config": {"auth": {"requiredScopes": ["oauth"]}}}');
  const cfg = file('app.json', CONFIG);
  const env = { ...process.env, TIERSCOPE_BIN: join(WASM_DIR, 'tierscope-bin.cjs') };
  const run = (args) => spawnSync(process.execPath, [ENTRY, '--pre-commit', ...args], { env, encoding: 'utf8' });
  assert.equal(run([good]).status, 0);
  assert.equal(run([good, '--require-install-on', 'free']).status, 0);
  const r = run([good, cfg]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /unknown-scope/);
});

// A HubSpot project folder: each finding annotated at its own file and line (the native CLI as the bin).
const NATIVE = CLI;
test('a project folder: findings annotated at their file and line', { skip: !existsSync(NATIVE) && 'no native CLI' }, () => {
  const dir = join(tmp, 'project');
  mkdirSync(join(dir, 'src', 'app', 'cards'), { recursive: true });
  writeFileSync(join(dir, 'hsproject.json'), '{"name": "p", "srcDir": "src", "platformVersion": "2025.2"}');
  writeFileSync(join(dir, 'src', 'app', 'app-hsmeta.json'),
    '{\n  "uid": "p",\n  "type": "app",\n  "config": {\n    "distribution": "private",\n    "auth": {"type": "static", "requiredScopes": ["oauth"]}\n  }\n}\n');
  writeFileSync(join(dir, 'src', 'app', 'cards', 'deal-hsmeta.json'),
    '{\n  "uid": "deal_card",\n  "type": "card",\n  "config": {\n    "objectTypes": ["deals"]\n  }\n}\n');
  const summary = file('summary-p.md', ''), output = file('output-p.txt', '');
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GITHUB_ACTIONS: 'true', RUNNER_TEMP: tmp,
    GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, TIERSCOPE_BIN: NATIVE, INPUT_INPUT: dir, INPUT_REQUIRE_INSTALL_ON: 'free' };
  const r = spawnSync(process.execPath, [ENTRY], { env, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stdout + r.stderr);  // the project's error fails the gate
  const card = join(dir, 'src', 'app', 'cards', 'deal-hsmeta.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  assert.match(r.stdout, new RegExp(`^::error file=${card},line=5,title=tierscope feature-scope-missing::`, 'm'));
  assert.equal(readFileSync(output, 'utf8'), 'gate=failed\n');
});

// The `project` input (issue 20): `check DIR` on a real project with code (tests/fixtures/projects-code),
// each finding at its file and line; a folder with no project fails with the CLI's message.
function runProject(inputs) {
  const summary = file('summary-q.md', ''), output = file('output-q.txt', '');
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GITHUB_ACTIONS: 'true', RUNNER_TEMP: tmp,
    GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, TIERSCOPE_BIN: NATIVE };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  const r = spawnSync(process.execPath, [ENTRY], { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8') };
}
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the project input: uncovered calls at their file and line, unused scopes at the app config', { skip: !existsSync(NATIVE) && 'no native CLI' }, () => {
  const dir = join(ROOT, 'tests', 'fixtures', 'projects-code', 'contract-signed-tab');
  const r = runProject({ project: dir });
  assert.equal(r.status, 0, r.stdout);
  assert.equal(r.output, 'gate=none\n');
  assert.match(r.summary, /^### HubSpot project contract\\_signed\\_tab · platform version 2025\.1$/m);
  assert.match(r.summary, /^- ❌ not covered \(403\): POST \/files\/v3\/files at src\/app\/app\.functions\/uploadFile\.js:9$/m);
  const fn = join(dir, 'src', 'app', 'app.functions');
  assert.match(r.stdout, new RegExp(`^::warning file=${esc(join(fn, 'uploadFile.js'))},line=9,title=tierscope uncovered::POST /files/v3/files is covered by no requested scope \\(HubSpot answers 403\\): ask for files or `, 'm'));
  assert.match(r.stdout, new RegExp(`^::warning file=${esc(join(fn, 'example-function.js'))},line=76,title=tierscope uncovered::GET /crm-pipelines/v1/pipelines/deals `, 'm'));
  // the unused scope, at its own line of app.json
  const app = join(dir, 'src', 'app', 'app.json');
  const line = readFileSync(app, 'utf8').split('\n').findIndex((l) => l.includes('"crm.objects.contacts.write"')) + 1;
  assert.ok(line > 1);
  assert.match(r.stdout, new RegExp(`^::notice file=${esc(app)},line=${line},title=tierscope unused::crm\\.objects\\.contacts\\.write \\(required\\) is asked for but no feature or call found in the code needs it$`, 'm'));
  // a call's own diagnostic at the call: deal-close-card's GraphQL call and the data scopes its query needs
  const dc = join(ROOT, 'tests', 'fixtures', 'projects-code', 'deal-close-card');
  const g = runProject({ project: dc });
  assert.equal(g.status, 0, g.stdout);
  assert.match(g.stdout, new RegExp(`^::notice file=${esc(join(dc, 'src', 'app', 'app.functions', 'fetchLineItems.js'))},line=46,title=tierscope query-data-scopes::POST /collector/graphql `, 'm'));
  assert.doesNotMatch(g.stdout, /title=tierscope unused::collector\./);
  // the same folder through `input` gives the same annotations
  const same = runProject({ input: dir });
  assert.equal(same.stdout, r.stdout);
});

test('the project input: a folder with no HubSpot project, a file, both inputs: the step fails with the message', { skip: !existsSync(NATIVE) && 'no native CLI' }, () => {
  const empty = join(tmp, 'not-a-project');
  mkdirSync(join(empty, 'src'), { recursive: true });
  writeFileSync(join(empty, 'package.json'), '{"name": "x"}');
  const r = runProject({ project: empty, 'require-install-on': 'free' });
  assert.equal(r.status, 2, r.stdout);
  assert.match(r.stdout, /^::error title=tierscope::.*not-a-project: this directory holds no HubSpot project: looked for hsproject\.json/m);
  assert.doesNotMatch(r.stdout, /gate/);
  assert.equal(r.output, '');  // no gate written: nothing was judged
  const notDir = runProject({ project: join(empty, 'package.json') });
  assert.equal(notDir.status, 2);
  assert.match(notDir.stdout, /^::error title=tierscope::project ".*package\.json" is not a folder/m);
  const missing = runProject({ project: join(tmp, 'nowhere') });
  assert.equal(missing.status, 2);
  assert.match(missing.stdout, /^::error title=tierscope::project ".*nowhere": no such folder$/m);
  const both = runProject({ project: empty, input: join(empty, 'package.json') });
  assert.equal(both.status, 2);
  assert.match(both.stdout, /^::error title=tierscope::give either input or project, not both$/m);
  // action.yml declares the input and passes it
  const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  assert.match(yml, /^  project:\n    description: A HubSpot developer project folder/m);
  assert.match(yml, /INPUT_PROJECT: \$\{\{ inputs\.project \}\}/);
});
