// The headless-Chromium half of bench/run.mjs: wasm check() per size and the wasm floor in a page,
// the module's start-up in a bare page, navigation → first result and keystroke → frame on each
// target's built site. Each navigation and start-up run gets a fresh browser context (cold cache).
// Both targets are served side by side by one static server, runs alternate between them.
import { cpSync, mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, CHROMIUM_ARGS } from '../tests/browser/lib.mjs';
import { median, quantile } from './stats.mjs';

const require = createRequire(import.meta.url);

// Runs in the page: median ms per call of fn (samples of at least minMs each; the page's clock is coarse).
const SAMPLE = `(fn, cfg) => { const warm = performance.now(); do fn(); while (performance.now() - warm < cfg.minMs * 4); const per = [];
  for (let s = 0; s < cfg.samples; s++) { let reps = 0; const t0 = performance.now(); let t = t0;
    do { fn(); reps += 1; t = performance.now(); } while (t - t0 < cfg.minMs); per.push((t - t0) / reps); }
  per.sort((a, b) => a - b); const m = per.length >> 1; return per.length % 2 ? per[m] : (per[m - 1] + per[m]) / 2; }`;

// Installed before the page's own scripts: when the Free cell first shows a real status, and when
// the frame that shows it has been rendered (both ms since navigation start). A change made inside a
// requestAnimationFrame callback is rendered in that frame; any other, in the next one (the flag is
// cleared after the callback's microtasks, where the MutationObserver's callback runs).
export const FIRST_RESULT = `(() => {
  let inFrame = false;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { inFrame = true; try { cb(t); } finally { queueMicrotask(() => { inFrame = false; }); } });
  const rendered = (fn) => { const c = new MessageChannel(); c.port1.onmessage = fn; c.port2.postMessage(0); };
  const done = () => { const b = document.querySelector('#matrix [data-profile=free]'); return b && b.dataset.status && b.dataset.status !== 'pending'; };
  const obs = new MutationObserver(() => {
    if (window.__result !== undefined || !done()) return;
    window.__result = performance.now(); obs.disconnect();
    const mark = () => { window.__painted = performance.now(); };
    if (inFrame) rendered(mark); else raf(() => rendered(mark));
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})();`;

// Types `text` into `field`, one input event per character. Per key: the time to the next painted
// frame (does the page block?) and to the painted frame showing the key's result: the page's own
// measure tierscope:keystroke-to-frame when it has one; otherwise the page renders within the
// frame after the input (the "before" page), so that frame is the result frame.
// And whether the key's result is painted in the first frame after the key (issue 21), compared in
// frames, not milliseconds: a requestAnimationFrame scheduled at the key gives the first frame's
// timestamp; one scheduled when the matrix changes (a mutation in #matrix, or the page's
// tierscope:matrix mark, whichever comes first) gives the painting frame's. Equal timestamps = the
// first frame. A change made inside a frame's callbacks schedules its rAF for the frame after: such a
// page paints its result a frame late by this measure.
export async function typeKeys(page, field, text, gap) {
  return page.evaluate(async ([sel, chars, pause]) => {
    const el = document.querySelector(sel);
    el.focus();
    const painted = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); }));
    const marked = performance.getEntriesByName('tierscope:first-result').length > 0;
    const measures = () => performance.getEntriesByName('tierscope:keystroke-to-frame');
    // The page's own measures of a key's result, as they come (an observer: no polling of the bench's
    // own in the key's frames); evaluations before typing (the load, the paste) are not counted.
    let measured = null;
    const seen = new PerformanceObserver(() => { if (measured) measured(); });
    seen.observe({ entryTypes: ['measure'] });
    const mainBefore = performance.getEntriesByName('tierscope:main-thread-evaluation').length;
    let pending = null; // the key's {resolve, scheduled}: the frame that paints the matrix change
    const changed = () => {
      if (!pending || pending.scheduled) return;
      const p = pending; p.scheduled = true;
      requestAnimationFrame((t) => p.resolve(t));
    };
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => { const r = mark(name, ...rest); if (name === 'tierscope:matrix') changed(); return r; };
    const observer = new MutationObserver(changed);
    observer.observe(document.querySelector('#matrix'), { subtree: true, childList: true, attributes: true, characterData: true });
    const next = []; const result = []; const firstFrame = []; const task = [];
    // Frames while typing: a requestAnimationFrame loop; the longest gap between two frames, less one
    // frame interval (the median gap), is the longest a frame waited (issue 21: never > 8 ms).
    const frames = []; let looping = true;
    const loop = (t) => { frames.push(t); if (looping) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    for (const ch of chars) {
      const before = measures().length;
      const resultFrame = new Promise((resolve) => { pending = { resolve, scheduled: false }; });
      const keyFrame = new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      el.value += ch;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      task.push(performance.now() - t0); // the input event's own task: what the key blocks at once
      next.push((await painted()) - t0);
      if (marked) {
        if (measures().length <= before) {
          await new Promise((r) => {
            const t = setTimeout(r, 10000);
            measured = () => { if (measures().length > before) { clearTimeout(t); r(); } };
          });
          measured = null;
        }
        const m = measures()[before];
        result.push(m ? m.duration : NaN);
      } else result.push(next[next.length - 1]);
      const tKey = await keyFrame;
      const tResult = await Promise.race([resultFrame, new Promise((r) => setTimeout(() => r(NaN), 2000))]);
      pending = null;
      firstFrame.push(tResult === tKey);
      await new Promise((r) => setTimeout(r, pause));
    }
    observer.disconnect();
    seen.disconnect();
    looping = false;
    performance.mark = mark;
    const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
    const interval = gaps.length ? gaps[gaps.length >> 1] : 0;
    const late = gaps.map((g) => g - interval);
    // The longest evaluation the page ran on its main thread while typing (0: none there).
    const here = performance.getEntriesByName('tierscope:main-thread-evaluation').slice(mainBefore).map((e) => e.duration);
    return { next, result, marked, firstFrame, task, interval, frameLateMax: late.length ? late[late.length - 1] : NaN,
      framesLate8: late.filter((x) => x > 8).length, frameCount: gaps.length, mainMax: here.length ? Math.max(...here) : 0, mainCount: here.length };
  }, [field, [...text], gap]);
}

export async function browserFigures({ targets, inputs, floorWasm, configurations, cfg, tmp }) {
  const www = join(tmp, 'www');
  mkdirSync(join(www, 'bench'), { recursive: true });
  writeFileSync(join(www, 'bench', 'blank.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');
  copyFileSync(floorWasm, join(www, 'bench', 'floor.wasm'));
  for (const t of targets) {
    cpSync(t.site, join(www, t.name), { recursive: true });
    cpSync(t.wasmDir, join(www, `${t.name}-module`), { recursive: true, filter: (f) => !/\.(o|a|cmake|txt)$/.test(f) });
  }
  const server = await serve(www);
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: CHROMIUM_ARGS });
  // A cold context. Requests are watched, not intercepted: routing sends every request through this
  // process and back, which delays each file (most of all a parser-blocking script) by a round trip no
  // visitor has. The pages' CSP allows only their own origin; a request elsewhere fails the bench.
  const foreign = [];
  const fresh = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (r) => { const u = r.url(); if (!u.startsWith(server.origin) && !/^(data|blob):/.test(u)) foreign.push(u); });
    return context;
  };
  const out = { floor: null, targets: {} };
  try {
    // The floor and check() per size, one page each.
    let context = await fresh();
    let page = await context.newPage();
    await page.goto(`${server.origin}/bench/blank.html`);
    out.floor = await page.evaluate(async ([sampler, sizes, words, c]) => {
      const sample = eval(sampler); // eslint-disable-line no-eval
      const { instance } = await WebAssembly.instantiate(await (await fetch('floor.wasm')).arrayBuffer(), {});
      const { floor_init: init, floor_pass: pass } = instance.exports;
      init(words, 300, 42n);
      return sizes.map((n) => sample(() => pass(words, n), c));
    }, [SAMPLE, inputs.map((i) => i.split(' ').length), configurations / 64, cfg]);
    for (const t of targets) {
      const [check, lean] = await page.evaluate(async ([sampler, url, list, c]) => {
        const sample = eval(sampler); // eslint-disable-line no-eval
        const ts = await (await import(url)).createTierscope();
        const hasLean = (() => { try { ts.check('oauth', { lean: true }); return true; } catch { return false; } })();
        // Steady state first (see nodeFigures in run.mjs): every size, full and lean, for c.warmMs.
        for (const t0 = performance.now(); performance.now() - t0 < c.warmMs;) {
          for (const input of list) { ts.check(input); if (hasLean) ts.check(input, { lean: true }); }
        }
        return [list.map((input) => sample(() => ts.check(input), c)),
          list.map((input) => (hasLean ? sample(() => ts.check(input, { lean: true }), c) : null))];
      }, [SAMPLE, `${server.origin}/${t.name}-module/tierscope.mjs`, inputs, cfg]);
      out.targets[t.name] = { check, lean: lean.map((x) => (x === null ? NaN : x)) };
    }
    await context.close();

    // Start-up in a bare page and navigation → first result, alternating targets, cold each time.
    const starts = Object.fromEntries(targets.map((t) => [t.name, []]));
    const navs = Object.fromEntries(targets.map((t) => [t.name, []]));
    for (let i = 0; i < cfg.runs; i++) {
      for (const t of i % 2 ? [...targets].reverse() : targets) { // alternate which target goes first
        context = await fresh();
        page = await context.newPage();
        await page.goto(`${server.origin}/bench/blank.html`);
        starts[t.name].push(await page.evaluate(async ([url, input]) => {
          const t0 = performance.now(); const m = await import(url); const t1 = performance.now();
          const ts = await m.createTierscope(); const t2 = performance.now(); ts.check(input);
          return [t1 - t0, t2 - t1, performance.now() - t2];
        }, [`${server.origin}/${t.name}-module/tierscope.mjs`, inputs[Math.min(1, inputs.length - 1)]]));
        await context.close();

        context = await fresh();
        const loaded = new Set();
        context.on('request', (r) => { const u = r.url(); if (u.startsWith(`${server.origin}/${t.name}/`)) loaded.add(u.slice(server.origin.length + t.name.length + 2).split(/[?#]/)[0] || 'index.html'); });
        page = await context.newPage();
        await page.addInitScript(FIRST_RESULT);
        await page.goto(`${server.origin}/${t.name}/`);
        await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 30000 });
        navs[t.name].push(await page.evaluate(() => [window.__result, window.__painted]));
        await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
        await page.waitForTimeout(300);
        out.targets[t.name].loaded = [...loaded].sort();
        await context.close();
      }
    }
    for (const t of targets) {
      const s = starts[t.name]; const n = navs[t.name];
      Object.assign(out.targets[t.name], {
        startup: { import: median(s.map((x) => x[0])), create: median(s.map((x) => x[1])), first: median(s.map((x) => x[2])),
          total: median(s.map((x) => x[0] + x[1] + x[2])) },
        nav: { result: median(n.map((x) => x[0])), resultP75: quantile(n.map((x) => x[0]), 0.75), painted: median(n.map((x) => x[1])) },
      });
    }

    // Keystroke → frame: the example app (typing into the optional scopes) and 100 scopes (typing
    // into the pasted list), cfg.keys keys each.
    const many = inputs[inputs.length > 3 ? 3 : inputs.length - 1];
    const words = many.split(' ');
    const typed = (start) => { let s = ''; for (let i = start; s.length < cfg.keys; i++) s += ' ' + words[i % words.length].slice(0, 12); return s.slice(0, cfg.keys); };
    const scenarios = [
      { name: 'example app, typing into the optional scopes', field: '#optional', setup: null, text: typed(3) },
      { name: `${words.length} scopes pasted, typing more into the paste`, field: '#paste', setup: many, text: typed(7) },
      // At the main thread's limits (site/engine.js: ≤ 320 words): names that are no scope, each of which
      // asks for a did-you-mean, the heaviest small input (BENCHMARKS.md, "the guard").
      { name: '300 unknown names pasted (the main thread\'s limit), typing more', field: '#paste', format: 'list',
        setup: Array.from({ length: 300 }, (_, i) => `crm.objects.custom${i}.reed`).join(' '), text: typed(11).slice(0, Math.min(cfg.keys, 60)) },
    ];
    for (const sc of scenarios) {
      for (const t of targets) {
        context = await fresh();
        page = await context.newPage();
        await page.goto(`${server.origin}/${t.name}/`);
        await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
        if (sc.setup) {
          await page.fill('#paste', sc.setup);
          await page.waitForFunction(() => document.querySelector('#format')?.dataset.format === 'list', null, { timeout: 30000 });
        }
        await page.waitForTimeout(500);
        // CPU per key (readable under load): the renderer's main thread and the whole renderer process.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
        const m0 = await metrics();
        const r = await typeKeys(page, sc.field, sc.text, cfg.gap);
        const m1 = await metrics();
        const keys = [...sc.text].length;
        r.cpuMain = (1000 * (m1.ThreadTime - m0.ThreadTime)) / keys;
        r.cpuRenderer = (1000 * (m1.ProcessTime - m0.ProcessTime)) / keys;
        await context.close();
        const q = (xs) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length });
        // The result in the first frame after the key: the same frame timestamp (typeKeys).
        const first = r.firstFrame.filter(Boolean).length / r.firstFrame.length;
        (out.targets[t.name].keys ||= []).push({ scenario: sc.name, next: q(r.next), result: q(r.result), first, marked: r.marked,
          mainMax: r.mainMax, mainCount: r.mainCount, task: q(r.task), taskMax: Math.max(...r.task), interval: r.interval,
          frameLateMax: r.frameLateMax, framesLate8: r.framesLate8, frameCount: r.frameCount, cpuMain: r.cpuMain, cpuRenderer: r.cpuRenderer });
      }
    }
    if (foreign.length) throw new Error(`the pages requested other origins: ${[...new Set(foreign)].join(' ')}`);
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}
