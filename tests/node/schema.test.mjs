// docs/report.schema.json against real outputs: every command's JSON from the native CLI and the JS
// API (and every parity-corpus report) validates; every JSON object carries schema_version.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, CLI, tierscope } from './helpers.mjs';
import { buildCorpus } from '../parity/corpus.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'report.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(schema);
const validator = (name) => ajv.getSchema(`${schema.$id}#/$defs/${name}`);
const whole = ajv.getSchema(schema.$id);

function assertValid(name, doc, what) {
  const validate = validator(name);
  assert.ok(validate, `$defs/${name} exists`);
  assert.ok(validate(doc), `${what} does not match $defs/${name}: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
  assert.ok(whole(doc), `${what} does not match the schema's oneOf: ${ajv.errorsText(whole.errors)}`);
  if (!Array.isArray(doc)) assert.equal(doc.schema_version, schema.$defs.schema_version.const, `${what}: schema_version`);
}

const tmp = mkdtempSync(join(tmpdir(), 'tierscope-schema-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name, text) => { const p = join(tmp, name); writeFileSync(p, text); return p; };
const CONFIG = JSON.stringify({ name: 'Demo', auth: { redirectUrls: ['https://x.example/cb'],
  requiredScopes: ['oauth', 'crm.objects.contacts.read'], optionalScopes: ['automation'], conditionallyRequiredScopes: ['tickets'] } });
const URL_TEXT = 'https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https%3A%2F%2Fx.example%2Fcb&scope=oauth%20automation';

function cli(args, expectCode = 0) {
  const r = spawnSync(CLI, args, { encoding: 'utf8' });
  assert.equal(r.status, expectCode, `tierscope ${args.join(' ')}: exit ${r.status}, ${r.stderr}`);
  return JSON.parse(r.stdout);
}

test('the native CLI: every command\'s --format json matches its definition', { skip: !existsSync(CLI) && 'no native CLI' }, () => {
  const cfg = file('public-app.json', CONFIG);
  const calls = file('calls.txt', 'GET /crm/v3/objects/contacts\nPOST /crm/v3/objects/deals\n');
  assertValid('check', cli(['check', '--format', 'json', '--required', 'oauth automation', '--optional', 'nope.scope']), 'check');
  assertValid('check', cli(['check', '--format=json', '--required', 'oauth automation', '--account', 'marketing=professional',
    '--require-install-on', 'free'], 1), 'check with an account and a failed gate');
  assertValid('check', cli(['check', '--format', 'json', cfg, '--url', URL_TEXT]), 'check CONFIG --url');
  assertValid('url', cli(['url', cfg, '--client-id', 'abc', '--format', 'json']), 'url');
  assertValid('migrate', cli(['migrate', '--scopes', 'contacts automation', '--format', 'json']), 'migrate');
  assertValid('diff', cli(['diff', file('old.txt', 'oauth contacts'), file('new.txt', 'oauth automation'), '--format', 'json']), 'diff');
  assertValid('scopes', cli(['scopes', '--format', 'json']), 'scopes');
  assertValid('calls', cli(['calls', calls, cfg, '--format', 'json']), 'calls');
});

test('the native CLI: check DIR, diff DIR DIR and calls --scan match their definitions', { skip: !existsSync(CLI) && 'no native CLI' }, () => {
  const projects = join(ROOT, 'tests', 'fixtures', 'projects');
  for (const name of ['kwtsms', 'crm-card-webhooks', 'bands']) assertValid('project', cli(['check', join(projects, name), '--format', 'json']), `check ${name}`);
  assertValid('project_diff', cli(['diff', join(projects, 'hdoom'), join(projects, 'kwtsms'), '--format', 'json']), 'diff of two projects');
  const src = join(tmp, 'code');
  mkdirSync(src);
  writeFileSync(join(src, 'a.js'), 'await hubspotClient.crm.contacts.basicApi.getPage();\n');
  assertValid('calls', cli(['calls', '--scan', src, '--format', 'json']), 'calls --scan');
});

test('the JS API: check, checkPair, parse, buildUrls, migrate, diff, scopes, calls', async () => {
  const ts = await tierscope();
  assertValid('check', ts.check({ required: 'oauth', conditional: 'automation' }, { account: { hubs: { sales: 'starter' } } }), 'check()');
  assertValid('check', ts.checkPair(CONFIG, URL_TEXT), 'checkPair()');
  assertValid('parse', ts.parse('oauth contacts crm.objects.contacts.read'), 'parse()');
  assertValid('url', ts.buildUrls(CONFIG, { clientId: '1' }), 'buildUrls()');
  assertValid('migrate', ts.migrate('contacts reports social'), 'migrate()');
  assertValid('diff', ts.diff('oauth', 'oauth tickets'), 'diff()');
  assertValid('scopes', ts.scopes('contacts'), 'scopes()');
  if (typeof ts.calls == 'function') assertValid('calls', await ts.calls('GET /crm/v3/objects/contacts', CONFIG), 'calls()');
});

test('every report of the parity corpus matches $defs/check', async () => {
  const ts = await tierscope();
  const corpus = buildCorpus();
  let n = 0;
  for (const c of [...corpus.text.map((t) => [t.input, t.options]), ...corpus.fields.map((f) => [f.fields, f.options])]) {
    let report;
    try {
      report = ts.check(Buffer.isBuffer(c[0]) ? new Uint8Array(c[0]) : c[0], c[1]);
    } catch {
      continue;  // input that cannot be read: no report
    }
    assertValid('check', report, `corpus input ${n}`);
    ++n;
  }
  assert.ok(n >= 100, `${n} reports checked`);
});

test('the schema rejects what is not a report (the validator is not vacuous)', async () => {
  const ts = await tierscope();
  const good = ts.check('oauth');
  const validate = validator('check');
  for (const [what, bad] of [
    ['no profiles', { ...good, profiles: undefined }],
    ['a status that is not a string', { ...good, profiles: [{ ...good.profiles[0], status: 7 }] }],
    ['another schema_version', { ...good, schema_version: 99 }],
    ['a diagnostic severity out of the set', { ...good, diagnostics: [{ severity: 'fatal', code: 'x', scope: null, message: 'm', suggestion: null }] }],
  ]) {
    assert.equal(validate(JSON.parse(JSON.stringify(bad))), false, what);
  }
});
