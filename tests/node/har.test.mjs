// site/har.js: the page's HAR reading (File.stream() in chunks, each chunk fed to the calls module's
// HAR reader: ts.callsHarReader(), as the page's worker does), in node with the same File API and the
// built wasm module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHar, readHarParts, harCalls, HarError, MAX_HAR_BYTES, PART } from '../../site/har.js';
import { tierscope, thrown } from './helpers.mjs';

const HAR = '\uFEFF' + JSON.stringify({ log: { version: '1.2', entries: [
  { request: { method: 'GET', url: 'https://api.hubapi.com/crm/v3/objects/contacts?hapikey=SECRETKEY#frag', headers: [{ name: 'Authorization', value: 'Bearer SECRETTOKEN' }] },
    response: { content: { text: '{"a": "\\u00e9 \\" SECRETBODY", "url": "https://api.hubapi.com/x"}' } } },
  { response: { status: 200 }, request: { url: 'https://user:SECRETPW@api.hubapi.com/crm/v3/objects/deals/1', method: 'PATCH' } },
  { request: { method: 'GET', url: 'https:\/\/cdn.example.com\/app.js' } },
] } });
const CONFIG = JSON.stringify({ auth: { requiredScopes: ['oauth', 'crm.objects.contacts.read', 'automation'] } });

function fileOf(text, name = 'x.har', piece = 0) {
  // piece > 0: a File whose stream yields small chunks (splits strings, escapes and UTF-8 sequences)
  const bytes = new TextEncoder().encode(text);
  const parts = [];
  for (let i = 0; i < bytes.length; i += piece || bytes.length) parts.push(bytes.slice(i, i + (piece || bytes.length)));
  const f = new File(parts, name);
  if (piece) f.stream = () => new ReadableStream({ start(c) { for (const p of parts) c.enqueue(p); c.close(); } });
  return f;
}

// The page's path: open a reader in the worker, feed it chunk by chunk, finish.
async function readInPieces(ts, file, opts = {}) {
  const id = await harCalls.harOpen(ts);
  const chunks = [];
  try {
    await readHar(file, { ...opts, feed: (chunk) => { chunks.push(chunk.byteLength); return harCalls.harFeed(ts, id, chunk); } });
  } catch (e) {
    harCalls.harClose(ts, id);
    throw e;
  }
  return { id, chunks };
}

test('a HAR fed in chunks gives the calls of the whole file, input.format "har", and keeps no secret', async () => {
  const ts = await tierscope();
  const whole = await ts.calls(HAR);
  assert.equal(whole.input.format, 'har');
  for (const piece of [0, 1, 3, 17, 4096]) {
    const progress = [];
    const { id, chunks } = await readInPieces(ts, fileOf(HAR, 'x.har', piece), { onProgress: (n, t) => progress.push([n, t]) });
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

test('a file of several MB goes to the reader in pieces of about 1 MiB, never whole', async () => {
  const ts = await tierscope();
  const body = 'x'.repeat(20000);
  const entries = Array.from({ length: 200 }, (_, i) => ({ request: { method: 'GET', url: `https://api.hubapi.com/crm/v3/objects/contacts/${i}` }, response: { content: { text: body } } }));
  const text = JSON.stringify({ log: { entries } });
  const { id, chunks } = await readInPieces(ts, fileOf(text, 'big.har', 65536));
  assert.ok(chunks.length >= 3, `${chunks.length} pieces`);
  assert.ok(Math.max(...chunks) <= (1 << 20) + 65536 && Math.max(...chunks) < text.length);
  assert.equal(chunks.reduce((a, b) => a + b, 0), text.length);
  assert.equal(harCalls.harFinish(ts, id, null).calls.length, 200);
  harCalls.harClose(ts, id);
  const stop = new AbortController();
  await assert.rejects(readHar(fileOf(text, 'big.har', 65536), { signal: stop.signal, feed: () => { stop.abort(); } }), (e) => e.name === 'AbortError');
});

test('finish() answers again with the app config, and the reader is gone once closed', async () => {
  const ts = await tierscope();
  const { id } = await readInPieces(ts, fileOf(HAR, 'x.har', 64));
  assert.equal(harCalls.harFinish(ts, id, null).unused, null);
  const against = harCalls.harFinish(ts, id, CONFIG);
  assert.deepEqual(against.unused.map((u) => u.scope), ['automation']);
  assert.deepEqual(against.uncovered.map((u) => u.path), ['/crm/v3/objects/deals/1']);
  assert.equal(thrown(() => harCalls.harFinish(ts, id, '{')).code, 'parse-error');
  assert.deepEqual(harCalls.harFinish(ts, id, null).calls, against.calls);
  harCalls.harClose(ts, id);
  assert.match(thrown(() => harCalls.harFinish(ts, id, null)).message, /no longer open/);
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

test('a file that is not a HAR stops at its first piece; past the limit is refused unread', async () => {
  const ts = await tierscope();
  // Text that is no JSON object stops at its first chunk; an object without log.entries is known at its end.
  for (const [text, early] of [['GET /crm/v3/objects/contacts', true], ['[1, 2]', true], ['{"scopes": []}', false]]) {
    const fed = [];
    const reader = await ts.callsHarReader();
    const read = readHar(fileOf(text.padEnd(4000, ' '), 'x.har', 7), { feed: (chunk) => { fed.push(chunk.byteLength); reader.feed(chunk); } });
    if (early) {
      await assert.rejects(read, (e) => e.code === 'parse-error' && /must be a HAR file/.test(e.message), text);
      assert.ok(fed.length < 10, `stopped after ${fed.length} chunks`);
    } else {
      await read;
      const e = thrown(() => reader.finish());
      assert.ok(e.code === 'parse-error' && /must be a HAR file/.test(e.message), e.message);
      reader.close();
    }
  }
  await assert.rejects(readInPieces(ts, fileOf('{"log": {"entries": [}}')), (e) => e.code === 'parse-error' && /invalid JSON/.test(e.message));
  await assert.rejects(readInPieces(ts, fileOf('{"a":' + '['.repeat(100))), /deeper than/);
  const huge = { name: 'huge.har', size: MAX_HAR_BYTES + 1, stream: () => assert.fail('a file past the limit is never read') };
  await assert.rejects(readHar(huge, { feed: () => {} }), (e) => e instanceof HarError && /limit for a HAR file/.test(e.message));
  // An empty file: nothing fed, and the report's error says so.
  const { id } = await readInPieces(ts, fileOf(''));
  assert.match(thrown(() => harCalls.harFinish(ts, id, null)).message, /empty/);
  harCalls.harClose(ts, id);
});

// The page's path since 2026-12-05: the worker reads each part of the File itself (harRead), the page
// only asks for the parts in order and moves the progress bar between them.
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
  await assert.rejects(readInParts(ts, fileOf('GET /crm/v3/objects/contacts'.padEnd(4000, ' '))), (e) => e.code === 'parse-error' && /must be a HAR file/.test(e.message));
  await assert.rejects(readInParts(ts, fileOf('{"log": {"entries": [}}')), (e) => e.code === 'parse-error' && /invalid JSON/.test(e.message));
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
