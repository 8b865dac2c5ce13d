// A HAR file read in the page without holding it: File.stream() in chunks through a small JSON
// scanner that keeps only log.entries[].request.method and .url (the URL without its query string
// or fragment, where tokens travel). Headers, cookies and bodies are skipped unread: nothing secret is
// kept, shown, stored or shared. The same rules as the core's reader (core/src/calls/har_stream.cpp).

export const MAX_HAR_BYTES = 2 * 1024 * 1024 * 1024; // 2 GiB

const ROOT = 1; const LOG = 2; const ENTRIES = 3; const ENTRY = 4; const REQUEST = 5; const OTHER = 0;

export class HarError extends Error {}

// Strips what may carry a secret: query string, fragment and user:password@ (HubSpot's API takes
// hapikey and tokens in the query).
export function safeUrl(url) {
  let u = url.split('#')[0].split('?')[0];
  const scheme = u.indexOf('://');
  if (scheme >= 0) {
    const slash = u.indexOf('/', scheme + 3);
    const host = u.slice(scheme + 3, slash < 0 ? u.length : slash);
    const at = host.lastIndexOf('@');
    if (at >= 0) u = u.slice(0, scheme + 3) + host.slice(at + 1) + (slash < 0 ? '' : u.slice(slash));
  }
  return u;
}

class Scanner {
  constructor() {
    this.stack = []; this.inString = false; this.escape = false; this.keep = false; this.isKey = false;
    this.text = ''; this.unicode = -1; this.code = 0; this.literal = false; this.done = false; this.started = false;
    this.method = ''; this.url = ''; this.found = []; this.entries = 0; this.sawLog = false; this.sawEntries = false; this.offset = 0;
  }

  fail(why) { throw new HarError(`the HAR file: invalid JSON at character ${this.offset + 1}: ${why}`); }

  notHar() { throw new HarError('this file is not a HAR: expected a JSON object with log.entries (export it from the browser\'s network panel)'); }

  push(object) {
    if (this.stack.length >= 64) throw new HarError('the HAR file: JSON nested deeper than 64 levels');
    let role = OTHER;
    if (!this.stack.length) { if (!object) this.notHar(); role = ROOT; } else {
      const p = this.stack[this.stack.length - 1];
      if (p.role === ROOT && p.key === 'log' && object) { role = LOG; this.sawLog = true; }
      else if (p.role === LOG && p.key === 'entries' && !object) { role = ENTRIES; this.sawEntries = true; }
      else if (p.role === ENTRIES && object) { role = ENTRY; this.method = ''; this.url = ''; this.entries += 1; }
      else if (p.role === ENTRY && p.key === 'request' && object) role = REQUEST;
    }
    this.stack.push({ role, object, wantKey: object, key: '' });
  }

  pop(object) {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.object !== object) this.fail(object ? 'unexpected }' : 'unexpected ]');
    if (top.role === ENTRY && this.url) this.found.push({ method: this.method, url: safeUrl(this.url) });
    this.stack.pop();
    if (!this.stack.length) this.done = true; else this.valueDone();
  }

  valueDone() { const top = this.stack[this.stack.length - 1]; if (top && top.object) top.wantKey = true; }

  stringDone() {
    const top = this.stack[this.stack.length - 1];
    if (this.isKey) { top.key = this.keep ? this.text : ''; top.wantKey = false; } else {
      if (this.keep && top.key === 'method') this.method = this.text;
      else if (this.keep && top.key === 'url') this.url = this.text;
      this.valueDone();
    }
    this.text = '';
  }

  feed(s) {
    let i = 0; const n = s.length;
    while (i < n) {
      if (this.inString) {
        if (!this.keep && !this.escape && this.unicode < 0) { // skip to the next quote or backslash
          const q = s.indexOf('"', i); const b = s.indexOf('\\', i);
          const stop = q < 0 ? b : b < 0 ? q : Math.min(q, b);
          if (stop < 0) { this.offset += n - i; return; }
          this.offset += stop - i; i = stop;
        }
        const c = s[i]; i += 1; this.offset += 1;
        if (this.unicode >= 0) {
          const v = parseInt(c, 16);
          if (Number.isNaN(v)) this.fail('a \\u escape needs four hex digits');
          this.code = this.code * 16 + v; this.unicode -= 1;
          if (this.unicode === 0) { this.unicode = -1; if (this.keep) this.text += String.fromCharCode(this.code); }
          continue;
        }
        if (this.escape) {
          this.escape = false;
          if (c === 'u') { this.unicode = 4; this.code = 0; continue; }
          const k = '"\\/bfnrt'.indexOf(c);
          if (k < 0) this.fail('an invalid escape in a string');
          if (this.keep) this.text += '"\\/\b\f\n\r\t'[k];
          continue;
        }
        if (c === '\\') { this.escape = true; continue; }
        if (c === '"') { this.inString = false; this.stringDone(); continue; }
        if (c < ' ') this.fail('a control character inside a string');
        if (this.keep) { if (this.text.length >= 65536) { this.keep = false; this.text = ''; } else this.text += c; }
        continue;
      }
      const c = s[i];
      if (this.literal) {
        if (/[0-9a-zA-Z.+-]/.test(c)) { i += 1; this.offset += 1; continue; }
        this.literal = false; this.valueDone();
      }
      i += 1; this.offset += 1;
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || (!this.started && c === '\uFEFF')) continue;
      if (this.done) this.fail('text after the end of the JSON document');
      this.started = true;
      const top = this.stack[this.stack.length - 1];
      const expectingKey = !!top && top.object && top.wantKey;
      if (c === '{' || c === '[') { if (expectingKey) this.fail('expected a key'); this.push(c === '{'); }
      else if (c === '}' || c === ']') this.pop(c === '}');
      else if (c === ':' || c === ',') { if (!top) this.fail(`unexpected ${c}`); }
      else if (c === '"') {
        if (!top) this.notHar();
        this.inString = true; this.isKey = expectingKey; this.text = '';
        this.keep = expectingKey ? [ROOT, LOG, ENTRY, REQUEST].includes(top.role) : top.role === REQUEST && (top.key === 'method' || top.key === 'url');
      } else {
        if (!top) this.notHar();
        if (expectingKey || !/[0-9tfn-]/.test(c)) this.fail(`unexpected character ${JSON.stringify(c)}`);
        this.literal = true;
      }
    }
  }

  end() {
    if (!this.started) throw new HarError('the file is empty');
    if (!this.sawLog || (this.done && !this.sawEntries)) this.notHar();
    return { truncated: !this.done };
  }
}

/**
 * Reads a HAR File in chunks (never the whole file): onProgress(bytesRead, total) after each chunk;
 * signal (AbortSignal) cancels. Resolves to {calls: [{method, url}], entries, hosts, truncated}
 * with each URL stripped of its query and fragment. Rejects with a HarError for a file past the
 * limit or one that is not a HAR, and with an AbortError when cancelled.
 */
export async function readHar(file, { onProgress = () => {}, signal } = {}) {
  if (file.size > MAX_HAR_BYTES) throw new HarError(`${file.name} is ${file.size} bytes; the limit for a HAR file is ${MAX_HAR_BYTES} bytes (2 GiB)`);
  const scanner = new Scanner();
  const decoder = new TextDecoder('utf-8');
  const reader = file.stream().getReader();
  let read = 0;
  try {
    for (;;) {
      if (signal && signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      scanner.feed(decoder.decode(value, { stream: true }));
      onProgress(read, file.size);
    }
    scanner.feed(decoder.decode());
  } finally {
    reader.cancel().catch(() => {});
  }
  const { truncated } = scanner.end();
  const hosts = new Set();
  for (const c of scanner.found) { const m = /^[a-z]+:\/\/([^/:]+)/i.exec(c.url); if (m) hosts.add(m[1].toLowerCase()); }
  return { calls: scanner.found, entries: scanner.entries, hosts: hosts.size, truncated };
}
