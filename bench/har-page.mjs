// A large HAR dropped on the page (issue 19): writes a HAR of --mb MB (default 200; bench/har.mjs's
// writer: browser-like headers and large response bodies), opens the built site (build/site) in
// headless Chromium, chooses the file in the "From API calls" panel and times it until the report is
// shown. The page reads it through File.stream() into the calls module's HAR reader in its worker.
// Memory: the renderer process's resident memory (the page and its worker share it; this run's
// browser only), polled from /proc every 50 ms, and the page's JS heap (CDP Performance.getMetrics) after the read.
//   node bench/har-page.mjs [--mb 200] [--site build/site] [--keep FILE]
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

// Resident memory (MB) of each renderer process of this run's Chromium (a descendant of this node
// process: other helpers' browsers on the machine are left out).
const parentOf = (pid) => { try { return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]); } catch { return 0; } };
function mine(pid) {
  for (let p = Number(pid), hops = 0; p > 1 && hops < 16; p = parentOf(p), hops += 1) if (p === process.pid) return true;
  return false;
}
function renderers() {
  const out = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !mine(pid)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const t = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      if (rss) out.push({ pid, mb: Number(rss[1]) / 1024, cpu: (Number(t[11]) + Number(t[12])) / 100 });
    } catch { /* the process ended */ }
  }
  return out;
}

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
    const cpuBefore = at.reduce((a, r) => a + r.cpu, 0);
    let peak = before;
    const poll = setInterval(() => { for (const r of renderers()) peak = Math.max(peak, r.mb); }, 50);
    const start = process.hrtime.bigint();
    await page.setInputFiles('#calls-file', file);
    await page.waitForSelector('#calls-progress', { state: 'detached', timeout: 600000 });
    const readSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    await page.waitForFunction(() => /to other hosts/.test(document.querySelector('#calls-status').textContent), null, { timeout: 600000 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    clearInterval(poll);
    const end = renderers();
    for (const r of end) peak = Math.max(peak, r.mb);
    const rendererCpuSeconds = +(end.reduce((a, r) => a + r.cpu, 0) - cpuBefore).toFixed(2);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const status = await page.textContent('#calls-status');
    const error = await page.textContent('#calls-error');
    return { readSeconds: +readSeconds.toFixed(2), seconds: +seconds.toFixed(2), rendererCpuSeconds, rendererBeforeMb: +before.toFixed(1),
      rendererPeakMb: +peak.toFixed(1), jsHeapUsedMb: +(metrics.JSHeapUsedSize / 1048576).toFixed(1),
      jsHeapTotalMb: +(metrics.JSHeapTotalSize / 1048576).toFixed(1), status: status.trim(), error: error.trim() };
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
