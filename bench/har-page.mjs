// A large HAR dropped on the page (issue 19): writes a HAR of --mb MB (default 200; bench/har.mjs's
// writer: browser-like headers and large response bodies), opens the built site (build/site) in
// headless Chromium, chooses the file in the "From API calls" panel and times it until the report is
// shown. The page reads it through File.stream() into the calls module's HAR reader in its worker.
// Memory: the tab's memory as Chrome's task manager counts it ("Memory footprint": the renderer's
// private memory), here Private_Clean + Private_Dirty of /proc/<pid>/smaps_rollup of the renderer
// process (the page and its worker share it; this run's browser only), polled every 50 ms: before
// the file is chosen (baseline) and the peak until the report is shown. Its resident memory (VmRSS,
// which also counts pages shared with the browser's other processes) is given beside it, and the
// page's JS heap (CDP Performance.getMetrics) after the read. CPU: utime + stime of the renderer
// (/proc/<pid>/stat) and of all of this run's browser processes over the same span.
// --profile: a CPU profile of the read (Chrome's trace with V8's sampling profiler, every thread of
// the renderer: the page and its worker), printed as the functions with the most samples of their own.
//   node bench/har-page.mjs [--mb 200] [--site build/site] [--keep FILE] [--profile]
// Targets (issue 19): 200 MB in ≤ 10 s in headless Chromium, the tab's memory under 200 MB.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/browser/lib.mjs';
import { writeHar } from './har.mjs';

const argv = process.argv.slice(2);
const option = (name, def) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : def; };
const MB = Number(option('--mb', '200'));
const SITE = resolve(option('--site', 'build/site'));
const keep = option('--keep', '');
const PROFILE = argv.includes('--profile');

// Self samples per function (and per thread) of a Chrome trace's ProfileChunk events.
function topFunctions(events, top = 14) {
  const threads = new Map(); // profile id -> {nodes: Map(id -> name), samples: Map(name -> n)}
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id}`;
    if (!threads.has(key)) threads.set(key, { nodes: new Map(), counts: new Map(), total: 0 });
    const t = threads.get(key);
    const data = e.args.data || {};
    for (const n of (data.cpuProfile && data.cpuProfile.nodes) || []) {
      const f = n.callFrame || {};
      t.nodes.set(n.id, `${f.functionName || '(anonymous)'} ${(f.url || '').split('/').pop()}`.trim());
    }
    for (const id of (data.cpuProfile && data.cpuProfile.samples) || []) {
      const name = t.nodes.get(id) || `node ${id}`;
      t.counts.set(name, (t.counts.get(name) || 0) + 1);
      t.total += 1;
    }
  }
  return [...threads.values()].filter((t) => t.total > 20).map((t) => ({ samples: t.total,
    top: [...t.counts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, n]) => `${(100 * n / t.total).toFixed(1)}% ${name}`) }));
}

// Resident memory (MB) of each renderer process of this run's Chromium (a descendant of this node
// process: other helpers' browsers on the machine are left out).
const parentOf = (pid) => { try { return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]); } catch { return 0; } };
function mine(pid) {
  for (let p = Number(pid), hops = 0; p > 1 && hops < 16; p = parentOf(p), hops += 1) if (p === process.pid) return true;
  return false;
}
const cpuOf = (pid) => { const t = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' '); return (Number(t[11]) + Number(t[12])) / 100; };
function processes(all = false) {
  const out = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (Number(pid) === process.pid || !mine(pid)) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!all && !cmd.includes('--type=renderer')) continue;
      if (all) { out.push({ pid, cpu: cpuOf(pid) }); continue; }
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = (name) => Number((new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup) || [0, 0])[1]);
      if (rss) out.push({ pid, mb: Number(rss[1]) / 1024, priv: (kb('Private_Clean') + kb('Private_Dirty')) / 1024, cpu: cpuOf(pid) });
    } catch { /* the process ended */ }
  }
  return out;
}
const renderers = () => processes(false);
const browserCpu = () => processes(true).reduce((a, p) => a + p.cpu, 0);

async function run(file) {
  const server = await serve(SITE);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.origin + '/');
    await page.click('#calls-panel summary');
    await page.waitForSelector('#calls-table, #calls-out .note', { timeout: 60000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const at = renderers();
    const before = Math.max(...at.map((r) => r.mb));
    const privBefore = Math.max(...at.map((r) => r.priv));
    const cpuBefore = at.reduce((a, r) => a + r.cpu, 0);
    const allBefore = browserCpu();
    let peak = before; let privPeak = privBefore;
    const poll = setInterval(() => { for (const r of renderers()) { peak = Math.max(peak, r.mb); privPeak = Math.max(privPeak, r.priv); } }, 50);
    const traced = [];
    if (PROFILE) {
      cdp.on('Tracing.dataCollected', (e) => traced.push(...e.value));
      await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['disabled-by-default-v8.cpu_profiler', 'v8.execute'] } });
    }
    const start = process.hrtime.bigint();
    await page.setInputFiles('#calls-file', file);
    await page.waitForSelector('#calls-progress', { state: 'detached', timeout: 600000 });
    const readSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    await page.waitForFunction(() => /to other hosts/.test(document.querySelector('#calls-status').textContent), null, { timeout: 600000 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    clearInterval(poll);
    let profile;
    if (PROFILE) {
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      profile = topFunctions(traced);
    }
    const end = renderers();
    for (const r of end) { peak = Math.max(peak, r.mb); privPeak = Math.max(privPeak, r.priv); }
    const rendererCpuSeconds = +(end.reduce((a, r) => a + r.cpu, 0) - cpuBefore).toFixed(2);
    const browserCpuSeconds = +(browserCpu() - allBefore).toFixed(2);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const status = await page.textContent('#calls-status');
    const error = await page.textContent('#calls-error');
    return { readSeconds: +readSeconds.toFixed(2), seconds: +seconds.toFixed(2), rendererCpuSeconds, browserCpuSeconds,
      tabPrivateBeforeMb: +privBefore.toFixed(1), tabPrivatePeakMb: +privPeak.toFixed(1),
      rendererRssBeforeMb: +before.toFixed(1), rendererRssPeakMb: +peak.toFixed(1), jsHeapUsedMb: +(metrics.JSHeapUsedSize / 1048576).toFixed(1),
      jsHeapTotalMb: +(metrics.JSHeapTotalSize / 1048576).toFixed(1), status: status.trim(), error: error.trim(), profile };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = mkdtempSync(join(tmpdir(), 'tierscope-har-page-'));
  const file = keep || join(dir, 'big.har');
  try {
    const w = writeHar(file, MB * 1e6);
    const r = await run(file);
    console.log(JSON.stringify({ har_mb: +(statSync(file).size / 1e6).toFixed(1), entries: w.entries, ...r,
      loadAverage: loadavg().map((x) => +x.toFixed(1)) }));
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
