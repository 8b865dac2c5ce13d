// The page's side of the evaluator worker (worker.js). boot.js has started the worker and the wasm's
// streaming compile (from its own script tag, or when imported here); start() takes the worker over.
// evaluate(job) keeps at most one evaluation in flight: the newest input wins, older ones waiting
// are replaced, and an answer for an input that is no longer the newest is dropped.
// call(name, ...args) runs any other API function (scopes, buildUrls, migrate, diff, markdown, …).
// An evaluation's answer is the lean report (what the matrix paints); full(answer) asks for its whole report.

import './boot.js';

let worker = null;
let calls = 0;
const answers = new Map();
let seq = 0; let inFlight = 0; let queued = null; let onResult = null;
let sent = null; // the evaluation in flight: {seq, job}
let readyResolve; let readyReject;
/** Resolves to {version, as_of, catalog} once the evaluator is loaded; rejects with a readable Error. */
export const ready = new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; });
ready.catch(() => {});

export function start() {
  if (worker) return;
  const boot = globalThis.tierscopeBoot;
  if (boot.error) {
    readyReject(boot.error);
    return;
  }
  worker = boot.worker;
  const failed = (event) => readyReject(new Error(event.message || 'the evaluator worker could not start'));
  worker.addEventListener('message', (event) => receive(event.data));
  worker.addEventListener('error', failed);
  for (const event of boot.release()) { // what the worker said before the page took it over
    if (event.type === 'message') receive(event.data); else failed(event);
  }
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
    const answered = sent;
    inFlight = 0;
    if (queued) send(queued); // the newest input goes next
    queued = null;
    if (m.seq === seq && onResult) onResult(answer(m, answered.job)); // an answer for an older input is dropped
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
  worker.postMessage({ type: 'eval', seq: job.seq, job: job.job });
}

/** Sets the function that receives the answer for the newest input. */
export function onEvaluated(fn) { onResult = fn; }

/** Evaluates the page's state; returns its sequence number (the answer carries it). */
export function evaluate(job) {
  seq += 1;
  const item = { seq, job };
  if (inFlight) queued = item; else send(item);
  return seq;
}

/** Whether an evaluation is still to come for the newest input. */
export function busy() { return inFlight !== 0 || queued !== null; }

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
    worker.postMessage({ ...message, id });
  });
}
