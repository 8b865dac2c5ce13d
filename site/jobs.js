// One evaluation of the page's state against a tierscope API object (ts): the same code runs in the
// evaluator worker (worker.js, for heavy inputs) and on the page's main thread (engine.js, for small
// ones, so that a key's result is painted in the frame after the key).
// job: {mode, parse, paste, fields, installUrl, options, format, synced}.
import { pairActive } from './urlcheck.js';

export const errorOf = (e) => ({ message: (e && e.message) || String(e), code: (e && e.code) || 'internal-error' });

/** Reads the paste for its format (and, in paste mode, its three fields) into out; false when it cannot be read. */
function readPaste(ts, job, out) {
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

/**
 * The report text of a job: the pair check (config and install URL) or the check; lean: without the
 * granted lists. parsed: the report itself (check() and checkPair() read the module's shorter coded
 * answer: the main thread's way, where no text has to cross from a worker).
 */
export function reportText(ts, job, pair, lean, parsed = false) {
  const options = lean ? { ...job.options, lean: true } : job.options;
  if (pair) return (parsed ? ts.checkPair : ts.checkPairJson)(job.paste, job.installUrl, options);
  return (parsed ? ts.check : ts.checkJson)(job.mode === 'paste' ? job.paste : job.fields, options);
}

/**
 * One evaluation of the page's state. With parse the paste is read first: its format comes back,
 * and in paste mode its three fields. The answer's text is the lean report (docs/report.md: every
 * profile without its granted list), all the page paints on a keystroke; the page asks for the full
 * report of a job when it needs it (the same job and pair flag, the same check without lean).
 * Without an install URL a pasted text is not parsed on its own: the report says the same (its
 * input.format and request, as ts.parse gives them); only when the check fails is the paste read
 * again, for the parse's own message.
 */
export function evaluateJob(ts, job, parsed = false) {
  const out = { format: job.format, fields: null, error: null, pairError: '' };
  let synced = job.synced;
  const direct = job.mode === 'paste' && job.installUrl.trim() === '';
  if (!direct && (job.parse || job.mode === 'paste')) {
    if (!readPaste(ts, job, out)) return out;
    if (job.mode === 'paste') synced = true;
  }
  let text = null; let pair = false;
  if (pairActive(job, out.format, synced)) { // the config and its install URL, checked together
    try { text = reportText(ts, job, true, true, parsed); pair = true; } catch (e) { out.pairError = errorOf(e).message; }
  }
  if (text === null) {
    try {
      text = reportText(ts, job, false, true, parsed);
    } catch (e) {
      if (direct && !readPaste(ts, job, out)) return out;
      out.error = `${job.mode === 'paste' ? 'Cannot read the pasted text' : 'Cannot evaluate the fields'}: ${errorOf(e).message}`;
      return out;
    }
  }
  // From the worker the text, not its parse: a string crosses to the page as one copy, an object tree
  // is cloned node by node; the page parses it once (engine.js), and takes format and fields from it
  // when direct. On the main thread (parsed) the report itself.
  out.pair = pair;
  out.direct = direct;
  if (parsed) out.report = text;
  else out.text = text;
  return out;
}
