// A large HAR through `tierscope calls` (issue 19): writes a HAR of --mb MB (default 200) whose
// entries carry browser-like headers and large response bodies, then runs the native CLI on it and
// reports wall time and the process's maximum resident memory (GNU `time -v`: "Elapsed (wall clock)"
// and "Maximum resident set size"; without /usr/bin/time, wall time only).
//   node bench/har.mjs [--mb 200] [--cli build/cli/tierscope] [--keep FILE]
//   node bench/har.mjs --mb 2200      # the ≥ 2 GB run (needs ~2.2 GB free in the temp folder)
// Targets (docs/report.md, issue 19): 200 MB in ≤ 3 s and ≤ 64 MB of memory natively; 2 GB streamed.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, def) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : def; };
const MB = Number(option('--mb', '200'));
const CLI = resolve(ROOT, option('--cli', 'build/cli/tierscope'));
const keep = option('--keep', '');

// Writes the HAR in pieces (never the whole file in memory). Paths cycle through real operations.
export function writeHar(file, bytes) {
  const paths = ['GET /crm/v3/objects/contacts/{id}', 'POST /crm/v3/objects/deals/search', 'GET /automation/v4/flows',
    'PATCH /crm/v3/objects/companies/{id}', 'GET /contacts/v1/lists', 'GET https://example.com/asset.js'];
  const body = JSON.stringify({ results: Array.from({ length: 400 }, (_, i) => ({ id: String(i), properties: { email: `a${i}@example.com`, note: 'x\ty "quoted" \\ \u00e9' } })) });
  const fd = openSync(file, 'w');
  let written = 0; let n = 0;
  const put = (s) => { const b = Buffer.from(s); writeSync(fd, b); written += b.length; };
  put('{"log": {"version": "1.2", "creator": {"name": "bench", "version": "1"}, "entries": [\n');
  while (written < bytes) {
    const [method, target] = paths[n % paths.length].split(' ');
    const url = target.startsWith('http') ? target : `https://api.hubapi.com${target.replace('{id}', String(n))}?limit=10&hapikey=secret`;
    put(`${n ? ',\n' : ''}${JSON.stringify({
      startedDateTime: '2026-12-04T00:00:00.000Z', time: 12,
      request: { method, url, httpVersion: 'HTTP/2', headers: [{ name: 'Authorization', value: 'Bearer secret-token' }, { name: 'Cookie', value: 'a=b' }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: { status: 200, statusText: 'OK', headers: [], content: { size: body.length, mimeType: 'application/json', text: body }, redirectURL: '', headersSize: -1, bodySize: body.length },
      cache: {}, timings: { send: 0, wait: 10, receive: 2 },
    })}`);
    n += 1;
  }
  put('\n]}}\n');
  closeSync(fd);
  return { entries: n, bytes: written };
}

async function run(file) {
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const start = process.hrtime.bigint();
  const r = time
    ? spawnSync(time, ['-v', CLI, 'calls', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(CLI, ['calls', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`tierscope calls failed: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const field = (name) => { const m = new RegExp(`${name}[^:]*: (.*)`).exec(r.stderr); return m ? m[1].trim() : ''; };
  const kb = time ? Number(field('Maximum resident set size')) : NaN;
  return { seconds, maxRssMb: +(kb / 1024).toFixed(1), cpuUserS: Number(field('User time')), cpuSystemS: Number(field('System time')),
    wall: (/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/.exec(r.stderr) || [])[1] || '', calls: report.calls.length, otherHosts: report.input.other_hosts,
    format: report.input.format, loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = mkdtempSync(join(tmpdir(), 'tierscope-har-'));
  const file = keep || join(dir, 'big.har');
  try {
    const w = writeHar(file, MB * 1e6);
    const r = await run(file);
    console.log(JSON.stringify({ har_mb: +(statSync(file).size / 1e6).toFixed(1), entries: w.entries, ...r }));
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
