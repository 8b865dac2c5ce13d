// site/har.js: the page's HAR reader (File.stream() in chunks), in node with the same File API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHar, safeUrl, HarError, MAX_HAR_BYTES } from '../../site/har.js';

const HAR = '\uFEFF' + JSON.stringify({ log: { version: '1.2', entries: [
  { request: { method: 'GET', url: 'https://api.hubapi.com/crm/v3/objects/contacts?hapikey=SECRETKEY#frag', headers: [{ name: 'Authorization', value: 'Bearer SECRETTOKEN' }] },
    response: { content: { text: '{"a": "\\u00e9 \\" SECRETBODY", "url": "https://api.hubapi.com/x"}' } } },
  { response: { status: 200 }, request: { url: 'https://user:SECRETPW@api.hubapi.com/crm/v3/objects/deals/1', method: 'PATCH' } },
  { request: { method: 'GET', url: 'https:\/\/cdn.example.com\/app.js' } },
] } });

function fileOf(text, name = 'x.har', piece = 0) {
  // piece > 0: a File whose stream yields small chunks (splits strings, escapes and UTF-8 sequences)
  const bytes = new TextEncoder().encode(text);
  const parts = [];
  for (let i = 0; i < bytes.length; i += piece || bytes.length) parts.push(bytes.slice(i, i + (piece || bytes.length)));
  const f = new File(parts, name);
  if (piece) f.stream = () => new ReadableStream({ start(c) { for (const p of parts) c.enqueue(p); c.close(); } });
  return f;
}

test('only method and URL without query, fragment or credentials are kept, whatever the chunks', async () => {
  for (const piece of [0, 1, 3, 17]) {
    const progress = [];
    const r = await readHar(fileOf(HAR, 'x.har', piece), { onProgress: (n, t) => progress.push([n, t]) });
    assert.deepEqual(r.calls, [
      { method: 'GET', url: 'https://api.hubapi.com/crm/v3/objects/contacts' },
      { method: 'PATCH', url: 'https://api.hubapi.com/crm/v3/objects/deals/1' },
      { method: 'GET', url: 'https://cdn.example.com/app.js' },
    ]);
    assert.equal(r.hosts, 2);
    assert.equal(r.entries, 3);
    assert.equal(r.truncated, false);
    assert.ok(!JSON.stringify(r).match(/SECRET/));
    assert.equal(progress.at(-1)[0], new TextEncoder().encode(HAR).length);
  }
});

test('cut off, not a HAR, invalid, too large, cancelled', async () => {
  const cut = await readHar(fileOf(HAR.slice(0, HAR.indexOf('cdn.example'))));
  assert.equal(cut.truncated, true);
  assert.equal(cut.calls.length, 2);
  await assert.rejects(readHar(fileOf('{"scopes": []}')), /not a HAR/);
  await assert.rejects(readHar(fileOf('GET /crm/v3/objects/contacts')), /not a HAR/);
  await assert.rejects(readHar(fileOf('{"log": {"entries": [}}')), (e) => e instanceof HarError && /invalid JSON/.test(e.message));
  await assert.rejects(readHar(fileOf('')), /empty/);
  await assert.rejects(readHar(fileOf('['.repeat(100))), /not a HAR/);
  await assert.rejects(readHar(fileOf('{"a":' + '['.repeat(100))), /deeper than 64/);
  await assert.rejects(readHar({ name: 'big.har', size: MAX_HAR_BYTES + 1, stream() { throw new Error('not read'); } }), /limit for a HAR file/);
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(readHar(fileOf(HAR), { signal: ac.signal }), (e) => e.name === 'AbortError');
  assert.equal(safeUrl('https://a:b@api.hubapi.com/x?token=1#y'), 'https://api.hubapi.com/x');
});
