// Issue 9 in the JS API: every error carries .code (bad-options for options of any unusable shape),
// oversized strings and bytes are refused before they reach the wasm module (exactly at 1 MiB of
// UTF-8), and the instance stays usable after every kind of error.
import test from 'node:test';
import assert from 'node:assert/strict';
import { thrown, tierscope } from './helpers.mjs';

const MiB = 1024 * 1024;


/** The instance still answers a plain check correctly. */
function stillWorks(ts) {
  const r = ts.check('crm.objects.contacts.read');
  assert.equal(r.profiles.find((p) => p.id === 'free').status, 'installs');
}

test('options of any unusable shape are bad-options, and the instance stays usable', async () => {
  const ts = await tierscope();
  const circular = {};
  circular.self = circular;
  let deep = {};
  for (let i = 0; i < 10000; i++) deep = { account: deep };
  let deepArray = [];
  for (let i = 0; i < 10000; i++) deepArray = [deepArray];
  const getter = { get withoutConditional() { throw new Error('boom'); } };
  const bad = [circular, { n: 10n }, 10n, deep, { profiles: deepArray }, getter, 42, true, Symbol('x'), () => 1,
    [], ['free'], 'not json', '{"withoutConditional": 1e400}', '[' .repeat(10000), { withoutConditional: 'yes' },
    { profiles: 'x' }, { profiles: ['\u0000'] }, { unknown: 1 }, 'x'.repeat(MiB + 1)];
  const calls = {
    check: (o) => ts.check('oauth', o),
    checkJson: (o) => ts.checkJson({ required: 'oauth' }, o),
    checkPair: (o) => ts.checkPair('{"auth": {"requiredScopes": ["oauth"]}}', 'https://app.hubspot.com/oauth/authorize?scope=oauth', o),
    buildUrls: (o) => ts.buildUrls('{"auth": {"requiredScopes": ["oauth"]}}', o),
    diff: (o) => ts.diff('oauth', 'oauth tickets', o),
  };
  for (const [name, call] of Object.entries(calls)) {
    for (const [i, options] of bad.entries()) {
      if (name === 'buildUrls' && options && typeof options == 'object' && !Array.isArray(options) &&
          ('profiles' in options || 'withoutConditional' in options || 'unknown' in options)) continue;  // not its options
      const e = thrown(() => call(options));
      assert.ok(e instanceof Error, `${name} #${i}: an Error`);
      assert.equal(e.code, 'bad-options', `${name} #${i}: ${e.message}`);
      assert.ok(e.message.length > 10 && !e.message.includes('internal'), e.message);
      stillWorks(ts);
    }
  }
  assert.equal(thrown(() => ts.buildUrls('{"auth": {"requiredScopes": ["oauth"]}}', { redirectUri: 'javascript:alert(1)' })).code, 'bad-options');
  assert.equal(ts.buildUrls('{"auth": {"requiredScopes": ["oauth"]}}', { redirectUri: 'http://localhost:3000/cb' }).redirect_uri, 'http://localhost:3000/cb');
});

test('markdown of something that is not a report is a parse-error, never internal-error', async () => {
  const ts = await tierscope();
  const circular = {};
  circular.self = circular;
  for (const report of [{ profiles: 'x' }, {}, [], { coverage: 5 }, '{"profiles": "x"}', '[1e400]', circular, { n: 1n }]) {
    const e = thrown(() => ts.markdown(report));
    assert.equal(e.code, 'parse-error', e.message);
    stillWorks(ts);
  }
  const report = ts.check('oauth automation');
  report.coverage.combinations.total = 1e300;
  assert.equal(thrown(() => ts.markdown(report)).code, 'parse-error');
});

test('oversized strings and bytes are refused before the module: exactly over 1 MiB of UTF-8', async () => {
  const ts = await tierscope();
  const ascii = 'oauth' + ' '.repeat(MiB - 5);                 // exactly 1 MiB: accepted
  assert.equal(ts.parse(ascii).request.required[0], 'oauth');
  const over = (v) => thrown(() => ts.parse(v));
  let e = over(ascii + ' ');                                   // 1 MiB + 1
  assert.equal(e.code, 'input-too-large');
  assert.match(e.message, /^the input is more than 1048576 bytes; the limit is 1048576 bytes \(1 MiB\)$/);
  e = over('é'.repeat(MiB / 2) + 'x');                         // 524,289 units, 1 MiB + 1 bytes of UTF-8
  assert.equal(e.code, 'input-too-large');
  assert.match(e.message, /^[a-z ]+ is more than 1048576 bytes; the limit is 1048576 bytes \(1 MiB\)$/);
  assert.ok(ts.parse('é' + ' '.repeat(MiB - 2)).request.required.includes('é'));  // exactly 1 MiB of UTF-8
  e = over('é' + ' '.repeat(MiB - 1));                         // 1 MiB units, 1 MiB + 1 bytes: counted
  assert.match(e.message, /^[a-z ]+ is more than 1048576 bytes; the limit is 1048576 bytes \(1 MiB\)$/);
  e = over('\ud83d\ude00'.repeat(MiB / 4) + 'x');             // surrogate pairs: 4 bytes per 2 units
  assert.match(e.message, /^[a-z ]+ is more than 1048576 bytes; the limit is 1048576 bytes \(1 MiB\)$/);
  e = over('x'.repeat(10 * MiB));                              // refused by its length alone
  assert.equal(e.code, 'input-too-large');
  assert.match(e.message, /more than 1048576 bytes/);
  for (const bytes of [new Uint8Array(MiB + 1), new ArrayBuffer(MiB + 1), new DataView(new ArrayBuffer(MiB + 1)),
    new Uint8Array(new ArrayBuffer(3 * MiB), MiB, MiB + 1)]) {
    e = thrown(() => ts.check(bytes));
    assert.equal(e.code, 'input-too-large');
    assert.match(e.message, /^[a-z ]+ is more than 1048576 bytes; the limit is 1048576 bytes \(1 MiB\)$/);
  }
  for (const call of [() => ts.migrate('x'.repeat(2 * MiB)), () => ts.diff('oauth', 'x'.repeat(2 * MiB)),
    () => ts.checkPair('x'.repeat(2 * MiB), 'https://app.hubspot.com/oauth/authorize?scope=oauth'),
    () => ts.buildUrls('x'.repeat(2 * MiB)), () => ts.scopes('x'.repeat(2 * MiB)),
    () => ts.markdown('x'.repeat(2 * MiB)), () => ts.check({ required: 'x '.repeat(MiB) })]) {
    assert.equal(thrown(call).code, 'input-too-large');
  }
  assert.match(thrown(() => ts.diff('oauth', 'x'.repeat(2 * MiB))).message, /^after is more than/);
  stillWorks(ts);
});

test('every error has a code, and the instance stays usable after each', async () => {
  const ts = await tierscope();
  const circular = {};
  circular.self = circular;
  const calls = [
    () => ts.check('[1e400]'), () => ts.check('{"scopes": ["a\\u0000"]}'), () => ts.check(circular),
    () => ts.check({ required: 10n }), () => ts.parse(null), () => ts.scopes(5), () => ts.migrate('{'),
    () => ts.diff('{', 'oauth'), () => ts.checkPair('oauth', 'oauth'), () => ts.buildUrls('oauth'),
    () => ts.buildUrls('{"auth": {"redirectUrls": ["javascript:alert(1)"], "requiredScopes": ["oauth"]}}'),
    () => ts.markdown(null), () => ts.check('['.repeat(10000)), () => ts.check(new Uint8Array([0xff])),
  ];
  for (const [i, call] of calls.entries()) {
    const e = thrown(call);
    assert.ok(e instanceof Error, `#${i}`);
    assert.ok(['parse-error', 'input-too-large', 'bad-options'].includes(e.code), `#${i}: ${e.code} ${e.message}`);
    stillWorks(ts);
  }
  const r = ts.check('https://app.hubspot.com/oauth/authorize?client_id=1&scope=oau%2');
  assert.ok(r.diagnostics.some((d) => d.code === 'bad-encoding' && d.severity === 'error'));
});
