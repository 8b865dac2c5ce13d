// The page's evaluator: a module Web Worker that owns the wasm module, so no evaluation ever runs
// on the page's main thread. The page may hand over the compiled WebAssembly.Module (it starts the
// streaming compile before anything else); otherwise the worker fetches and compiles it itself.
// Protocol (engine.js is the other side):
//   page → worker {type: 'wasm', module} | {type: 'eval', seq, job} | {type: 'call', id, name, args}
//   worker → page {type: 'ready', version, as_of} | {type: 'failed', message}
//                 {type: 'eval', seq, ...result} | {type: 'call', id, ok, value | error}
import { createTierscope } from './tierscope.mjs';
import { pairActive } from './urlcheck.js';

// The module compiled by the page, when it sends one before the factory asks for it.
let handed; const compiled = new Promise((resolve) => { handed = resolve; });
let ts = null;
const waiting = [];

const errorOf = (e) => ({ message: (e && e.message) || String(e), code: (e && e.code) || 'internal-error' });

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
  postMessage({ type: 'ready', version: ts.version, as_of: ts.catalog.as_of });
  for (const m of waiting.splice(0)) handle(m);
}, (e) => postMessage({ type: 'failed', message: errorOf(e).message }));

/**
 * What the matrix needs, as a report of its own: the report without the granted lists (the bulk of
 * a long request's report), the request and the suggestions. The page paints the cells from it.
 */
function compact(report) {
  const lean = (p) => { const { granted, ...rest } = p; return rest; };
  return {
    input: report.input,
    diagnostics: report.diagnostics,
    profiles: report.profiles.map(lean),
    coverage: report.coverage,
    account: report.account ? lean(report.account) : null,
    url_check: report.url_check || null,
  };
}

/**
 * One evaluation of the page's state. job: {mode, parse, paste, fields, installUrl, options, format, synced}.
 * With parse the paste is read first: its format comes back, and in paste mode its three fields.
 */
function evaluate(job) {
  const out = { format: job.format, fields: null, error: null, pairError: '' };
  let synced = job.synced;
  if (job.parse || job.mode === 'paste') {
    try {
      const p = ts.parse(job.paste);
      out.format = p.format;
      if (job.mode === 'paste') { out.fields = p.request; synced = true; }
    } catch (e) {
      if (job.mode === 'paste') {
        out.error = `Cannot read the pasted text: ${errorOf(e).message}`;
        out.parseFailed = true;
        return out;
      }
    }
  }
  let text = null;
  if (pairActive(job, out.format, synced)) { // the config and its install URL, checked together
    try { text = ts.checkPairJson(job.paste, job.installUrl, job.options); out.pair = true; } catch (e) { out.pairError = errorOf(e).message; }
  }
  if (text === null) {
    try {
      text = ts.checkJson(job.mode === 'paste' ? job.paste : job.fields, job.options);
    } catch (e) {
      out.error = `${job.mode === 'paste' ? 'Cannot read the pasted text' : 'Cannot evaluate the fields'}: ${errorOf(e).message}`;
      return out;
    }
  }
  const report = JSON.parse(text);
  out.matrix = compact(report);
  out.appName = report.input.app_name;
  out.text = text; // the whole report, parsed by the page when it is idle
  return out;
}

function handle(m) {
  if (m.type === 'eval') {
    let result;
    try { result = evaluate(m.job); } catch (e) { result = { error: `Cannot evaluate: ${errorOf(e).message}` }; }
    postMessage({ type: 'eval', seq: m.seq, ...result });
  } else if (m.type === 'call') {
    // A value or a promise (calls() loads its module on first use).
    new Promise((resolve) => {
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
