// embed.html: <tierscope-preview> in a page made for iframes. Initial state from the URL fragment
// (#required=a%20b&optional=c&profiles=free&compact); the parent page can change it with
// postMessage({type: "tierscope:set", ...}). The embed answers with tierscope:report (or
// tierscope:error) and keeps the parent informed of its height with tierscope:resize.
// Only origins listed in <meta name="tierscope-allowed-origins"> may talk to it, and it posts only
// to such an origin (never "*"). Protocol: element/README.md.
import './element/tierscope-preview.js';

const FIELDS = ['required', 'conditional', 'optional', 'url', 'profiles'];
const MAX_STRING = 100000;     // characters per string field
const MAX_ITEMS = 2000;        // entries per list field
const MAX_ITEM = 256;          // characters per list entry

const preview = document.getElementById('preview');
const allowed = readAllowList();
const embedded = window.parent !== window;
let parentOrigin = embedded ? guessParentOrigin() : null;
let lastHeight = -1;

/** The deploy-time allow-list: exact origins; "same-origin" = this page's origin. */
function readAllowList() {
  const meta = document.querySelector('meta[name="tierscope-allowed-origins"]');
  const list = new Set();
  for (const entry of ((meta && meta.getAttribute('content')) || '').split(/\s+/)) {
    if (!entry) continue;
    const origin = entry === 'same-origin' ? location.origin : entry;
    // Only real tuple origins ("null", "*", paths and trailing slashes never match).
    try {
      const u = new URL(origin);
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === origin) list.add(origin);
    } catch { /* not an origin: ignored */ }
  }
  return list;
}

/** The parent's origin before it has sent anything (a guess; postMessage enforces it anyway). */
function guessParentOrigin() {
  let origin = null;
  try {
    if (location.ancestorOrigins && location.ancestorOrigins.length) origin = location.ancestorOrigins[0];
    else if (document.referrer) origin = new URL(document.referrer).origin;
  } catch { origin = null; }
  return origin && allowed.has(origin) ? origin : null;
}

function post(message) {
  if (!embedded || !parentOrigin || !allowed.has(parentOrigin)) return;
  window.parent.postMessage(message, parentOrigin);
}

function postResult() {
  if (preview.error) post({ type: 'tierscope:error', error: { code: preview.error.code, message: preview.error.message } });
  else if (preview.report) post({ type: 'tierscope:report', report: preview.report });
}

function postHeight(force) {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!force && height === lastHeight) return;
  lastHeight = height;
  post({ type: 'tierscope:resize', height });
}

/**
 * The host page's scheme, read from the <iframe> element that holds this page when the frame can see it
 * (same origin): its color-scheme as the element reads a page's ("dark" is dark, "light" or none is
 * light, "light dark" follows the visitor). null across origins: a browser gives a frame the visitor's
 * preference, not its host's, so such a host says its scheme itself (#theme= or tierscope:set).
 */
function hostScheme() {
  let frame = null;
  try { frame = window.frameElement; } catch { frame = null; }
  const view = frame && frame.ownerDocument && frame.ownerDocument.defaultView;
  if (!view) return null;
  const words = (view.getComputedStyle(frame).colorScheme || 'normal').split(/\s+/);
  const dark = words.includes('dark'); const light = words.includes('light');
  if (dark && !light) return 'dark';
  if (dark && light) return view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  return 'light';
}

let theme = 'auto';
let watching = false;

/** theme: 'light' | 'dark' force the frame's and the element's scheme; anything else is auto (the host's). */
function applyTheme(value) {
  theme = value === 'light' || value === 'dark' ? value : 'auto';
  const t = theme === 'auto' ? hostScheme() || 'auto' : theme;
  if (t === 'auto') delete document.documentElement.dataset.theme; else document.documentElement.dataset.theme = t;
  if (preview.theme !== t) preview.theme = t;
  if (theme === 'auto' && !watching) watchHost();
}

/** auto: the scheme follows the host when its color-scheme or the visitor's preference changes. */
function watchHost() {
  watching = true;
  const again = () => { if (theme === 'auto') applyTheme('auto'); };
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', again);
  let frame = null;
  try { frame = window.frameElement; } catch { frame = null; }
  const doc = frame && frame.ownerDocument;
  if (!doc || typeof MutationObserver !== 'function') return;
  // A host switches its scheme by an attribute (class, style, data-theme) on <html>, <body> or the frame.
  const seen = new MutationObserver(again);
  for (const node of [doc.documentElement, doc.body, frame]) if (node) seen.observe(node, { attributes: true });
}

function apply(state) {
  if ('theme' in state) applyTheme(state.theme);
  for (const key of FIELDS) if (key in state) preview[key] = state[key];
  if ('compact' in state) preview.compact = state.compact;
}

function fromFragment() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const state = {};
  for (const key of FIELDS) {
    const v = params.get(key);
    state[key] = v && v.length <= MAX_STRING ? v : '';
  }
  state.theme = params.get('theme') || 'auto';
  const c = params.get('compact');
  state.compact = c !== null && c !== '0' && c !== 'false';
  return state;
}

/** A tierscope:set message as a state object, or null when it is anything else or malformed. */
function readSet(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data) || data.type !== 'tierscope:set') return null;
  const has = (k) => Object.prototype.hasOwnProperty.call(data, k);
  const state = {};
  for (const key of FIELDS) {
    if (!has(key)) continue;
    const v = data[key];
    if (v === null) state[key] = '';
    else if (typeof v === 'string') {
      if (v.length > MAX_STRING) return null;
      state[key] = v;
    } else if (Array.isArray(v) && key !== 'url') {
      if (v.length > MAX_ITEMS || !v.every((s) => typeof s === 'string' && s.length <= MAX_ITEM)) return null;
      state[key] = v.join(' ');
    } else return null;
  }
  if (has('theme')) {
    if (!['auto', 'light', 'dark'].includes(data.theme)) return null;
    state.theme = data.theme;
  }
  if (has('compact')) {
    if (typeof data.compact !== 'boolean') return null;
    state.compact = data.compact;
  }
  return state;
}

window.addEventListener('message', async (event) => {
  try {
    if (!embedded || event.source !== window.parent || !allowed.has(event.origin)) return;
    const state = readSet(event.data);
    if (!state) return;
    const learned = parentOrigin !== event.origin;
    parentOrigin = event.origin;
    apply(state);
    await preview.updateComplete;
    postResult();
    postHeight(learned);
  } catch { /* never let a message break the embed */ }
});

window.addEventListener('hashchange', async () => {
  apply(fromFragment());
  await preview.updateComplete;
  postResult();
});

if (typeof ResizeObserver === 'function') {
  new ResizeObserver(() => postHeight(false)).observe(document.documentElement);
}

apply(fromFragment());
post({ type: 'tierscope:ready' });
preview.updateComplete.then(() => { postResult(); postHeight(false); });
