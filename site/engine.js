// The page's evaluator. boot.js has started the wasm's streaming compile (from its own script tag, or
// when imported here); start() instantiates the compiled module here, on the main thread, which makes
// the first result. The evaluator worker (worker.js, its own instance of the same module) is started
// once that result is painted, or at once when it is needed sooner (a heavy input; no module here).
// Calls asked of it before it runs wait for it (issue 21: on a 2-core machine a worker started with the
// page competed with the first result for the CPU).
// evaluate(job): an input within the main thread's limits (at most SMALL_CHARS characters and
// SMALL_WORDS words: a lean check of ~300 scopes) whose predicted cost fits BUDGET_MS is evaluated here,
// in the input's own task, so its result is painted in the frame after the key; its answer is delivered
// in a microtask (answer.now = true). Before this thread's instance is ready such an input waits for it.
// Everything else goes to the worker, which keeps at most one evaluation in flight: the newest input
// wins, older ones waiting are replaced, and an answer for an input that is no longer the newest is
// dropped.
// The guard (issue 21: no input task over 8 ms) predicts before it runs, it does not trip after a slow
// frame. Every answer is timed as this thread pays for it: here, the evaluation, the answer's parse and
// its paint; from the worker, its evaluation there (answer.took) plus the parse and paint here. A key
// changes the input by a few characters, so the last cost, scaled by the input's length, predicts the
// next one (a cost a little above the two before it is taken as noise: predict). A jump in length (a
// paste, a share link, a cleared field) has no such timing: it is priced at FIRST_MS plus the dearest
// cost per character seen lately (at least PER_CHAR, the dearest kind of input measured: names that
// are no scope, each asking for a did-you-mean; 320 random 37-character names, 12,000 characters,
// took ~86 ms in node, BENCHMARKS.md), so a heavy paste goes to the worker first and the worker's
// timing decides where the keys after it go (a paste of 100 scopes too: its answer is a frame late, the
// keys after it are not). The limits stay as a hard bound: the prediction alone never sends more than
// a lean check of ~300 scopes to this thread.
// Before the first result nothing is on screen for a long task to hold back, and the worker is not
// started yet (it would cost more than the evaluation): the first input (the example, a share link)
// is evaluated here when its predicted cost fits FIRST_BUDGET_MS; heavier ones start the worker.
// Once the first result is painted, idle time runs a few throw-away evaluations of the same input with
// a name added (one unknown, one known, a pasted list), so the first keys do not pay the wasm's lazy
// compiles (V8 compiles each function on its first call). After the worker answers a paste, this
// thread meets the paste's names the same way, in idle slices, before it takes the keys after it
// (warmNames: a name's first did-you-mean search is paid there, not in a key's task).
// call(name, ...args) runs any other API function in the worker (scopes, buildUrls, migrate, diff,
// markdown, calls, …). An evaluation's answer is the lean report (what the matrix paints);
// full(answer) asks the worker for its whole report.

import './boot.js';
import { createTierscope } from './tierscope.mjs';
import { evaluateJob } from './jobs.js';
import { whenIdle } from './dom.js';

const SMALL_CHARS = 12000; const SMALL_WORDS = 320;
// ms an input task may spend on an evaluation (the rest of 8 ms: the input handler and the frame's work);
// a jump in length is priced FIRST_MS + its characters x the dearest rate (ms per character) seen lately.
const BUDGET_MS = 5; const FIRST_MS = 1; const PER_CHAR = 0.007;
const FIRST_BUDGET_MS = 50; // the first result's (nothing painted yet): a share link of ~300 known scopes
let shown = false; // a result has been handed to the page
let here = null; // the main thread's tierscope API, once loaded
let last = null; // the newest answer's cost on this thread: {chars, ms}
let dear = PER_CHAR; // the dearest ms per character of late answers (at least PER_CHAR)
let warmed = false; // the idle warm-up has been scheduled
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
    if (latest && latest.seq === seq && answered !== seq && small(latest.n)) runHere(latest);
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

/** Whether an input of n characters is a few keys from the last one timed (else a jump: a paste, a share link). */
const near = (n) => !!last && Math.abs(n - last.chars) <= Math.max(64, last.chars / 8);

/**
 * The predicted cost (ms on this thread) of an input of n characters; see the guard above. A key is
 * priced at the last answer's cost, scaled by length, unless that cost is up on the median of the last
 * three by at most NOISE: then one answer that took longer for another reason (a collection, the
 * machine's other work) would send the next key to the worker, a frame late (issue 21: typing into 300
 * unknown names, ~4 ms each, is near the budget), so the median prices it. Two such answers in a row
 * move the median; a larger jump (a config that became readable) is believed at once.
 */
const NOISE = 1.5;
function predict(n) {
  if (warming && near(n)) return Infinity; // the keys after a paste: this thread has not met its names yet (warmNames)
  if (near(n)) {
    const scaled = (c) => c.ms * Math.max(1, n / Math.max(1, c.chars));
    const newest = scaled(last);
    if (recent.length < 3) return newest;
    const median = recent.map(scaled).sort((a, b) => a - b)[1];
    return newest > median && newest <= NOISE * median ? median : newest;
  }
  return FIRST_MS + n * dear;
}
let recent = []; // the last (up to three) answers' costs, each near the next: [{chars, ms}]

/** Records what an answer cost this thread (ms) for an input of n characters. */
function note(n, ms) {
  if (!(n <= SMALL_CHARS) || !(ms >= 0)) return;
  if (!near(n)) recent = [];
  last = { chars: n, ms };
  recent = [...recent.slice(-2), last];
  if (n >= 500) dear = Math.max(PER_CHAR, dear / 2, ms / n);
}

const small = (n) => n <= SMALL_CHARS && predict(n) <= (shown ? BUDGET_MS : FIRST_BUDGET_MS);

/** Evaluates {seq, job} on the main thread; its answer reaches onResult in a microtask (before the next frame). */
function runHere(item) {
  const t0 = performance.now();
  let m;
  try { m = { seq: item.seq, ...evaluateJob(here, item.job, true) }; } catch (e) { m = { seq: item.seq, error: `Cannot evaluate: ${(e && e.message) || e}` }; }
  performance.measure('tierscope:main-thread-evaluation', { start: t0, duration: performance.now() - t0 });
  answered = item.seq;
  queued = null; // an older input waiting for the worker is not needed any more
  const out = answer(m, item.job);
  out.now = true;
  queueMicrotask(() => {
    if (item.seq === seq && onResult) { shown = true; onResult(out); }
    note(item.n, performance.now() - t0); // the whole task's cost: evaluation, parse, paint
  });
  if (!warmed) { warmed = true; warmUp(item.job); }
  startWorkerSoon(); // the first result is painted in this task: the worker may start after its frame
}

/**
 * Idle time after the first result: throw-away evaluations of the input with a name added (unknown,
 * known) and of a short pasted list, one per idle period, so the typing path's wasm functions are
 * compiled before the first key needs them. Answers are discarded; nothing on the page changes.
 */
function warmUp(job) {
  // Typing into the paste (a list, or a config left unreadable for a moment) and into the three fields.
  const fields = (extra) => ({ ...job, mode: 'fields', parse: false, synced: false,
    fields: { ...job.fields, optional: `${(job.fields && job.fields.optional) || ''} ${extra}` } });
  const jobs = [{ ...job, paste: `${job.paste} crm.objects.conta` }, fields('crm.objects.conta'), fields('crm.objects.contacts.read'),
    { mode: 'paste', parse: true, paste: 'crm.objects.contacts.read crm.objects.custom0.reed', installUrl: '', fields: {}, options: job.options, format: 'list' }];
  const next = () => {
    const j = jobs.shift();
    if (!j) return;
    try { evaluateJob(here, j, true); } catch { /* a warm-up only */ }
    idle(next);
  };
  idle(next);
}

/**
 * After the worker answered a jump (a paste) that this thread could take the keys of: this thread's
 * instance meets the input's names first, from the first idle period on, a slice per task, each slice
 * sized to take ~WARM_MS (so a key or a frame waits no longer than that), and takes no key meanwhile
 * (predict). What a name costs the first time (the did-you-mean search of a name that is no scope, the
 * wasm's lazy compiles) is paid here, not by the first key after the paste
 * (issue 21: a paste of 300 unknown names made that key's task 10-25 ms); the answers are discarded.
 */
const WARM_MS = 3;
let warming = 0; // the warm-up running (its number), 0 when none
let warmRuns = 0; // warm-ups started
function warmNames(request, options) {
  const names = [...new Set([...(request.required || []), ...(request.conditional || []), ...(request.optional || [])])];
  const mine = ++warmRuns;
  warming = mine;
  let at = 0; let slice = 8;
  const next = (deadline) => {
    if (warming !== mine) return;
    if (at >= names.length) { warming = 0; return; }
    if (deadline && !deadline.didTimeout && deadline.timeRemaining() < WARM_MS + 1) { idle(next); return; }
    const part = names.slice(at, at + slice);
    at += part.length;
    const t0 = performance.now();
    try { evaluateJob(here, { mode: 'paste', parse: false, paste: part.join(' '), installUrl: '', fields: {}, options, format: 'list', synced: true }, true); } catch { /* a warm-up only */ }
    const ms = performance.now() - t0;
    slice = Math.max(4, Math.min(64, Math.round(part.length * (WARM_MS / Math.max(0.1, ms)))));
    setTimeout(next, 0); // a task of its own: one slice per idle period (~50 ms apart when idle) left the first keys to the worker
  };
  idle(next);
}

const idle = (fn) => whenIdle(fn, 1000, 50);

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
    const t1 = performance.now();
    inFlight = 0;
    if (queued) send(queued); // the newest input goes next
    queued = null;
    if (m.seq === seq && m.seq !== answered && onResult) { // an answer for an older input is dropped
      const out = answer(m, job.job);
      shown = true;
      onResult(out);
      if (job.jump && here && job.n <= SMALL_CHARS && out.matrix && out.matrix.request) warmNames(out.matrix.request, job.job.options);
    }
    // Its cost had it been made here: the worker's evaluation, the parse and the paint (app.js paints it at once).
    if (typeof m.took === 'number' && m.seq === seq) note(job.n, m.took + performance.now() - t1);
  }
}

/** An 'eval' answer as the page takes it: the lean report parsed (matrix), with its format, fields and app name. */
function answer(m, job) {
  const out = { ...m, job };
  delete out.text;
  delete out.report;
  if (typeof m.text === 'string' || m.report) {
    const report = m.report || JSON.parse(m.text);
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
  const item = { seq, job, n: size(job) };
  item.jump = !near(item.n);
  if (item.jump) warming = 0; // another input altogether: the names being warmed are not its names
  latest = item;
  if (here && small(item.n)) runHere(item);
  else if (hereComing && small(item.n)) { /* this thread's instance answers the newest input when ready */ }
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
