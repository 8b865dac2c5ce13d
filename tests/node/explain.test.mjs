// ts.explain / explainJson / errorWordings in node (asynchronous: they load the calls module): every sample of tests/explain
// gives the cause, format, language and scopes of expect.json; with a config, the report after the
// fix; token info and grant drift; bad input throws an Error with a code and a one-line message.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tierscope } from './helpers.mjs';

const SAMPLES = join(ROOT, 'tests', 'explain');
const sample = (name) => readFileSync(join(SAMPLES, name), 'utf8');
const expected = JSON.parse(sample('expect.json'));

test('every sample: cause, format, language, scopes', async () => {
  const ts = await tierscope();
  for (const [name, want] of Object.entries(expected)) {
    const r = await ts.explain(sample(name));
    assert.equal(r.cause, want.cause, name);
    assert.equal(r.input.format, want.format, name);
    assert.equal(r.input.language, want.language, name);
    assert.deepEqual(r.scopes, want.scopes, name);
    if ('match' in want) assert.equal(r.match, want.match, name);
    assert.equal(await ts.explainJson(sample(name)), JSON.stringify(r, null, 2), `${name}: explainJson is explain's text`);
  }
});

test('with a config: the fix applied, report after it; bytes in, same answer', async () => {
  const ts = await tierscope();
  const r = await ts.explain(sample('install-2026.txt'), sample('config.json'));
  assert.ok(r.report.request.optional.includes('automation'));
  assert.ok(!r.report.request.required.includes('automation'));
  const bytes = new TextEncoder().encode(sample('install-2026.txt'));
  assert.deepEqual(await ts.explain(bytes, sample('config.json')), r);
});

test('token info: grant drift and its fix', async () => {
  const ts = await tierscope();
  const r = await ts.explain(sample('token-access.json'), sample('config.json'));
  assert.equal(r.cause, 'grant-drift');
  assert.deepEqual(r.grant.missing_required, ['automation', 'tickets']);
  assert.equal(r.grant.reauthorize, true);
  assert.deepEqual(r.fix.map((f) => f.action), ['reauthorize']);
});

test('the wordings come from data/hubspot-errors.json', async () => {
  const ts = await tierscope();
  const w = await ts.errorWordings();
  const data = JSON.parse(readFileSync(join(ROOT, 'data', 'hubspot-errors.json'), 'utf8'));
  assert.equal(w.wordings.length, data.wordings.length);
  assert.ok(w.wordings.some((x) => x.cause === 'tier-lacks-scope' && x.era === '2026' && x.text.includes('{scopes}')));
  for (const code of ['en', 'fr', 'de', 'es', 'pt', 'nl', 'sv', 'ja']) assert.ok(w.languages.some((l) => l.code === code), code);
});

test('bad input: an Error with a code, one line', async () => {
  const ts = await tierscope();
  const cases = [
    ["{'body': \"{\\\"".repeat(100), 'parse-error', /nested deeper than 64 levels/],
    ['x'.repeat(1048577), 'input-too-large', /1 MiB/],
    ['  ', 'parse-error', /empty/],
  ];
  for (const [input, code, message] of cases) {
    await assert.rejects(ts.explain(input), (e) => e instanceof Error && e.code === code && message.test(e.message) && !e.message.includes('\n'));
  }
  await assert.rejects(ts.explain(sample('403.json'), '{"auth": ['), (e) => e.code === 'parse-error' && e.message.startsWith('the app config: '));
  await assert.rejects(ts.explain(42), (e) => e instanceof TypeError && e.code === 'parse-error');
});
