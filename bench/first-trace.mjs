// Where a cold visit spends its CPU before the first result (issue 21), as thread time from Chrome
// traces, so that a loaded machine's waiting does not count. For each built site given (label=DIR),
// alternating, N cold visits (a fresh browser context each): trace the navigation until the page's
// Free cell shows its first real status (the bench's measure, bench/browser.mjs FIRST_RESULT), then
// sum each thread's CPU (the events' thread durations) up to that moment: the renderer's main thread
// by what ran (parse, script, style and layout, wasm compile, ...), the workers, the thread pool
// (TurboFan and the streaming compile).
//   node bench/first-trace.mjs [--runs N] [--hash '#...'] [--keep DIR] label=SITE_DIR ...
// --hash: visit SITE_DIR/index.html#... (e.g. a share link) instead of the bare page.
import { mkdtempSync, cpSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, CHROMIUM_ARGS } from '../tests/browser/lib.mjs';
import { FIRST_RESULT } from './browser.mjs';
import { median } from './stats.mjs';

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const option = (name, def) => { const i = argv.indexOf(name); if (i < 0) return def; const v = argv[i + 1]; argv.splice(i, 2); return v; };
const runs = Number(option('--runs', '6'));
const hash = option('--hash', '');
const keep = option('--keep', '');
const sites = argv.map((a) => { const i = a.indexOf('='); return { label: a.slice(0, i), dir: a.slice(i + 1) }; });
if (!sites.length || sites.some((s) => !s.label || !s.dir)) {
  console.error('usage: node bench/first-trace.mjs [--runs N] [--hash #...] label=SITE_DIR ...');
  process.exit(2);
}

const www = mkdtempSync(join(tmpdir(), 'tierscope-trace-'));
for (const s of sites) cpSync(s.dir, join(www, s.label), { recursive: true });
if (keep) mkdirSync(keep, { recursive: true });

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute',
  'blink.user_timing', 'loading', 'toplevel', 'disabled-by-default-v8.compile'].join(',');

// What a main-thread event is, for the table: the innermost of these names wins for its own time.
const KINDS = [
  ['wasm compile (lazy, Liftoff)', /^wasm\.CompileLazy$/],
  ['wasm compile (other)', /^(wasm\.|v8\.wasm\.)/i],
  ['script compile', /^(v8\.compile|V8\.CompileCode|v8\.parseOnBackground|V8\.ScriptCompiler|v8\.compileModule|CompileCode|CompileScript|V8\.CompileFullCode)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleRecalc)$/],
  ['layout', /^(Layout|UpdateLayerTree|LayoutInvalidationTracking|PrePaint)$/],
  ['paint', /^(Paint|PaintImage|CompositeLayers|Layerize|Commit)$/],
  ['HTML parse', /^ParseHTML$/],
  ['GC', /^(MinorGC|MajorGC|V8\.GC|BlinkGC\.|ThreadState::)/],
  ['script run', /^(EvaluateScript|v8\.evaluateModule|FunctionCall|v8\.run|V8\.Execute|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|v8\.callFunction)$/],
];
const kindOf = (name) => { for (const [k, re] of KINDS) if (re.test(name)) return k; return null; };

/** Self CPU per kind on one thread's complete events before `until` (µs → ms). */
function threadBreakdown(events, until) {
  const xs = events.filter((e) => e.ph === 'X' && e.ts < until && typeof e.tdur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = { total: 0 }; const stack = [];
  // Self time: an event's tdur less its children's; attributed to its own kind, or its parent's.
  const add = (k, v) => { out[k] = (out[k] || 0) + v; };
  const close = (e) => { const self = e.tdur - e.childT; add(e.kind || 'other', Math.max(0, self)); };
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) close(stack.pop());
    const parent = stack[stack.length - 1];
    const item = { ts: e.ts, dur: e.dur, tdur: e.tdur, childT: 0, kind: kindOf(e.name) || (parent && parent.kind) || null };
    if (parent) parent.childT += e.tdur; else out.total += e.tdur;
    stack.push(item);
  }
  while (stack.length) close(stack.pop());
  for (const k of Object.keys(out)) out[k] /= 1000;
  return out;
}

async function visit(browser, server, site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(FIRST_RESULT);
  await page.addInitScript(() => {
    const obs = new MutationObserver(() => {
      if (window.__result !== undefined && !window.__marked) { window.__marked = true; performance.mark('bench:first-result'); obs.disconnect(); }
    });
    obs.observe(document, { subtree: true, childList: true, attributes: true });
  });
  await browser.startTracing(page, { categories: CATEGORIES.split(',') });
  await page.goto(`${server.origin}/${site.label}/${hash}`);
  await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 60000 });
  const [result, painted] = await page.evaluate(() => [window.__result, window.__painted]);
  const buf = await browser.stopTracing();
  await context.close();
  const trace = JSON.parse(buf.toString('utf8'));
  const events = trace.traceEvents || trace;
  if (keep) writeFileSync(join(keep, `${site.label}-${Date.now()}.json`), buf);
  const names = new Map(); // "pid:tid" → thread name
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const mark = events.find((e) => e.name === 'bench:first-result');
  const nav = events.filter((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming' ).sort((a, b) => a.ts - b.ts)[0];
  if (!mark) throw new Error('no bench:first-result mark in the trace');
  const rendererPid = mark.pid;
  const byThread = new Map();
  for (const e of events) {
    if (e.pid !== rendererPid) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const threads = {};
  for (const [key, evs] of byThread) {
    const name = (names.get(key) || 'unnamed').replace(/\d+$/, '');
    const b = threadBreakdown(evs, mark.ts);
    if (!b.total) continue;
    if (!threads[name]) threads[name] = { total: 0 };
    for (const [k, v] of Object.entries(b)) threads[name][k] = (threads[name][k] || 0) + v;
  }
  return { result, painted, threads, navTs: nav ? nav.ts : null };
}

const server = await serve(www);
const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: CHROMIUM_ARGS });
const all = Object.fromEntries(sites.map((s) => [s.label, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const s of i % 2 ? [...sites].reverse() : sites) {
      const v = await visit(browser, server, s);
      all[s.label].push(v);
      const main = v.threads.CrRendererMain || { total: 0 };
      console.error(`${s.label} #${i + 1}: result ${v.result.toFixed(0)} ms, painted ${v.painted.toFixed(0)} ms wall; main thread CPU ${main.total.toFixed(1)} ms`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
// Medians per label: wall, then CPU per thread and per kind on the main thread.
const rows = new Set();
for (const l of Object.keys(all)) for (const v of all[l]) for (const [t, b] of Object.entries(v.threads)) for (const k of Object.keys(b)) rows.add(`${t}|${k}`);
const labels = Object.keys(all);
const med = (l, f) => median(all[l].map(f));
console.log(`| CPU ms before the first result (median of ${runs} visits) | ${labels.join(' | ')} |`);
console.log(`|---|${labels.map(() => '---:').join('|')}|`);
console.log(`| wall: navigation → first result (loaded machine) | ${labels.map((l) => med(l, (v) => v.result).toFixed(0)).join(' | ')} |`);
for (const r of [...rows].sort()) {
  const [t, k] = r.split('|');
  const vals = labels.map((l) => med(l, (v) => (v.threads[t] && v.threads[t][k]) || 0));
  if (vals.every((x) => x < 0.5)) continue;
  console.log(`| ${t}: ${k} | ${vals.map((x) => x.toFixed(1)).join(' | ')} |`);
}
