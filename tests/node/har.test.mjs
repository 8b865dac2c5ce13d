// site/har.js: the page's HAR reading (readHarParts asks for the parts of the File in order; the worker's
// harRead reads each part itself into the calls module's HAR reader, ts.callsHarReader()), in node with
// the same File API and the built wasm module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHarParts, harCalls, HarError, MAX_HAR_BYTES, PART } from '../../site/har.js';
import { tierscope, thrown } from './helpers.mjs';

const HAR = '\uFEFF' + JSON.stringify({ log: { version: '1.2', entries: [
  { request: { method: 'GET', url: 'https://api.hubapi.com/crm/v3/objects/contacts?hapikey=SECRETKEY#frag', headers: [{ name: 'Authorization', value: 'Bearer SECRETTOKEN' }] },
    response: { content: { text: '{"a": "\\u00e9 \\" SECRETBODY", "url": "https://api.hubapi.com/x"}' } } },
  { response: { status: 200 }, request: { url: 'https://user:SECRETPW@api.hubapi.com/crm/v3/objects/deals/1', method: 'PATCH' } },
  { request: { method: 'GET', url: 'https:\/\/cdn.example.com\/app.js' } },
] } });
const CONFIG = JSON.stringify({ auth: { requiredScopes: ['oauth', 'crm.objects.contacts.read', 'automation'] } });

function fileOf(text, name = 'x.har', piece = 0) {
  // piece > 0: a File whose parts stream in small chunks, as a plain (not a byte) stream, so the worker
  // copies them into its piece buffer and pieces split strings, escapes and UTF-8 sequences anywhere;
  // piece 0: a plain File, whose parts the worker reads in place (a BYOB reader).
  const bytes = new TextEncoder().encode(text);
  const f = new File([bytes], name);
  if (piece) {
    f.slice = (start, end) => ({ stream: () => new ReadableStream({ start(c) {
      for (let i = start; i < end; i += piece) c.enqueue(bytes.slice(i, Math.min(end, i + piece)));
      c.close();
    } }) });
  }
  return f;
}

// The page's path: the page asks for the parts in order (readHarParts), the worker reads each part of
// the File itself into its reader (harRead), then finishes.
async function readInParts(ts, file, opts = {}) {
  const id = await harCalls.harOpen(ts);
  const parts = [];
  try {
    await readHarParts(file, { ...opts, read: (start, end) => { parts.push([start, end]); return harCalls.harRead(ts, id, file, start, end); } });
  } catch (e) {
    harCalls.harClose(ts, id);
    throw e;
  }
  return { id, parts };
}

// ts with each reader's feed() recorded: fed holds the byte length of every piece the worker fed.
function recording(ts) {
  const fed = [];
  const callsHarReader = async () => {
    const r = await ts.callsHarReader();
    return { feed: (b) => { fed.push(b.byteLength); return r.feed(b); }, finish: (c) => r.finish(c), close: () => r.close() };
  };
  return { fed, ts: { callsHarReader } };
}

test('a HAR read part by part in chunks of any size gives the calls of the whole file, input.format "har", and keeps no secret', async () => {
  const ts = await tierscope();
  const whole = await ts.calls(HAR);
  assert.equal(whole.input.format, 'har');
  for (const piece of [0, 1, 3, 17, 4096]) {
    const progress = [];
    const { id } = await readInParts(ts, fileOf(HAR, 'x.har', piece), { onProgress: (n, t) => progress.push([n, t]) });
    const json = harCalls.harFinish(ts, id, null);
    assert.equal(json.input.format, 'har');
    assert.deepEqual(json.calls, whole.calls);
    assert.deepEqual(json.least_privilege, whole.least_privilege);
    assert.deepEqual(json.input, whole.input);
    assert.deepEqual(json.calls.map((c) => `${c.method} ${c.path}`), ['GET /crm/v3/objects/contacts', 'PATCH /crm/v3/objects/deals/1']);
    assert.equal(json.input.other_hosts, 1);
    for (const secret of ['SECRET', 'hapikey', 'frag', 'user:']) assert.ok(!JSON.stringify(json).includes(secret), secret);
    assert.equal(progress.at(-1)[0], new TextEncoder().encode(HAR).length);
    assert.ok(progress.every(([n, t], i) => t === progress[0][1] && (i === 0 || n >= progress[i - 1][0])));
    harCalls.harClose(ts, id);
  }
});

test('a file of several MB goes to the reader in pieces of at most 1 MiB, never whole', async () => {
  const ts = await tierscope();
  const body = 'x'.repeat(20000);
  const entries = Array.from({ length: 200 }, (_, i) => ({ request: { method: 'GET', url: `https://api.hubapi.com/crm/v3/objects/contacts/${i}` }, response: { content: { text: body } } }));
  const text = JSON.stringify({ log: { entries } });
  for (const piece of [0, 65536, 100003]) {
    const rec = recording(ts);
    const { id } = await readInParts(rec.ts, fileOf(text, 'big.har', piece));
    assert.ok(rec.fed.length >= 3, `${rec.fed.length} pieces`);
    assert.ok(Math.max(...rec.fed) <= 1 << 20 && Math.max(...rec.fed) < text.length);
    assert.equal(rec.fed.reduce((a, b) => a + b, 0), text.length);
    assert.equal(harCalls.harFinish(rec.ts, id, null).calls.length, 200);
    harCalls.harClose(rec.ts, id);
  }
});

test('finish() answers again with the app config, and the reader is gone once closed', async () => {
  const ts = await tierscope();
  const { id } = await readInParts(ts, fileOf(HAR, 'x.har', 64));
  assert.equal(harCalls.harFinish(ts, id, null).unused, null);
  const against = harCalls.harFinish(ts, id, CONFIG);
  assert.deepEqual(against.unused.map((u) => u.scope), ['automation']);
  assert.deepEqual(against.uncovered.map((u) => u.path), ['/crm/v3/objects/deals/1']);
  assert.equal(thrown(() => harCalls.harFinish(ts, id, '{')).code, 'parse-error');
  assert.deepEqual(harCalls.harFinish(ts, id, null).calls, against.calls);
  harCalls.harClose(ts, id);
  assert.match(thrown(() => harCalls.harFinish(ts, id, null)).message, /no longer open/);
  await assert.rejects(harCalls.harRead(ts, id, fileOf(HAR), 0, 4), /no longer open/);
  // The JS API itself: feed after finish, and after close.
  const r = await ts.callsHarReader();
  r.feed(new TextEncoder().encode(HAR));
  assert.equal(r.finish().input.format, 'har');
  assert.ok(r.bytes > 0);
  assert.match(thrown(() => r.feed('{}')).message, /already read/);
  r.close();
  assert.match(thrown(() => r.finish()).message, /after close/);
  assert.equal(thrown(() => r.feed(42)).code, 'parse-error');
  // One piece larger than the reader's kept buffer (8 MiB), then small ones: the same calls.
  const body = 'y'.repeat(100000);
  const entries = Array.from({ length: 100 }, (_, i) => ({ request: { method: 'GET', url: `https://api.hubapi.com/crm/v3/objects/deals/${i}` }, response: { content: { text: body } } }));
  const bytes = new TextEncoder().encode(JSON.stringify({ log: { entries } }));
  const big = await ts.callsHarReader();
  big.feed(bytes.subarray(0, 9 << 20));
  for (let i = 9 << 20; i < bytes.length; i += 1000) big.feed(bytes.subarray(i, i + 1000));
  assert.equal(big.bytes, bytes.length);
  assert.equal(big.finish().calls.reduce((a, c) => a + (c.count || 1), 0), 100);
  big.close();
});

test('a file that is not a HAR stops at its first piece, bad or cut JSON says so, an empty file says so', async () => {
  const ts = await tierscope();
  // Text that is no JSON object stops at its first piece (of a file of 3 pieces); an object without
  // log.entries is known at its end.
  for (const [text, early] of [['GET /crm/v3/objects/contacts', true], ['[1, 2]', true], ['{"scopes": []}', false]]) {
    for (const piece of [0, 7000]) {
      const rec = recording(ts);
      const file = fileOf(text.padEnd(3 << 20, ' '), 'x.har', piece);
      if (early) {
        await assert.rejects(readInParts(rec.ts, file), (e) => e.code === 'parse-error' && /must be a HAR file/.test(e.message), text);
        assert.equal(rec.fed.length, 1, `stopped after ${rec.fed.length} pieces`);
      } else {
        const { id } = await readInParts(rec.ts, file);
        const e = thrown(() => harCalls.harFinish(rec.ts, id, null));
        assert.ok(e.code === 'parse-error' && /must be a HAR file/.test(e.message), e.message);
        harCalls.harClose(rec.ts, id);
      }
    }
  }
  await assert.rejects(readInParts(ts, fileOf('{"log": {"entries": [}}')), (e) => e.code === 'parse-error' && /invalid JSON/.test(e.message));
  await assert.rejects(readInParts(ts, fileOf('{"a":' + '['.repeat(100))), /deeper than/);
  // A file cut short (an export that stopped): the complete requests before the cut, and a warning;
  // cut before its log, an error.
  const cut = await readInParts(ts, fileOf(HAR.slice(0, HAR.indexOf('PATCH')), 'cut.har', 5));
  const part = harCalls.harFinish(ts, cut.id, null);
  assert.deepEqual(part.calls.map((c) => `${c.method} ${c.path}`), ['GET /crm/v3/objects/contacts']);
  assert.ok(part.diagnostics.some((d) => d.code === 'truncated-har' && d.severity === 'warning'));
  harCalls.harClose(ts, cut.id);
  const early = await readInParts(ts, fileOf(HAR.slice(0, 5), 'cut.har'));
  const e = thrown(() => harCalls.harFinish(ts, early.id, null));
  assert.ok(e.code === 'parse-error' && /ends before its JSON is complete/.test(e.message), e.message);
  harCalls.harClose(ts, early.id);
  // An empty file: one empty part read, nothing fed, and the report's error says so.
  const empty = await readInParts(ts, fileOf(''));
  assert.deepEqual(empty.parts, [[0, 0]]);
  assert.match(thrown(() => harCalls.harFinish(ts, empty.id, null)).message, /empty/);
  harCalls.harClose(ts, empty.id);
});

test('the worker reads a HAR part by part itself: the same calls as the whole file, in parts of PART bytes', async () => {
  const ts = await tierscope();
  const whole = await ts.calls(HAR);
  const progress = [];
  const { id, parts } = await readInParts(ts, fileOf(HAR), { onProgress: (n, t) => progress.push([n, t]) });
  assert.deepEqual(parts, [[0, new TextEncoder().encode(HAR).length]]);
  const json = harCalls.harFinish(ts, id, null);
  assert.deepEqual(json.calls, whole.calls);
  assert.deepEqual(json.input, whole.input);
  for (const secret of ['SECRET', 'hapikey', 'frag', 'user:']) assert.ok(!JSON.stringify(json).includes(secret), secret);
  harCalls.harClose(ts, id);
  // A file of more than one part (the parts meet exactly; pieces split strings and entries anywhere).
  const body = 'x'.repeat(50000);
  const entries = Array.from({ length: Math.ceil((PART * 2.5) / 50100) }, (_, i) => ({ request: { method: 'GET', url: `https://api.hubapi.com/crm/v3/objects/contacts/${i}?token=SECRET` }, response: { content: { text: body } } }));
  const text = JSON.stringify({ log: { entries } });
  const big = await readInParts(ts, fileOf(text, 'big.har'), { onProgress: (n, t) => progress.push([n, t]) });
  assert.equal(big.parts.length, Math.ceil(text.length / PART));
  assert.ok(big.parts.every(([a, b], i) => b - a <= PART && (i === 0 ? a === 0 : a === big.parts[i - 1][1])));
  assert.equal(big.parts.at(-1)[1], text.length);
  assert.deepEqual(progress.at(-1), [text.length, text.length]);
  const r = harCalls.harFinish(ts, big.id, null);
  assert.equal(r.input.format, 'har');
  assert.equal(r.calls.reduce((a, c) => a + (c.count || 1), 0), entries.length);
  assert.ok(!JSON.stringify(r).includes('SECRET'));
  harCalls.harClose(ts, big.id);
  // Cancelled between parts.
  const stop = new AbortController();
  await assert.rejects(readHarParts(fileOf(text, 'big.har'), { signal: stop.signal, read: (a, b) => { stop.abort(); return b - a; } }), (e) => e.name === 'AbortError');
});

test('through the worker: not a HAR stops with its error and closes the reader; past the limit is refused unread', async () => {
  const ts = await tierscope();
  const id = await harCalls.harOpen(ts);
  await assert.rejects(harCalls.harRead(ts, id, fileOf('[1, 2]'), 0, 6), (e) => e.code === 'parse-error');
  assert.match(thrown(() => harCalls.harFinish(ts, id, null)).message, /no longer open/);
  const huge = { name: 'huge.har', size: MAX_HAR_BYTES + 1, slice: () => assert.fail('a file past the limit is never read') };
  await assert.rejects(readHarParts(huge, { read: () => assert.fail('never read') }), (e) => e instanceof HarError && /limit for a HAR file/.test(e.message));
  // A part that comes back shorter than asked (the file changed under the page): a clear error.
  await assert.rejects(readHarParts(fileOf(HAR), { read: () => 3 }), (e) => e instanceof HarError && /changed while it was read/.test(e.message));
});

test('feed() takes every byte form in pieces of any size, while the other inputs keep their 1 MiB bound', async () => {
  const ts = await tierscope();
  const bytes = new TextEncoder().encode(' '.repeat(1536 * 1024) + HAR.slice(1)); // one piece over 1 MiB
  const cut = [0, 1024 * 1024 + 7, bytes.length - 40, bytes.length - 3, bytes.length];
  const r = await ts.callsHarReader();
  r.feed(bytes.subarray(cut[0], cut[1]));
  const rest = bytes.slice(cut[1]); // the other forms, from an offset into a larger buffer
  const at = (i) => cut[i] - cut[1];
  r.feed(new DataView(rest.buffer, at(1), at(2) - at(1)));
  r.feed(rest.buffer.slice(at(2), at(3)));
  r.feed(new TextDecoder().decode(rest.subarray(at(3))));
  const whole = await ts.callsHarReader();
  whole.feed(HAR);
  assert.deepEqual(r.finish().calls, whole.finish().calls);
  assert.equal(thrown(() => ts.check(new Uint8Array(1024 * 1024 + 1))).code, 'input-too-large');
});
