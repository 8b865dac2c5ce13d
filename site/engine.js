// The page's evaluator. boot.js has started the wasm's streaming compile (from its own script tag, or
// when imported here); start() instantiates the compiled module here, on the main thread, which makes
// the first result. The evaluator worker (worker.js, its own instance of the same module) is started
// once that result is painted, or at once when it is needed sooner (a heavy input; no module here).
// Calls asked of it before it runs wait for it (issue 21: on a 2-core machine a worker started with the
// page competed with the first result for the CPU).
// evaluate(job): a small input (jobs of at most SMALL_CHARS characters and SMALL_WORDS words: a lean
// check of ~300 scopes takes 1–3 ms) is evaluated here, in the input's own task, so its result is
// painted in the frame after the key; its answer is delivered in a microtask (answer.now = true).
// Before this thread's instance is ready a small input waits for it (it answers the newest input).
// Heavy inputs (long pastes, HAR-sized texts) go to the worker, which keeps at most one evaluation
// in flight: the newest input wins, older ones waiting are replaced, and an answer for an input that
// is no longer the newest is dropped. Should an evaluation here take longer than 3 x SLOW_MS, or
// longer than SLOW_MS twice in a row (past the first few, which run before the code is optimized: one
// slow one may be the machine), inputs at least that long go to the worker from then on, so the page
// blocks a frame once at most.
// When none of them took over 3 x SLOW_MS (a busy machine rather than a heavy input), the main thread is
// tried again after 8 answers from the worker.
// call(name, ...args) runs any other API function in the worker (scopes, buildUrls, migrate, diff,
// markdown, calls, …). An evaluation's answer is the lean report (what the matrix paints);
// full(answer) asks the worker for its whole report.

import './boot.js';
import { createTierscope } from './tierscope.mjs';
import { evaluateJob } from './jobs.js';

const SMALL_CHARS = 12000; const SMALL_WORDS = 320; const SLOW_MS = 6;
let here = null; // the main thread's tierscope API, once loaded
let slowAt = Infinity; // inputs at least this long go to the worker (set when they were slow here)
let runs = 0; let slow = []; // evaluations here; the sizes of the slow ones in a row
let retry = 0; // > 0: worker answers until the main thread is tried again (0: never, the input was heavy)
let answered = 0; // the newest seq answered here (the worker's answer for it, if any, is dropped)

let worker = null; let boot = null;
let hereComing = false; // this thread's instance is on its way: small inputs wait for it
let early = []; // messages for the worker asked before it was started
let calls = 0;
const answers = new Map();
let seq = 0; let inFlight = 0; let queued = null; let onResult = null;
let sent = null; // the evaluation in flight: {seq, job}
let readyResolve; let readyReject;
/** Resolves to {version, as_of, catalog} once the evaluator is loaded; rejects with a readable Error. */
export const ready = new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; });
ready.catch(() => {});

export function start() {
  if (boot) return;
  boot = globalThis.tierscopeBoot;
  if (boot.compiled) startHere(boot); else startWorker();
}

/** Starts the worker (once) and hands it the compiled module; sends what was asked of it meanwhile. */
function startWorker() {
  if (worker) return;
  try {
    worker = new Worker(new URL('worker.js', boot.base), { type: 'module' });
  } catch (e) {
    worker = null;
    if (!here) readyReject(e);
    return;
  }
  worker.addEventListener('message', (event) => receive(event.data));
  worker.addEventListener('error', (event) => readyReject(new Error(event.message || 'the evaluator worker could not start')));
  Promise.resolve(boot.compiled).then((module) => worker.postMessage({ type: 'wasm', module: module || null }));
  for (const m of early.splice(0)) worker.postMessage(m);
}

/** The worker once the first result is painted: after the frame that shows it (a hidden page draws no frames). */
function startWorkerSoon() {
  if (worker) return;
  requestAnimationFrame(() => setTimeout(startWorker, 0));
  setTimeout(startWorker, 250);
}

function toWorker(message) {
  if (worker) worker.postMessage(message);
  else {
    early.push(message);
    if (!hereComing && !here) startWorker(); // else it starts after the first result (startWorkerSoon)
  }
}

/** The main thread's own instance of the compiled module; the newest input, if small, is evaluated at once. */
function startHere(boot) {
  hereComing = true;
  boot.compiled.then((module) => {
    if (!module) return null;
    return createTierscope({ instantiateWasm(imports, receive) {
      WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module), () => {});
      return {};
    } });
  }).then((api) => {
    if (!api) throw new Error('no module');
    here = api;
    hereComing = false;
    readyResolve({ version: api.version, as_of: api.catalog.as_of, catalog: api.catalog });
    // The newest input waits for this instance (or is with the worker, when heavy): answer it here.
    if (latest && latest.seq === seq && answered !== seq && small(latest.job)) runHere(latest);
    startWorkerSoon();
  }).catch(() => { // the worker evaluates everything
    hereComing = false;
    startWorker();
    if (latest && latest.seq === seq && answered !== seq && !inFlight) send(latest);
  });
}

let latest = null; // the newest {seq, job}

/** Characters and words of a job's text: whether it is small enough to evaluate on the main thread. */
function size(job) {
  const f = job.fields || {};
  const texts = job.mode === 'paste' ? [job.paste, job.installUrl] : [f.required, f.conditional, f.optional, job.installUrl, job.parse ? job.paste : ''];
  let chars = 0; let words = 0;
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    chars += t.length;
    if (chars > SMALL_CHARS) return Infinity;
    words += (t.match(/[^\s,;"'[\]{}:]+/g) || []).length;
  }
  return words > SMALL_WORDS ? Infinity : chars;
}

function small(job) {
  const n = size(job);
  return n <= SMALL_CHARS && n < slowAt;
}

/** Evaluates {seq, job} on the main thread; its answer reaches onResult in a microtask (before the next frame). */
function runHere(item) {
  const t0 = performance.now();
  let m;
  try { m = { seq: item.seq, ...evaluateJob(here, item.job) }; } catch (e) { m = { seq: item.seq, error: `Cannot evaluate: ${(e && e.message) || e}` }; }
  const took = performance.now() - t0;
  performance.measure('tierscope:main-thread-evaluation', { start: t0, duration: took });
  runs += 1;
  if (took <= SLOW_MS || runs <= 3) slow = [];
  else if (slow.push(size(item.job)) >= 2 || took > 3 * SLOW_MS) {
    slowAt = Math.min(slowAt, ...slow);
    slow = [];
    retry = took > 3 * SLOW_MS ? 0 : 8;
  }
  answered = item.seq;
  queued = null; // an older input waiting for the worker is not needed any more
  const out = answer(m, item.job);
  out.now = true;
  queueMicrotask(() => { if (item.seq === seq && onResult) onResult(out); });
  startWorkerSoon(); // the first result is painted in this task: the worker may start after its frame
}

function receive(m) {
  if (!m || typeof m !== 'object') return;
  if (m.type === 'ready') readyResolve({ version: m.version, as_of: m.as_of, catalog: m.catalog });
  else if (m.type === 'failed') readyReject(new Error(m.message));
  else if (m.type === 'call' || m.type === 'full') {
    const a = answers.get(m.id);
    answers.delete(m.id);
    if (!a) return;
    if (m.ok) a.resolve(m.value);
    else a.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
  } else if (m.type === 'eval') {
    const job = sent;
    inFlight = 0;
    if (retry > 0 && --retry === 0) slowAt = Infinity; // a busy machine: try the main thread again
    if (queued) send(queued); // the newest input goes next
    queued = null;
    if (m.seq === seq && m.seq !== answered && onResult) onResult(answer(m, job.job)); // an answer for an older input is dropped
  }
}

/** An 'eval' answer as the page takes it: the lean report parsed (matrix), with its format, fields and app name. */
function answer(m, job) {
  const out = { ...m, job };
  delete out.text;
  if (typeof m.text === 'string') {
    const report = JSON.parse(m.text);
    if (m.direct) { out.format = report.input.format; out.fields = report.request; }
    out.matrix = report;
    out.appName = report.input.app_name;
  }
  return out;
}

function send(job) {
  inFlight = job.seq;
  sent = job;
  startWorker();
  toWorker({ type: 'eval', seq: job.seq, job: job.job });
}

/** Sets the function that receives the answer for the newest input. */
export function onEvaluated(fn) { onResult = fn; }

/**
 * Evaluates the page's state; returns its sequence number (the answer carries it). A small input is
 * evaluated here at once (its answer comes in a microtask, before the next frame), a heavy one in the worker.
 */
export function evaluate(job) {
  seq += 1;
  const item = { seq, job };
  latest = item;
  if (here && small(job)) runHere(item);
  else if (hereComing && small(job)) { /* this thread's instance answers the newest input when ready */ }
  else if (inFlight) queued = item;
  else send(item);
  return seq;
}

/** Whether an evaluation is still to come for the newest input. */
export function busy() { return answered !== seq && (inFlight !== 0 || queued !== null); }

/** Runs one API function in the worker: resolves to its value or rejects with its Error (.code). */
export function call(name, ...args) {
  return ask({ type: 'call', name, args });
}

/**
 * The whole report (JSON text, with the granted lists) of an answer given to onEvaluated: the same
 * job (m.job) checked the same way (m.pair), without lean.
 */
export function full(m) {
  return ask({ type: 'full', job: m.job, pair: m.pair === true });
}

function ask(message) {
  calls += 1;
  const id = calls;
  return new Promise((resolve, reject) => {
    answers.set(id, { resolve, reject });
    toWorker({ ...message, id });
  });
}
