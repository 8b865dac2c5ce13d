// tierscope page: wires the evaluator (a Web Worker around the wasm module: engine.js, worker.js) to
// the input, the matrix, the reach heatmaps, the consent preview, the custom account, diagnostics,
// share link and export; the install URL check, builder, OAuth 1 migration preview and before/after
// diff live in their own modules.
// Scheduling: an input updates the state and posts it to the evaluator at once (engine.js: here when its
// cost fits, else the worker); the answer for the newest input paints the matrix cells at once; everything else (reach, diagnostics,
// suggestions, consent, URL check, builder, share link) follows when the page is idle.
// Performance marks: tierscope:input, tierscope:matrix, tierscope:first-result and the measure
// tierscope:keystroke-to-frame (input event → the frame after the matrix shows its result).
import { start, ready, evaluate as post, onEvaluated, call, full } from './engine.js';
import { $, h, replaceChildren, copyText, whenIdle as idleAfter, cancelIdle } from './dom.js';
import { defaultState, decodeState, encodeState, rewritePaste, words } from './state.js';
import { model, setModel, pageModel, profileName, accountInModel, lowestTier } from './model.js';
import { buildMatrix, renderMatrix, renderReach, fillCell, invalidScopes, urlRules, rove, silentScopes } from './matrix.js';
import { renderConsent } from './consent.js';
import { renderCatalog } from './catalog.js';
import { buildAccount, showAccount, renderDiagnostics, renderSuggestions, fixLabel, shownSuggestions } from './panels.js';
import { initUrlCheck, CONFIG_FORMATS } from './urlcheck.js';
import { initBuilder } from './builder.js';
import { initMigrate } from './migrate.js';
import { initDiff } from './diff.js';
import { initCalls } from './calls.js';
import { initExplain } from './explain.js';
import { initProject } from './project.js';
import { renderVerdict, renderNoVerdict, renderBanner, renderEmptyMatrix, markStale } from './verdict.js';
import { initUndo } from './undo.js';
import { readTools, writeTools, watchTools } from './tools.js';

start(); // the module boot.js is compiling, instantiated here for the first result; the worker follows it (engine.js)

const EXAMPLE = `{
  "name": "Acme Contact Sync",
  "uid": "acme-contact-sync",
  "description": "Two-way contact sync with workflow actions.",
  "auth": {
    "redirectUrls": ["https://app.acme.example/hubspot/oauth/callback"],
    "requiredScopes": ["oauth", "crm.objects.contacts.read", "crm.objects.contacts.write", "automation"],
    "conditionallyRequiredScopes": ["crm.objects.deals.read"],
    "optionalScopes": ["content", "tickets"]
  }
}
`;
const FORMATS = {
  list: 'Scope list',
  'install-url': 'Install URL',
  'app-hsmeta': 'Developer platform app-hsmeta.json',
  'public-app': 'Projects public-app.json',
  'private-app': 'Private app app.json',
  fields: 'The three fields',
};
const KINDS = ['required', 'conditional', 'optional'];
// Profile names for messages: the model's (model.js), and the custom account.
const PROFILE_NAMES = new Proxy({}, { get: (_, id) => (id === 'custom' ? 'your custom account' : profileName(String(id))) });


// The evaluator as the page's modules use it: every function answers with a promise.
const ts = new Proxy({}, { get: (_, name) => (...args) => call(name, ...args) });
let info = new Map(); let state; let format = ''; let appName = null;
// synced: the pasted text says what the fields say (false when the fields lead); pairError: why the
// install URL could not be checked against the config.
let synced = true; let pairError = '';
let renderUrlCheck; let builder; let undo;
// shown: the last answer painted (format, fields; .matrix = its lean report, every profile without
// its granted list); whole: the full report of that answer ({seq, text, report}), asked of the worker
// when something needs it (the consent preview of an installing profile, the exports); wholeAsked:
// that request while it runs; failed: the error of the newest answer, if any.
let shown = null; let whole = null; let wholeAsked = null; let failed = '';
let wanted = 0; let painted = 0; let painting = null; let idle = 0; let step = 0; let started = false;
const inputs = new Map(); // seq → performance.now() of the input event that asked for it
const waiters = [];
const el = {};

function announce(text) {
  el.announce.textContent = '';
  setTimeout(() => { el.announce.textContent = text; }, 30);
}

function setError(text) {
  el.pasteError.hidden = !text;
  el.pasteError.textContent = text || '';
  document.body.classList.toggle('stale', !!text);
  // No verdict for input that was not read: the matrix, if any, is the last readable input's.
  markStale(el.matrixPanel, el.matrix, el.staleNote, text && shown ? text : '');
  if (text) renderNoVerdict(el.verdict, 'stale', `No verdict: ${text}${shown ? ' The matrix shows the last readable input, greyed.' : ''}`);
}

/** Nothing to evaluate: the paste (or, when the fields lead, every field) is empty. */
function isEmpty() {
  return state.mode === 'paste' ? !state.paste.trim() : KINDS.every((k) => !state.fields[k].trim());
}

/** The empty state: no verdict, every cell says "paste scopes", the panels that follow a report are cleared. */
function showEmpty() {
  shown = null; whole = null; failed = ''; format = '';
  setError('');
  if (state.mode === 'paste') { for (const k of KINDS) state.fields[k] = ''; fieldsFromState(); }
  renderEmptyMatrix(el.matrix);
  el.matrixBanner.hidden = true;
  renderNoVerdict(el.verdict, 'none', 'No input yet: paste scopes, an install URL or an app config to see which tiers can install the app.');
  replaceChildren(document.getElementById('reach-summary'), 'Paste scopes to see the reach.');
  panelKeys.clear();
  replaceChildren(el.diagnostics, h('li.empty', { text: 'Nothing pasted yet.' }));
  replaceChildren(el.suggestions);
  el.consent.replaceChildren(h('p', { text: 'Paste scopes to preview what the installing admin sees.' }));
  showFormat();
}

function fieldsFromState() { fieldsLater = false; for (const k of KINDS) if (el[k].value !== state.fields[k]) el[k].value = state.fields[k]; }

// After a key in the paste, a long field (a pasted list of hundreds of names) is written by the idle
// work after the key's frame, not in it: setting an 8 KB textarea's value lays out all its text again,
// which cost the key's frame as much as the paste's own text (issue 21: no frame blocked > 8 ms). A
// field's focus writes it at once (fieldsFromState) before it can be edited.
const LONG_FIELD = 2000;
let fieldsLater = false;
function fieldsFromAnswer(key) {
  if (key && KINDS.some((k) => state.fields[k].length > LONG_FIELD && el[k].value !== state.fields[k])) fieldsLater = true;
  else fieldsFromState();
}

/** After a field edit: rewrite the paste in its own format when it can express the fields. */
function syncPasteFromFields() {
  const text = rewritePaste(format, state.paste, state.fields);
  if (text !== null) {
    state.paste = text;
    el.paste.value = text;
    el.pasteNote.hidden = true;
    synced = true;
    return true;
  }
  synced = false;
  el.pasteNote.hidden = false;
  el.pasteNote.textContent = 'The report follows the three fields below; the pasted text cannot express them and was left as it was.';
  return false;
}

function options() {
  const account = accountInModel(state.account);
  const hubs = Object.fromEntries(Object.entries(account.hubs).filter(([, t]) => t && t !== lowestTier()));
  return { withoutConditional: state.withoutConditional, account: { hubs, features: account.features } };
}

/**
 * Posts the current state to the worker (the newest input wins). input: the performance.now() of
 * the keystroke or edit that asked for it (timed as keystroke → frame); parse: read the paste for its format even when
 * the fields lead (restoring a share link).
 */
function request({ input = null, parse = false } = {}) {
  const job = { mode: state.mode, parse: parse || state.mode === 'paste', paste: state.paste, installUrl: state.installUrl,
    fields: { ...state.fields }, options: options(), format, synced };
  wanted = post(job);
  if (input !== null) inputs.set(wanted, input);
  // The idle work waits for this input's answer (its paint schedules it): nothing idle runs between.
  if (idle) { cancelIdle(idle); idle = 0; }
  shareSoon();
  return wanted;
}

/** Resolves once the answer for the newest input is painted with everything else (matrix, panels). */
function settled() {
  return new Promise((resolve) => { waiters.push(resolve); if (quiet()) flush(); });
}

/** Nothing left to do for the newest input: painted, its idle work done, no full report on its way. */
function quiet() { return painted === wanted && !idle && !painting && !wholeAsked; }

function flush() { for (const w of waiters.splice(0)) w(); }

// An answer is painted at once: made on the main thread (m.now: a small input, evaluated in the
// input's own task), the frame after the key shows it; from the worker, the next frame to start
// (painting it inside a requestAnimationFrame callback would wait for one even when it came in time).
onEvaluated((m) => {
  painting = m;
  paint();
});

/** The input frame: the answer's format, fields and error, and the matrix cells; nothing else. */
function paint() {
  const m = painting;
  painting = null;
  if (!m || m.seq !== wanted) return; // a newer input is on its way: this answer is stale
  if (isEmpty()) {
    showEmpty();
  } else if (m.parseFailed) {
    failed = m.error;
    setError(m.error); // the last readable report stays
    showFormat();
  } else {
    if (m.fields && state.mode === 'paste') {
      for (const k of KINDS) state.fields[k] = (m.fields[k] || []).join(' ');
      fieldsFromAnswer(inputs.has(m.seq));
      el.pasteNote.hidden = true;
      synced = true;
    }
    format = m.format || format;
    pairError = m.pairError || '';
    failed = m.error || '';
    setError(m.error);
    showFormat();
    if (m.matrix) {
      shown = m;
      if (state.mode === 'paste' || m.pair) appName = m.appName;
      renderMatrix(el.matrix, m.matrix, state.selected);
      if (!m.error) { markStale(el.matrixPanel, el.matrix, el.staleNote, ''); renderVerdict(el.verdict, m.matrix, runFix); }
      renderBanner(el.matrixBanner, el.matrix, m.matrix, runFix);
      if (m.matrix.account) fillCell(el.accountResult, m.matrix.account, invalidScopes(m.matrix), urlRules(m.matrix), silentScopes(m.matrix));
    }
  }
  painted = m.seq;
  step = 0;
  performance.mark('tierscope:matrix', { detail: { seq: m.seq } });
  if (!started && m.matrix) { started = true; performance.mark('tierscope:first-result'); }
  if (belowDone) { requestAnimationFrame(() => setTimeout(setUpBelow, 0)); setTimeout(setUpBelow, 250); } // after this frame (a hidden page draws none)
  const t0 = inputs.get(m.seq);
  for (const k of inputs.keys()) if (k <= m.seq) inputs.delete(k);
  const measure = () => performance.measure('tierscope:keystroke-to-frame', { start: t0, end: performance.now(), detail: { seq: m.seq } });
  if (t0 !== undefined) requestAnimationFrame(() => afterThisFrame(measure));
  later();
}

/** From a requestAnimationFrame callback: runs fn once the browser has rendered this frame. */
function afterThisFrame(fn) {
  const c = new MessageChannel();
  c.port1.onmessage = fn;
  c.port2.postMessage(0);
}

const whenIdle = (fn) => idleAfter(fn, 200, 30);

/** Schedules the rest of the page (panels, share link) for when the page is idle. */
function later() {
  if (!idle) idle = whenIdle(renderRest);
}

/** The lean report of the last answer painted (what the matrix shows), or null. */
function leanReport() {
  return shown && shown.matrix;
}

/**
 * The full report of the answer shown, asked of the worker on first use: resolves to {seq, text,
 * report}, or null when a newer answer has been painted meanwhile (a full report is only ever used
 * for the answer it was made for).
 */
function wholeReport() {
  if (!shown) return Promise.resolve(null);
  const answer = shown;
  if (whole && whole.seq === answer.seq) return Promise.resolve(whole);
  if (wholeAsked && wholeAsked.seq === answer.seq) return wholeAsked.promise;
  // Waiters for a settled page are let go after this request's own callers have run (a task later).
  const done = () => { if (wholeAsked && wholeAsked.seq === answer.seq) wholeAsked = null; if (quiet()) flush(); };
  const promise = full(answer).then((text) => {
    if (shown === answer) whole = { seq: answer.seq, text, report: JSON.parse(text) };
    setTimeout(done, 0);
    return shown === answer ? whole : null;
  }, (e) => { setTimeout(done, 0); throw e; });
  wholeAsked = { seq: answer.seq, promise };
  return promise;
}

/** Once the page has settled: the full report of the newest answer shown (null when there is none). */
async function settledWhole() {
  for (;;) {
    await settled();
    if (!shown) return null;
    const w = await wholeReport();
    if (w) return w; // else a newer answer came meanwhile: settle again
  }
}

function showFormat() {
  if (isEmpty()) {
    el.format.dataset.format = '';
    replaceChildren(el.format, 'Detected format: ', h('strong', { text: 'nothing pasted yet' }));
    return;
  }
  const shownText = state.mode === 'fields' ? `${FORMATS[format] || format} · the report follows the fields` : FORMATS[format] || format;
  el.format.dataset.format = format;
  el.format.dataset.mode = state.mode;
  replaceChildren(el.format, 'Detected format: ', h('strong', { text: shownText || '…' }));
  el.withoutConditional.checked = state.withoutConditional;
}

// The rest of the page after an answer, one step per idle slice, from its lean report: reach,
// diagnostics, suggestions, consent preview, URL check and builder. A new answer starts over.
const REST = [
  (r) => {
    el.accountResult.setAttribute('aria-pressed', String(state.selected === 'custom'));
    if (changed('reach', [r.coverage], [model.tiers, model.hubs, model.features])) renderReach(document, r);
  },
  // With an install URL checked against the config, "oauth missing" is rule 6 of the URL, not a config fix.
  (r) => {
    const list = r.url_check ? r.diagnostics.map((d) => (d.code === 'missing-oauth' ? { ...d, suggestion: null } : d)) : r.diagnostics;
    renderDiagnostics(el.diagnostics, list, applyFix, r); // it keeps what it shows already (each item's key: its diagnostic and line)
  },
  (r) => { if (changed('suggestions', [shownSuggestions(r), r.coverage.profiles, r.coverage.combinations.total], [model.profiles])) renderSuggestions(el.suggestions, r, PROFILE_NAMES, applyFix); },
  () => renderPreview(),
  (r) => { renderUrlCheck({ state, format, synced, report: r, error: pairError }); builder.update(); },
];

// What each panel last showed (as JSON, and the model's lists it was drawn with, compared as objects:
// setModel replaces them, and writing the catalog's model out per key cost more than the panels' own
// content): a panel whose content would not change is left as it is.
const panelKeys = new Map();
function changed(panel, content, refs = []) {
  const key = JSON.stringify(content);
  const was = panelKeys.get(panel);
  if (was && was.key === key && was.refs.every((x, i) => x === refs[i])) return false;
  panelKeys.set(panel, { key, refs });
  return true;
}

/** Idle work after an answer: the steps of REST while the idle period lasts (the share link follows a pause in the input: shareSoon). */
function renderRest(deadline) {
  idle = 0;
  if (painted !== wanted || painting) return; // a newer input's answer is on its way; its paint comes back here
  if (fieldsLater) {
    fieldsFromState();
    if (deadline && !deadline.didTimeout && deadline.timeRemaining() < 3) { later(); return; }
  }
  while (shown && step < REST.length) {
    REST[step++](leanReport());
    if (step < REST.length && deadline && !deadline.didTimeout && deadline.timeRemaining() < 3) { later(); return; }
  }
  if (quiet()) flush();
}

const profileIn = (r, id) => (id === 'custom' ? r.account : r.profiles.find((p) => p.id === id));

/**
 * The consent preview of the selected profile. An installing or uncertain profile shows the scopes
 * the token gets (its granted list): that needs the full report, asked of the worker and painted when
 * it comes, unless a newer answer is shown by then. Every other status is painted from the lean report.
 */
function renderPreview() {
  const lean = leanReport();
  if (!lean) return;
  const id = state.selected;
  const brief = profileIn(lean, id);
  const r = brief && (brief.status === 'installs' || brief.status === 'uncertain') ? whole && whole.seq === shown.seq && whole.report : lean;
  if (!r) {
    wholeReport().then((w) => { if (w && state.selected === id) renderPreview(); }, () => { /* the preview stays as it was */ });
    return;
  }
  const profile = profileIn(r, id);
  if (!changed('preview', profile ? [id, PROFILE_NAMES[id], profile, r.diagnostics, r.request, r.input, r.url_check, appName, info.size] : [id])) return;
  if (!profile) { el.consent.replaceChildren(h('p', { text: 'Choose a cell of the matrix.' })); return; }
  renderConsent(el.consent, { report: r, profile, info, appName, profileName: PROFILE_NAMES[state.selected] || state.selected, onFix: applyFix,
    onUseFixedUrl: r.url_check && r.url_check.fixed_url ? () => useInstallUrl(r.url_check.fixed_url) : null });
}

/** Puts a URL (the corrected one) into the install URL field and checks it again. */
async function useInstallUrl(url) {
  undo.save('Used the corrected install URL');
  state.installUrl = el.installUrl.value = url;
  request();
  el.installUrl.focus();
  await settled();
  const r = leanReport();
  announce(r && r.url_check && r.url_check.ok ? 'The corrected install URL is in place; it matches the config.' : 'The corrected install URL is in place.');
}

/** Loads scopes into the three fields (the migration recommendation); the paste follows when it can. */
async function loadFields(fields) {
  for (const k of KINDS) state.fields[k] = (fields[k] || []).join(' ');
  fieldsFromState();
  state.mode = syncPasteFromFields() ? 'paste' : 'fields';
  request();
  $('#matrix-heading').focus();
  await settled();
  const c = shown && shown.matrix.coverage;
  if (c) announce(`Scopes loaded: installs on ${c.profiles.installs} of ${c.profiles.total} standard tiers.`);
}

/** The current input as one text for the diff: the paste, or the fields as a public-app config. */
function currentText() {
  if (state.mode === 'paste' || synced) return state.paste;
  const split = (k) => state.fields[k].split(/[\s,]+/).filter(Boolean);
  return JSON.stringify({ auth: { requiredScopes: split('required'), conditionallyRequiredScopes: split('conditional'), optionalScopes: split('optional') } }, null, 2);
}

function updateHash() {
  clearTimeout(shareTimer);
  shareTimer = 0;
  state.tools = readTools();
  const frag = encodeState(state);
  if (location.hash !== frag) history.replaceState(null, '', frag);
  if (el.shareUrl.value !== location.href) el.shareUrl.value = location.href;
}

// The share link (the address's #s= fragment and the share field) is written once typing pauses, not
// after every key: history.replaceState of a ~10 KB address and the field's text cost as much idle time
// per key as the diagnostics list (issue 21). It is written at once where it is read: the copy button,
// the field's focus, a cell chosen, the secrets box, and when the page loses focus (the address bar,
// another window) or is hidden (another tab, leaving the page).
const SHARE_PAUSE_MS = 400;
let shareTimer = 0;
function shareSoon() {
  clearTimeout(shareTimer);
  shareTimer = setTimeout(() => { shareTimer = -1; whenIdle(() => { if (shareTimer === -1) updateHash(); }); }, SHARE_PAUSE_MS);
}
const shareNow = () => updateHash();

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

/** Replaces a scope name in a list or JSON paste, keeping the rest of the text as it is. */
function replaceInPaste(text, fmt, scope, scopes) {
  const joiner = fmt === 'list' ? ' ' : ['app-hsmeta', 'public-app', 'private-app'].includes(fmt) ? '", "' : null;
  if (!joiner || !scope) return null;
  const re = new RegExp(`(^|[^A-Za-z0-9._-])${escapeRe(scope)}(?=[^A-Za-z0-9._-]|$)`, 'g');
  if (!re.test(text)) return null;
  return text.replace(re, (m, pre) => pre + scopes.join(joiner));
}

/** One-click fix: a diagnostic's suggestion or a make-optional suggestion. */
function applyFix(s, scope, code) {
  if (!s) return;
  undo.save(fixText(s, scope));
  if (s.action === 'replace' && state.mode === 'paste') {
    const text = replaceInPaste(state.paste, format, scope, s.scopes);
    if (text !== null) {
      state.paste = el.paste.value = text;
      request();
      afterFix(`Replaced ${scope} with ${s.scopes.join(' ')}.`);
      return;
    }
  }
  const f = Object.fromEntries(KINDS.map((k) => [k, words(state.fields[k])]));
  const addTo = (k, names) => { for (const n of names) if (!f[k].includes(n)) f[k].push(n); };
  let done;
  if (s.action === 'replace') {
    for (const k of KINDS) {
      let i = f[k].indexOf(scope);
      if (i < 0) i = f[k].findIndex((x) => x.toLowerCase() === String(scope).toLowerCase());
      if (i >= 0) f[k].splice(i, 1, ...s.scopes.filter((n) => !f[k].includes(n)));
    }
    done = `Replaced ${scope} with ${s.scopes.join(' ')}.`;
  } else if (s.action === 'remove') {
    // A duplicate loses its last copy; anything else (an unknown name) goes entirely.
    const names = s.scopes && s.scopes.length > 1 ? s.scopes : [scope || (s.scopes || [])[0]];
    for (const name of names) {
      for (const k of KINDS) {
        const i = f[k].lastIndexOf(name);
        if (i < 0) continue;
        if (f[k].indexOf(name) !== i) f[k].splice(i, 1);
        else if (code !== 'duplicate-scope') f[k] = f[k].filter((n) => n !== name);
      }
    }
    done = `Removed ${names.join(' ')}.`;
  } else if (s.action === 'add') {
    addTo('required', s.scopes);
    done = `Added ${s.scopes.join(' ')} as required.`;
  } else if (s.action === 'make-optional') {
    for (const k of ['required', 'conditional']) f[k] = f[k].filter((n) => !s.scopes.includes(n));
    addTo('optional', s.scopes);
    done = `Moved ${s.scopes.join(' ')} to the optional scopes.`;
  } else return;
  for (const k of KINDS) state.fields[k] = f[k].join(' ');
  fieldsFromState();
  // The paste stays the source when it can say the same thing (it keeps the app name and URL).
  if (syncPasteFromFields()) state.mode = 'paste'; else state.mode = 'fields';
  request();
  afterFix(done);
}

/** The verdict bar's and the banner's fix: {run: 'url' | 'fix', suggestion, scope, code} (verdict.js topFix). */
function runFix(fix) {
  const r = leanReport();
  if (fix.run === 'url') { if (r && r.url_check && r.url_check.fixed_url) useInstallUrl(r.url_check.fixed_url); return; }
  applyFix(fix.suggestion, fix.scope, fix.code);
}

function fixText(s, scope) {
  const label = fixLabel(s, scope);
  return label || `${s.action} ${(s.scopes || []).join(' ')}`;
}

/** The state a fix changes (for undo). */
function snapshot() {
  return { paste: state.paste, installUrl: state.installUrl, fields: { ...state.fields }, mode: state.mode };
}

/** Puts a snapshot back (undo) and evaluates it. */
function putBack(snap, text) {
  Object.assign(state, { paste: snap.paste, installUrl: snap.installUrl, fields: { ...snap.fields }, mode: snap.mode });
  el.paste.value = state.paste;
  el.installUrl.value = state.installUrl;
  fieldsFromState();
  synced = state.mode === 'paste';
  el.pasteNote.hidden = synced;
  if (!synced) el.pasteNote.textContent = 'The report follows the three fields below.';
  request({ parse: true });
  announce(`Undone: ${text}.`);
}

function afterFix(text) {
  announce(text);
  el.diagHeading.focus();
}


function select(id) {
  state.selected = id;
  for (const b of el.matrix.querySelectorAll('[data-profile]')) b.setAttribute('aria-pressed', String(b.dataset.profile === id));
  rove(el.matrix, el.matrix.querySelector(`[data-profile="${CSS.escape(id)}"]`));
  el.accountResult.setAttribute('aria-pressed', String(id === 'custom'));
  renderPreview();
  updateHash();
  const r = leanReport();
  const p = r && profileIn(r, id);
  if (p) announce(`Preview for ${PROFILE_NAMES[id] || id}: ${p.status.replace('-', ' ')}.`);
  const box = el.preview.getBoundingClientRect();
  if (box.top > innerHeight || box.bottom < 0) el.preview.scrollIntoView({ block: 'start' });
}

function showFallback(text) {
  el.fallback.hidden = el.fallbackLabel.hidden = false;
  el.fallback.value = text;
  el.fallback.focus();
  el.fallback.select();
}

async function downloadJson() {
  let w = null;
  try { w = await settledWhole(); } catch (e) { el.exportStatus.textContent = `Cannot export: ${e.message}`; return; }
  if (failed || !w) { el.exportStatus.textContent = `Cannot export: ${failed || 'nothing to export yet'}`; return; }
  let text = w.text;
  if (!text.endsWith('\n')) text += '\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const slug = (appName || 'report').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'report';
  const a = h('a', { href: url, download: `tierscope-${slug}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  el.exportStatus.textContent = `Downloaded tierscope-${slug}.json.`;
}

function restore(s) {
  state = s;
  el.paste.value = state.paste;
  el.installUrl.value = state.installUrl;
  el.shareSecrets.checked = state.includeSecrets;
  showAccount(state.account);
  fieldsFromState();
  if (state.mode === 'fields') {
    synced = false;
    el.pasteNote.hidden = false;
    el.pasteNote.textContent = 'The report follows the three fields below.';
  }
  return request({ parse: true });
}

function onInput(what, update) {
  return () => {
    const t0 = performance.mark('tierscope:input').startTime;
    update();
    if (what === 'fields') syncPasteFromFields();
    request({ input: t0 });
  };
}

let belowDone = null;
/** Once, after the first result's frame: the custom account's controls (with the state's account) and the project panel. */
function setUpBelow() {
  if (!belowDone) return;
  const done = belowDone;
  belowDone = null;
  buildAccount($('#account-hubs'), $('#account-features'), () => state.account, () => request({ input: performance.now() }));
  showAccount(state.account);
  initProject(ts, loadFields); // "Whole project": a dropped project folder or .zip (site/project.js)
  done();
}

async function main() {
  for (const [k, id] of Object.entries({ paste: 'paste', required: 'required', conditional: 'conditional', optional: 'optional',
    format: 'format', pasteNote: 'paste-note', pasteError: 'paste-error', matrix: 'matrix', consent: 'consent', preview: 'preview',
    accountResult: 'account-result', diagnostics: 'diagnostics', suggestions: 'suggestions', diagHeading: 'diag-heading',
    shareUrl: 'share-url', shareSecrets: 'share-secrets', exportStatus: 'export-status', fallback: 'export-fallback',
    fallbackLabel: 'export-fallback-label', catalogSearch: 'catalog-search', announce: 'announce',
    withoutConditional: 'without-conditional', loadStatus: 'load-status', installUrl: 'install-url' })) el[k] = document.getElementById(id);
  el.catalogRoot = $('main');
  for (const [k, id] of Object.entries({ verdict: 'verdict', matrixBanner: 'matrix-banner', staleNote: 'stale-note', previewHeading: 'preview-heading' })) el[k] = document.getElementById(id);
  el.matrixPanel = el.matrix.closest('section');
  undo = initUndo(document.getElementById('undo'), snapshot, putBack);

  pageModel(); // the built page carries the built-in catalog's model; the worker's answer confirms it
  buildMatrix(el.matrix, select, () => el.previewHeading.focus()); // keeps the skeleton the built page already has
  renderUrlCheck = initUrlCheck(useInstallUrl, (fix) => runFix(fix));
  builder = initBuilder(ts, () => ({ text: state.paste, format, config: synced && CONFIG_FORMATS.includes(format) }));
  const initial = decodeState(location.hash, EXAMPLE) || defaultState(EXAMPLE);
  const below = new Promise((resolve) => { belowDone = resolve; });
  restore(initial); // posted at once: evaluated as soon as the wasm is ready
  // Queued behind the first evaluation: the scope labels of the consent preview, then the tools.
  const labels = ts.scopes('').then((list) => { info = new Map(list.map((x) => [x.name, x])); renderPreview(); }, () => { /* labels fall back to names */ });
  initMigrate(ts, loadFields);
  initDiff(ts, currentText);
  initCalls(ts, currentText, loadFields);
  // Below the first screen and not needed for the first result: the custom account's controls and the
  // "Whole project" panel are made after the frame that paints it (issue 21; ~15 and ~6 ms of script on
  // a loaded machine, which ran before the first evaluation when the wasm was ready first).
  ready.then(() => {}, () => setUpBelow());
  setTimeout(setUpBelow, 3000); // should no answer come
  initExplain({ ts, paste: el.paste, before: $('.matrix-panel'), config: () => (state.mode === 'fields' ? currentText() : ''), apply: loadFields });
  writeTools(initial.tools); // the tool panels of a share link
  watchTools(shareSoon);
  el.shareUrl.addEventListener('focus', shareNow);
  addEventListener('blur', shareNow);
  addEventListener('pagehide', shareNow);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') shareNow(); });

  el.paste.addEventListener('input', onInput('paste', () => { state.paste = el.paste.value; state.mode = 'paste'; }));
  for (const k of KINDS) el[k].addEventListener('input', onInput('fields', () => { state.fields[k] = el[k].value; state.mode = 'fields'; }));
  for (const k of KINDS) el[k].addEventListener('focus', () => { if (fieldsLater) fieldsFromState(); });
  el.installUrl.addEventListener('input', onInput('url', () => { state.installUrl = el.installUrl.value; }));
  el.withoutConditional.addEventListener('change', () => { state.withoutConditional = el.withoutConditional.checked; request({ input: performance.now() }); });
  el.accountResult.addEventListener('click', () => select('custom'));
  el.shareSecrets.addEventListener('change', () => { state.includeSecrets = el.shareSecrets.checked; updateHash(); });
  let search = 0;
  el.catalogSearch.addEventListener('input', () => { if (!search) search = requestAnimationFrame(() => { search = 0; renderCatalog(el.catalogRoot, ts, el.catalogSearch.value); }); });
  $('#copy-link').addEventListener('click', async () => {
    updateHash();
    if (await copyText(location.href)) el.exportStatus.textContent = 'Share link copied.';
    else { el.shareUrl.focus(); el.shareUrl.select(); el.exportStatus.textContent = 'Copy the selected link (the clipboard is not available here).'; }
  });
  $('#copy-markdown').addEventListener('click', async () => {
    let md;
    try {
      const w = await settledWhole();
      if (!w) throw new Error('nothing to export yet');
      md = await ts.markdown(w.text);
    } catch (e) { el.exportStatus.textContent = `Cannot export: ${e.message}`; return; }
    if (await copyText(md)) el.exportStatus.textContent = `Markdown report copied (${md.split('\n').length} lines).`;
    else { showFallback(md); el.exportStatus.textContent = 'The clipboard is not available: the report is selected below.'; }
  });
  $('#download-json').addEventListener('click', downloadJson);
  addEventListener('hashchange', () => {
    const s = decodeState(location.hash, EXAMPLE);
    if (s && location.hash !== encodeState(state)) { restore(s); writeTools(s.tools); }
  });

  let loaded;
  try {
    loaded = await ready;
  } catch (e) {
    el.loadStatus.textContent = `The evaluator could not be loaded: ${e && e.message ? e.message : e}`;
    el.loadStatus.classList.add('error-text');
    return;
  }
  if (setModel(loaded.catalog)) { // another model than the page was built with: rebuild what shows it
    buildMatrix(el.matrix, null);
    buildAccount($('#account-hubs'), $('#account-features'), () => state.account, () => request({ input: performance.now() }));
    showAccount(state.account);
    request({ input: performance.now() });
  }
  $('#catalog-date').textContent = loaded.as_of;
  $('#catalog-date').setAttribute('datetime', loaded.as_of);
  // A catalog older than 180 days may miss scopes and tier changes HubSpot made since: say so beside the date.
  const age = Math.floor((Date.now() - Date.parse(loaded.as_of)) / 864e5);
  if (age > 180) $('#catalog-date').after(` (${age} days old: HubSpot may have added scopes or changed tiers since)`);
  $('#tool-version').textContent = `tierscope ${loaded.version}`;
  await settled();
  await labels;
  await below;
  el.loadStatus.hidden = true;
  document.documentElement.dataset.ready = 'true';
  // The full catalog listing is not needed for the first result: it follows when the page is idle.
  whenIdle(() => renderCatalog(el.catalogRoot, ts, el.catalogSearch.value));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
else main();
