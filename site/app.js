// tierscope page: wires the wasm evaluator (./tierscope.mjs) to the input, the matrix, the reach
// heatmaps, the consent preview, the custom account, diagnostics, share link and export; the install
// URL check, builder, OAuth 1 migration preview and before/after diff live in their own modules.
import { $, h, replaceChildren, copyText, HUB_NAMES, TIER_NAMES } from './dom.js';
import { defaultState, decodeState, encodeState, rewritePaste, words, HUBS } from './state.js';
import { buildMatrix, renderMatrix, renderReach, fillCell, invalidScopes } from './matrix.js';
import { renderConsent } from './consent.js';
import { renderCatalog } from './catalog.js';
import { buildAccount, showAccount, renderDiagnostics, renderSuggestions } from './panels.js';
import { initUrlCheck, pairActive, CONFIG_FORMATS } from './urlcheck.js';
import { initBuilder } from './builder.js';
import { initMigrate } from './migrate.js';
import { initDiff } from './diff.js';

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
const PROFILE_NAMES = { free: 'Free', custom: 'your custom account' };
for (const hub of HUBS) for (const t of ['starter', 'professional', 'enterprise']) PROFILE_NAMES[`${hub}-${t}`] = `${HUB_NAMES[hub]} ${TIER_NAMES[t]}`;

let ts; let info; let report = null; let state; let format = ''; let appName = null;
// synced: the pasted text says what the fields say (false when the fields lead); pairError: why the
// install URL could not be checked against the config.
let synced = true; let pairError = '';
let renderUrlCheck; let builder;
const pending = { paste: false, fields: false, catalog: false };
let frame = 0;
const el = {};

function announce(text) {
  el.announce.textContent = '';
  setTimeout(() => { el.announce.textContent = text; }, 30);
}

function setError(text) {
  el.pasteError.hidden = !text;
  el.pasteError.textContent = text || '';
  document.body.classList.toggle('stale', !!text);
}

function fieldsFromState() { for (const k of KINDS) el[k].value = state.fields[k]; }

function parsePaste() {
  try {
    const p = ts.parse(state.paste);
    format = p.format;
    for (const k of KINDS) state.fields[k] = (p.request[k] || []).join(' ');
    fieldsFromState();
    el.pasteNote.hidden = true;
    synced = true;
    return true;
  } catch (e) {
    setError(`Cannot read the pasted text: ${e.message}`);
    return false;
  }
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
  const hubs = Object.fromEntries(Object.entries(state.account.hubs).filter(([, t]) => t && t !== 'free'));
  return { withoutConditional: state.withoutConditional, account: { hubs, features: [...state.account.features] } };
}

function currentInput() {
  return state.mode === 'paste' ? state.paste : { required: state.fields.required, conditional: state.fields.conditional, optional: state.fields.optional };
}

function pair() { return pairActive(state, format, synced); }

function evaluate() {
  pairError = '';
  if (pair()) {
    try {
      report = ts.checkPair(state.paste, state.installUrl, options());
      setError('');
      appName = report.input.app_name;
      return;
    } catch (e) {
      pairError = e.message; // the config alone is evaluated below
    }
  }
  try {
    report = ts.check(currentInput(), options());
  } catch (e) {
    setError(`${state.mode === 'paste' ? 'Cannot read the pasted text' : 'Cannot evaluate the fields'}: ${e.message}`);
    return;
  }
  setError('');
  if (state.mode === 'paste') appName = report.input.app_name;
}

function render() {
  const shown = state.mode === 'fields' ? `${FORMATS[format] || format} · the report follows the fields` : FORMATS[format] || format;
  el.format.dataset.format = format;
  el.format.dataset.mode = state.mode;
  replaceChildren(el.format, 'Detected format: ', h('strong', { text: shown || '…' }));
  el.withoutConditional.checked = state.withoutConditional;
  if (!report) return;
  renderMatrix(el.matrix, report, state.selected);
  if (report.account) fillCell(el.accountResult, report.account, invalidScopes(report));
  el.accountResult.setAttribute('aria-pressed', String(state.selected === 'custom'));
  renderReach(document, report);
  // With an install URL checked against the config, "oauth missing" is rule 6 of the URL, not a config fix.
  const diagnostics = report.url_check ? report.diagnostics.map((d) => (d.code === 'missing-oauth' ? { ...d, suggestion: null } : d)) : report.diagnostics;
  renderDiagnostics(el.diagnostics, diagnostics, applyFix);
  renderSuggestions(el.suggestions, report, PROFILE_NAMES, applyFix);
  renderPreview();
  renderUrlCheck({ state, format, synced, report, error: pairError });
  builder.update();
}

function renderPreview() {
  const profile = state.selected === 'custom' ? report.account : report.profiles.find((p) => p.id === state.selected);
  if (!profile) { el.consent.replaceChildren(h('p', { text: 'Choose a cell of the matrix.' })); return; }
  renderConsent(el.consent, { report, profile, info, appName, profileName: PROFILE_NAMES[state.selected] || state.selected, onFix: applyFix,
    onUseFixedUrl: report.url_check && report.url_check.fixed_url ? () => useInstallUrl(report.url_check.fixed_url) : null });
}

/** Puts a URL (the corrected one) into the install URL field and checks it again. */
function useInstallUrl(url) {
  state.installUrl = el.installUrl.value = url;
  pending.eval = true;
  run();
  el.installUrl.focus();
  announce(report && report.url_check && report.url_check.ok ? 'The corrected install URL is in place; it matches the config.' : 'The corrected install URL is in place.');
}

/** Loads scopes into the three fields (the migration recommendation); the paste follows when it can. */
function loadFields(fields) {
  for (const k of KINDS) state.fields[k] = (fields[k] || []).join(' ');
  fieldsFromState();
  if (syncPasteFromFields()) { state.mode = 'paste'; pending.paste = true; } else { state.mode = 'fields'; pending.eval = true; }
  run();
  $('#matrix-heading').focus();
  if (report) announce(`Scopes loaded: installs on ${report.coverage.profiles.installs} of ${report.coverage.profiles.total} standard tiers.`);
}

/** The current input as one text for the diff: the paste, or the fields as a public-app config. */
function currentText() {
  if (state.mode === 'paste' || synced) return state.paste;
  const split = (k) => state.fields[k].split(/[\s,]+/).filter(Boolean);
  return JSON.stringify({ auth: { requiredScopes: split('required'), conditionallyRequiredScopes: split('conditional'), optionalScopes: split('optional') } }, null, 2);
}

function updateHash() {
  const frag = encodeState(state);
  if (location.hash !== frag) history.replaceState(null, '', frag);
  el.shareUrl.value = location.href;
}

function run() {
  frame = 0;
  if (pending.paste && !parsePaste()) { pending.paste = false; pending.fields = false; render(); updateHash(); return; }
  if (pending.fields) syncPasteFromFields();
  const again = pending.paste || pending.fields || !report;
  pending.paste = pending.fields = false;
  if (again || pending.eval) evaluate();
  pending.eval = false;
  render();
  updateHash();
  if (pending.catalog) { pending.catalog = false; renderCatalog(el.catalogRoot, ts, el.catalogSearch.value); }
}

function schedule(what) {
  pending[what] = true;
  if (!frame) frame = requestAnimationFrame(run);
}

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
  if (s.action === 'replace' && state.mode === 'paste') {
    const text = replaceInPaste(state.paste, format, scope, s.scopes);
    if (text !== null) {
      state.paste = el.paste.value = text;
      pending.paste = true; run();
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
    for (const k of KINDS) {
      const i = f[k].lastIndexOf(scope);
      if (i < 0) continue;
      if (f[k].indexOf(scope) !== i) f[k].splice(i, 1);
      else if (code !== 'duplicate-scope') f[k] = f[k].filter((n) => n !== scope);
    }
    done = `Removed ${scope}.`;
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
  if (syncPasteFromFields()) { state.mode = 'paste'; pending.paste = true; } else { state.mode = 'fields'; pending.eval = true; }
  run();
  afterFix(done);
}

function afterFix(text) {
  announce(text);
  el.diagHeading.focus();
}

function select(id) {
  state.selected = id;
  render();
  updateHash();
  const p = id === 'custom' ? report && report.account : report && report.profiles.find((x) => x.id === id);
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

function downloadJson() {
  let text;
  try { text = pair() && !pairError ? ts.checkPairJson(state.paste, state.installUrl, options()) : ts.checkJson(currentInput(), options()); } catch (e) { el.exportStatus.textContent = `Cannot export: ${e.message}`; return; }
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
  const wanted = { ...state.fields };
  pending.paste = true;
  run();
  if (state.mode === 'fields') {
    state.fields = wanted; fieldsFromState(); synced = false; pending.eval = true; run();
    el.pasteNote.hidden = false;
    el.pasteNote.textContent = 'The report follows the three fields below.';
  }
}

async function main() {
  for (const [k, id] of Object.entries({ paste: 'paste', required: 'required', conditional: 'conditional', optional: 'optional',
    format: 'format', pasteNote: 'paste-note', pasteError: 'paste-error', matrix: 'matrix', consent: 'consent', preview: 'preview',
    accountResult: 'account-result', diagnostics: 'diagnostics', suggestions: 'suggestions', diagHeading: 'diag-heading',
    shareUrl: 'share-url', shareSecrets: 'share-secrets', exportStatus: 'export-status', fallback: 'export-fallback',
    fallbackLabel: 'export-fallback-label', catalogSearch: 'catalog-search', announce: 'announce',
    withoutConditional: 'without-conditional', loadStatus: 'load-status', installUrl: 'install-url' })) el[k] = document.getElementById(id);
  el.catalogRoot = $('main');

  buildMatrix(el.matrix, select);
  try {
    const mod = await import('./tierscope.mjs');
    ts = await (mod.createTierscope || mod.default)();
  } catch (e) {
    el.loadStatus.textContent = `The evaluator could not be loaded: ${e && e.message ? e.message : e}`;
    el.loadStatus.classList.add('error-text');
    return;
  }
  info = new Map(ts.scopes('').map((s) => [s.name, s]));
  $('#catalog-date').textContent = ts.catalog.as_of;
  $('#catalog-date').setAttribute('datetime', ts.catalog.as_of);
  $('#tool-version').textContent = `tierscope ${ts.version}`;

  renderUrlCheck = initUrlCheck(useInstallUrl);
  builder = initBuilder(ts, () => ({ text: state.paste, format, config: synced && CONFIG_FORMATS.includes(format) }));
  initMigrate(ts, loadFields);
  initDiff(ts, currentText);
  const initial = decodeState(location.hash, EXAMPLE) || defaultState(EXAMPLE);
  buildAccount($('#account-hubs'), $('#account-features'), () => state.account, () => schedule('eval'));
  restore(initial);

  el.paste.addEventListener('input', () => { state.paste = el.paste.value; state.mode = 'paste'; schedule('paste'); });
  for (const k of KINDS) el[k].addEventListener('input', () => { state.fields[k] = el[k].value; state.mode = 'fields'; schedule('fields'); });
  el.installUrl.addEventListener('input', () => { state.installUrl = el.installUrl.value; schedule('eval'); });
  el.withoutConditional.addEventListener('change', () => { state.withoutConditional = el.withoutConditional.checked; schedule('eval'); });
  el.accountResult.addEventListener('click', () => select('custom'));
  el.shareSecrets.addEventListener('change', () => { state.includeSecrets = el.shareSecrets.checked; updateHash(); });
  el.catalogSearch.addEventListener('input', () => schedule('catalog'));
  $('#copy-link').addEventListener('click', async () => {
    updateHash();
    if (await copyText(location.href)) el.exportStatus.textContent = 'Share link copied.';
    else { el.shareUrl.focus(); el.shareUrl.select(); el.exportStatus.textContent = 'Copy the selected link (the clipboard is not available here).'; }
  });
  $('#copy-markdown').addEventListener('click', async () => {
    const md = ts.markdown(report);
    if (await copyText(md)) el.exportStatus.textContent = `Markdown report copied (${md.split('\n').length} lines).`;
    else { showFallback(md); el.exportStatus.textContent = 'The clipboard is not available: the report is selected below.'; }
  });
  $('#download-json').addEventListener('click', downloadJson);
  addEventListener('hashchange', () => {
    const s = decodeState(location.hash, EXAMPLE);
    if (s && location.hash !== encodeState(state)) restore(s);
  });

  renderCatalog(el.catalogRoot, ts, '');
  el.loadStatus.hidden = true;
  document.documentElement.dataset.ready = 'true';
}

main();
