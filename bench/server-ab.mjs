// A/B of the bench's static server: the same built site served by python3 -m http.server (what
// tests/browser/lib.mjs used) and by serve() (node), cold visits alternating; navigation → first
// result and → painted, wall ms (bench/browser.mjs FIRST_RESULT).   node bench/server-ab.mjs SITE_DIR [RUNS]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve, CHROMIUM_ARGS } from '../tests/browser/lib.mjs';
import { FIRST_RESULT } from './browser.mjs';
import { median } from './stats.mjs';

const require = createRequire(import.meta.url);
const [dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 8);
function python(root) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d) => { out += d; const m = /port (\d+)/.exec(out); if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, close: () => proc.kill() }); });
    proc.on('error', reject);
  });
}
const servers = { python: await python(dir), node: await serve(dir) };
const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: CHROMIUM_ARGS });
const out = { python: [], node: [] };
try {
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 ? ['node', 'python'] : ['python', 'node']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(FIRST_RESULT);
      await page.goto(`${servers[name].origin}/`);
      await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 60000 });
      out[name].push(await page.evaluate(() => [window.__result, window.__painted]));
      await context.close();
    }
  }
} finally { await browser.close(); for (const s of Object.values(servers)) s.close(); }
for (const [name, xs] of Object.entries(out)) {
  console.log(`${name}: result median ${median(xs.map((x) => x[0])).toFixed(0)} ms, painted ${median(xs.map((x) => x[1])).toFixed(0)} ms (${xs.length} visits: ${xs.map((x) => x[0].toFixed(0)).join(' ')})`);
}
