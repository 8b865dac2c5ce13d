// The page's evaluator for heavy work: a module Web Worker with its own instance of the wasm module.
// It evaluates the inputs too large for the page's main thread (engine.js decides), makes the full
// reports, and runs every other API call (calls, migrate, diff, the catalog listing, ...). The page
// hands over the compiled WebAssembly.Module (boot.js starts the streaming compile before anything
// else); without it the worker fetches and compiles the wasm itself.
// Protocol (engine.js is the other side):
//   page → worker {type: 'wasm', module} | {type: 'eval', seq, job} | {type: 'full', id, job, pair}
//                 | {type: 'call', id, name, args}
//   worker → page {type: 'ready', version, as_of, catalog} | {type: 'failed', message}
//                 {type: 'eval', seq, ...result} | {type: 'full' | 'call', id, ok, value | error}
//   'eval' answers with the lean report's JSON text (and took: ms the evaluation took here) (no granted lists: what the matrix paints), whether
//   the pair check made it (pair) and whether the paste's format and fields are the report's (direct);
//   'full' with the whole report's JSON text of an evaluated job.
import { createTierscope } from './tierscope.mjs';
import { evaluateJob, reportText, errorOf } from './jobs.js';
import { harCalls } from './har.js'; // a dropped HAR file, read here part by part into the calls module

// The module compiled by the page, when it sends one before the factory asks for it.
let handed; const compiled = new Promise((resolve) => { handed = resolve; });
let ts = null;
const waiting = [];

const ready = createTierscope({
  instantiateWasm(imports, receive) {
    compiled.then((module) => (module ? WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module))
      : fallback(imports, receive)))
      .catch((e) => postMessage({ type: 'failed', message: errorOf(e).message }));
    return {};
  },
});

/** Without a module from the page: fetch and compile here (streaming when the server allows). */
function fallback(imports, receive) {
  const url = new URL('tierscope.wasm', import.meta.url);
  fetch(url, { credentials: 'same-origin' })
    .then((r) => {
      if (!r.ok) throw new Error(`could not load ${url}: HTTP ${r.status}`);
      return WebAssembly.instantiateStreaming(r.clone(), imports).catch(() => r.arrayBuffer().then((b) => WebAssembly.instantiate(b, imports)));
    })
    .then((result) => receive(result.instance, result.module))
    .catch((e) => postMessage({ type: 'failed', message: errorOf(e).message }));
}

// The page always sends {type: 'wasm'} (module or null); should it never come, compile here.
setTimeout(() => handed(null), 10000);

ready.then((api) => {
  ts = api;
  postMessage({ type: 'ready', version: ts.version, as_of: ts.catalog.as_of, catalog: ts.catalog });
  for (const m of waiting.splice(0)) handle(m);
}, (e) => postMessage({ type: 'failed', message: errorOf(e).message }));

function handle(m) {
  if (m.type === 'eval') {
    let result; const t0 = performance.now();
    try { result = evaluateJob(ts, m.job); } catch (e) { result = { error: `Cannot evaluate: ${errorOf(e).message}` }; }
    postMessage({ type: 'eval', seq: m.seq, ...result, took: performance.now() - t0 }); // took: the page's guard predicts from it
  } else if (m.type === 'full') {
    try { postMessage({ type: 'full', id: m.id, ok: true, value: reportText(ts, m.job, m.pair === true, false) }); } catch (e) { postMessage({ type: 'full', id: m.id, ok: false, error: errorOf(e) }); }
  } else if (m.type === 'call') {
    // A value or a promise (calls() loads its module on first use).
    new Promise((resolve) => {
      if (Object.hasOwn(harCalls, m.name)) { resolve(harCalls[m.name](ts, ...m.args)); return; }
      if (typeof ts[m.name] !== 'function') throw new Error(`no such call: ${m.name}`);
      resolve(ts[m.name](...m.args));
    }).then((value) => postMessage({ type: 'call', id: m.id, ok: true, value }),
      (e) => postMessage({ type: 'call', id: m.id, ok: false, error: errorOf(e) }));
  }
}

addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'wasm') { handed(m.module instanceof WebAssembly.Module ? m.module : null); return; }
  if (ts) handle(m); else waiting.push(m);
});
