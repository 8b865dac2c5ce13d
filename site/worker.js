// The page's evaluator: a module Web Worker that owns the wasm module, so no evaluation ever runs
// on the page's main thread. The page may hand over the compiled WebAssembly.Module (it starts the
// streaming compile before anything else); otherwise the worker fetches and compiles it itself.
// Protocol (engine.js is the other side):
//   page → worker {type: 'wasm', module} | {type: 'eval', seq, job} | {type: 'full', id, job, pair}
//                 | {type: 'call', id, name, args}
//   worker → page {type: 'ready', version, as_of, catalog} | {type: 'failed', message}
//                 {type: 'eval', seq, ...result} | {type: 'full' | 'call', id, ok, value | error}
//   'eval' answers with the lean report's JSON text (no granted lists: what the matrix paints), whether
//   the pair check made it (pair) and whether the paste's format and fields are the report's (direct);
//   'full' with the whole report's JSON text of an evaluated job.
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
  postMessage({ type: 'ready', version: ts.version, as_of: ts.catalog.as_of, catalog: ts.catalog });
  for (const m of waiting.splice(0)) handle(m);
}, (e) => postMessage({ type: 'failed', message: errorOf(e).message }));

/** Reads the paste for its format (and, in paste mode, its three fields) into out; false when it cannot be read. */
function readPaste(job, out) {
  try {
    const p = ts.parse(job.paste);
    out.format = p.format;
    if (job.mode === 'paste') out.fields = p.request;
    return true;
  } catch (e) {
    if (job.mode === 'paste') {
      out.error = `Cannot read the pasted text: ${errorOf(e).message}`;
      out.parseFailed = true;
      return false;
    }
    return true;
  }
}

/** The report text of a job: the pair check (config and install URL) or the check; lean: without the granted lists. */
function reportText(job, pair, lean) {
  const options = lean ? { ...job.options, lean: true } : job.options;
  if (pair) return ts.checkPairJson(job.paste, job.installUrl, options);
  return ts.checkJson(job.mode === 'paste' ? job.paste : job.fields, options);
}

/**
 * One evaluation of the page's state. job: {mode, parse, paste, fields, installUrl, options, format, synced}.
 * With parse the paste is read first: its format comes back, and in paste mode its three fields.
 * The answer's matrix is the lean report (docs/report.md: every profile without its granted list),
 * all the page paints on a keystroke; the page asks for the full report of a job when it needs it
 * (type 'full': the same job and pair flag, the same check without lean).
 * Without an install URL a pasted text is not parsed on its own: the report says the same (its
 * input.format and request, as ts.parse gives them); only when the check fails is the paste read
 * again, for the parse's own message.
 */
function evaluate(job) {
  const out = { format: job.format, fields: null, error: null, pairError: '' };
  let synced = job.synced;
  const direct = job.mode === 'paste' && job.installUrl.trim() === '';
  if (!direct && (job.parse || job.mode === 'paste')) {
    if (!readPaste(job, out)) return out;
    if (job.mode === 'paste') synced = true;
  }
  let text = null; let pair = false;
  if (pairActive(job, out.format, synced)) { // the config and its install URL, checked together
    try { text = reportText(job, true, true); pair = true; } catch (e) { out.pairError = errorOf(e).message; }
  }
  if (text === null) {
    try {
      text = reportText(job, false, true);
    } catch (e) {
      if (direct && !readPaste(job, out)) return out;
      out.error = `${job.mode === 'paste' ? 'Cannot read the pasted text' : 'Cannot evaluate the fields'}: ${errorOf(e).message}`;
      return out;
    }
  }
  // The text, not its parse: a string crosses to the page as one copy, an object tree is cloned
  // node by node; the page parses it once (engine.js), and takes format and fields from it when direct.
  out.pair = pair;
  out.direct = direct;
  out.text = text;
  return out;
}


function handle(m) {
  if (m.type === 'eval') {
    let result;
    try { result = evaluate(m.job); } catch (e) { result = { error: `Cannot evaluate: ${errorOf(e).message}` }; }
    postMessage({ type: 'eval', seq: m.seq, ...result });
  } else if (m.type === 'full') {
    try { postMessage({ type: 'full', id: m.id, ok: true, value: reportText(m.job, m.pair === true, false) }); } catch (e) { postMessage({ type: 'full', id: m.id, ok: false, error: errorOf(e) }); }
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
