// ts.calls(): the calls module loads lazily, gives the CLI's JSON byte for byte (`tierscope calls
// FILE [CONFIG] --format json`), reports errors as the CLI does, and stays out of the main module.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, PROFILE_IDS, WASM_DIR, tierscope } from './helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'tierscope-calls-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const har = (entries) => JSON.stringify({ log: { version: '1.2', creator: { name: 't' },
  entries: entries.map(([method, url]) => ({ request: { method, url, headers: [] }, response: { status: 200 } })) } }, null, 2);
const HAR = har([['GET', 'https://api.hubapi.com/crm/v3/objects/contacts?limit=5'], ['GET', 'https://cdn.example.com/a.js'],
  ['POST', 'https://api.hubapi.com/crm/v3/objects/deals/search'], ['PUT', 'https://api.hubapi.com/crm/v4/objects/contacts/1/associations/companies/2'],
  ['GET', 'https://api-eu1.hubapi.com/crm/v3/owners/'], ['OPTIONS', 'https://api.hubapi.com/crm/v3/objects/deals']]);
const CONFIG = JSON.stringify({ auth: { requiredScopes: ['oauth', 'crm.objects.contacts.read', 'automation'], optionalScopes: ['content'] } });

// [name, calls text, config text or null]
const CASES = [
  ['lines with ids and templates', 'GET /crm/v3/objects/contacts/123\nPATCH /crm/v3/objects/contacts/{contactId}\nPOST /crm/v3/objects/0-3\n', null],
  ['URLs, hosts, queries, trailing slashes', 'https://api.hubapi.com/crm/v3/objects/companies/?limit=1\nDELETE https://api-eu1.hubapi.com/crm/v3/objects/tickets/9/\n', null],
  ['generic objects and associations', 'GET /crm/v3/objects/0-1/5\nPOST /crm/v3/objects/companies/merge\nPUT /crm/v4/objects/contacts/1/associations/deals/2\nGET /crm/v3/objects/{objectType}\n', null],
  ['versions, legacy, unmatched, bad lines', 'GET /crm/objects/2026-03/contacts/1\nGET /crm/v9/objects/deals\nGET /contacts/v1/lists\nFETCH /x\nGET /nope/v1/zzz\nnot a call\n', null],
  ['tier-limited scopes', 'GET /automation/v4/flows\nGET /crm/v3/objects/contacts\nGET /marketing/v3/campaigns\n', null],
  ['curl commands over several lines', 'curl -s "https://api.hubapi.com/crm/v3/objects/deals/search" \\\n  -H "Authorization: Bearer x" \\\n  -d \'{\n  "limit": 5\n}\' | jq .\ncurl -X PATCH https://api.hubapi.com/crm/v3/objects/contacts/7\n', null],
  ['legacy and renamed families, retired lists', 'GET /contacts/v1/lists/all/contacts/all\nGET /settings/v3/users\nPUT /crm/v3/objects/contacts/1/associations/companies/2/279\nPOST /crm/v3/objects/companies/gdpr-delete\nGET /engagements/v1/engagements/paged\nPOST /crm/v3/objects/fees/merge\nPOST /marketing/v3/emails/{id}/clone\n', null],
  ['generic objects against a config (may_be_needed, covered_by)', 'GET /crm/v3/objects/{objectType}/1\nPOST /crm/v3/objects/deals\nGET /automation/v4/flows\n', JSON.stringify({ auth: { requiredScopes: ['oauth', 'crm.objects.custom.read'] } })],
  ['a GraphQL call against a config (may_be_needed by GraphQL calls)', 'POST https://api.hubapi.com/collector/graphql\nGET /crm/v3/objects/{objectType}/1\n', JSON.stringify({ auth: { requiredScopes: ['oauth', 'collector.graphql_schema.read', 'collector.graphql_query.execute', 'crm.objects.contacts.read', 'hubdb', 'e-commerce', 'crm.objects.deals.write'] } })],
  ['unmatched calls against a config (unused-uncertain)', 'GET /crm/v3/objects/deals/1\nGET /nothing/v9/here\n', JSON.stringify({ auth: { requiredScopes: ['oauth', 'crm.objects.deals.read', 'forms'] } })],
  ['a HAR file', HAR, null],
  ['a cut-off HAR file', HAR.slice(0, Math.floor(HAR.length * 0.6)), null],
  ['with an app config', 'GET /crm/v3/objects/contacts/1\nPOST /crm/v3/objects/deals\n', CONFIG],
  ['with an install URL', 'GET /crm/v3/objects/contacts/1\n', 'https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https://x.example/cb&scope=oauth%20crm.objects.contacts.read%20tickets'],
  ['nothing', '\n# only a comment\n', null],
  ['not a HAR (error)', '{"scopes": []}', null],
  ['invalid JSON (error)', '{"log": {"entries": [}}', null],
  ['bad app config (error)', 'GET /crm/v3/objects/contacts/1', '{"auth": '],
];

function cli(calls, config) {
  const files = [join(scratch, 'calls.txt')];
  writeFileSync(files[0], calls);
  if (config !== null) {
    files.push(join(scratch, 'config.txt'));
    writeFileSync(files[1], config);
  }
  const r = spawnSync(CLI, ['calls', ...files, '--format', 'json'], { maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

test('calls: the CLI and ts.callsJson() give the same JSON, or the same error', async () => {
  const ts = await tierscope();
  for (const [name, calls, config] of CASES) {
    const c = cli(calls, config);
    let out = null; let error = null;
    try { out = await ts.callsJson(calls, config); } catch (e) { error = e; }
    if (c.status === 2) {
      assert.ok(error, `${name}: the CLI rejected it (${c.stderr.trim()}) but the wasm did not`);
      const expected = c.stderr.replace(/^tierscope: [^:]*calls\.txt: /, '').replace(/^tierscope: /, '').trim();
      assert.equal(error.message, expected, name);
      assert.ok(['parse-error', 'input-too-large'].includes(error.code), `${name}: code ${error.code}`);
    } else {
      assert.equal(c.status, 0, `${name}: ${c.stderr}`);
      assert.ifError(error);
      assert.equal(out + '\n', c.stdout, `${name}: CLI and wasm JSON differ`);
    }
  }
});

test('calls: the report carries the fields the issue names', async () => {
  const ts = await tierscope();
  const r = await ts.calls('GET /crm/v3/objects/contacts/1\nGET /automation/v4/flows\nGET /nothing/here\n', CONFIG);
  for (const c of r.calls) for (const k of ['method', 'path', 'operation', 'alternatives']) assert.ok(k in c, k);
  assert.equal(r.calls[2].operation, null);
  assert.deepEqual(r.least_privilege.required, ['automation', 'crm.objects.contacts.read', 'oauth']);
  assert.deepEqual(r.least_privilege.optional, []);
  assert.deepEqual(r.least_privilege.install_everywhere.optional, ['automation']);
  assert.ok(r.least_privilege.install_everywhere.calls_failing.every((f) => f.calls.join() === 'GET /automation/v4/flows'));
  assert.deepEqual(r.unused.map((u) => u.scope), ['content']);
  assert.deepEqual(r.uncovered, []);
  assert.deepEqual(r.report.request.required, r.least_privilege.required);
  assert.equal(r.report.profiles.length, PROFILE_IDS.length);
  // Options reach the report (as for check).
  const only = await ts.calls('GET /crm/v3/objects/contacts/1', null, { profiles: ['free'] });
  assert.deepEqual(only.report.profiles.map((p) => p.id), ['free']);
  // Bytes work as text does.
  const bytes = await ts.callsJson(new TextEncoder().encode('GET /crm/v3/objects/contacts/1'));
  assert.equal(bytes, await ts.callsJson('GET /crm/v3/objects/contacts/1'));
  await assert.rejects(ts.calls(42), (e) => e instanceof TypeError && e.code === 'parse-error');
});

test('calls: the operations table is in the calls module, not in the main module', () => {
  const main = readFileSync(join(WASM_DIR, 'tierscope.wasm')).toString('latin1');
  const calls = readFileSync(join(WASM_DIR, 'tierscope-calls.wasm')).toString('latin1');
  assert.ok(!main.includes('/crm/v3/objects/{objectType}'), 'the main module has no operations table');
  assert.ok(calls.includes('/crm/v3/objects/{objectType}'), 'the calls module has it');
});
