// <tierscope-preview>: a custom element that shows, per HubSpot portal tier, whether an OAuth install
// with the given scopes succeeds. One ES module, no dependencies. Unless it is given an engine (the
// `engine` property, or TierscopePreview.engine for every element), it imports the tierscope wasm module
// from ../tierscope.mjs, a literal relative import that bundlers resolve: the same file is the npm
// package's `tierscope/element` (element/tierscope-preview.js beside tierscope.mjs) and the static
// site's element/tierscope-preview.js. Every element on a page shares one module instance. Docs: ./README.md.

let modulePromise = null;

/** The shared tierscope instance (one per page, created on first use). */
export function loadTierscope() {
  if (!modulePromise) {
    modulePromise = import('../tierscope.mjs').then((m) => {
      const factory = m.createTierscope || m.default;
      if (typeof factory !== 'function') throw new Error('tierscope.mjs does not export createTierscope()');
      return factory();
    });
  }
  return modulePromise;
}

// The engine every element uses when it has none of its own (TierscopePreview.engine); connected elements.
let defaultEngine = null;
const live = new Set();

const STATUS = {
  'installs': { text: 'Installs', icon: '\u2713' },
  'permission-error': { text: 'Permission error', icon: '\u2717' },
  'invalid-scope': { text: 'Invalid scope', icon: '\u2298' },
  'uncertain': { text: 'Uncertain', icon: '?' },
};

const CSS = `
:host {
  display: block;
  position: relative;
  font-family: var(--tierscope-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--tierscope-font-size, 0.9375rem);
  color: var(--tierscope-fg, #1d2430);
  background: var(--tierscope-bg, #ffffff);
  border: 1px solid var(--tierscope-border, #c7ccd4);
  border-radius: var(--tierscope-radius, 6px);
  padding: var(--tierscope-padding, 0.75em 1em);
  line-height: 1.4;
  box-sizing: border-box;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
p { margin: 0 0 0.5em; }
.summary { font-weight: 600; }
.loading, .muted { color: var(--tierscope-muted, #555e6b); }
.error { color: var(--tierscope-fail, #b3261e); font-weight: 600; }
.error-text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.diagnostics { margin: 0 0 0.5em; padding-left: 1.25em; }
ul.diagnostics li { margin: 0.15em 0; overflow-wrap: anywhere; }
.sev { font-weight: 600; }
.sev-error { color: var(--tierscope-fail, #b3261e); }
.sev-warning { color: var(--tierscope-warn, #8a4b00); }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.35em; }
th, td { text-align: left; vertical-align: top; padding: 0.3em 0.5em; border-top: 1px solid var(--tierscope-border, #c7ccd4); }
thead th { border-top: none; border-bottom: 2px solid var(--tierscope-border, #c7ccd4); }
tbody th { font-weight: normal; }
.status { white-space: nowrap; font-weight: 600; }
.icon { display: inline-block; width: 1.2em; text-align: center; }
.s-installs { color: var(--tierscope-ok, #136c2e); }
.s-permission-error, .s-invalid-scope { color: var(--tierscope-fail, #b3261e); }
.s-uncertain { color: var(--tierscope-warn, #8a4b00); }
code {
  font-family: var(--tierscope-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  font-size: 0.92em;
  background: var(--tierscope-code-bg, rgba(127, 127, 127, 0.14));
  border-radius: 3px;
  padding: 0 0.25em;
  overflow-wrap: anywhere;
}
.scopes code + code { margin-left: 0.35em; }
.note { display: block; color: var(--tierscope-muted, #555e6b); font-size: 0.92em; }
:host([compact]) { padding: var(--tierscope-padding, 0.5em 0.75em); font-size: var(--tierscope-font-size, 0.875rem); }
:host([compact]) th, :host([compact]) td { padding: 0.15em 0.4em; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
`;

let sharedSheet = null;
function styleShadow(root) {
  // A constructed stylesheet is not subject to a host page's style-src CSP; fall back to <style>.
  try {
    if (!sharedSheet) { sharedSheet = new CSSStyleSheet(); sharedSheet.replaceSync(CSS); }
    root.adoptedStyleSheets = [sharedSheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}

/** "a b, c" → ["a", "b", "c"] */
function splitList(value) {
  return String(value || '').split(/[\s,]+/).filter(Boolean);
}

function scopeCodes(list) {
  const span = h('span', { class: 'scopes' });
  for (const s of list) span.append(h('code', { text: s }));
  return span;
}

const ATTRS = ['required', 'conditional', 'optional', 'url', 'profiles', 'label'];

export class TierscopePreview extends HTMLElement {
  static get observedAttributes() { return [...ATTRS, 'compact']; }

  constructor() {
    super();
    this._root = this.attachShadow({ mode: 'open' });
    styleShadow(this._root);
    this._body = h('div', { part: 'container' });
    this._root.append(this._body);
    this._seq = 0;
    this._queued = false;
    this._updating = Promise.resolve();
    this._report = null;
    this._error = null;
    this._lastJson = undefined;
    this._engine = null;
    this._body.append(h('p', { class: 'loading', text: 'Checking scopes\u2026' }));
  }

  connectedCallback() {
    // Properties set before the element was upgraded shadow the prototype accessors: re-apply them.
    for (const name of [...ATTRS, 'compact', 'engine']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const v = this[name];
        delete this[name];
        this[name] = v;
      }
    }
    live.add(this);
    this._schedule();
  }

  disconnectedCallback() { live.delete(this); }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    this._schedule();
  }

  /** The last report (null before the first result or after invalid input). */
  get report() { return this._report; }
  /** The last input error as {code, message}, or null. */
  get error() { return this._error; }
  /** Resolves once every scheduled update has rendered; the value is the element. */
  get updateComplete() {
    const wait = async () => {
      let p;
      do { p = this._updating; await p; } while (p !== this._updating || this._queued);
      return this;
    };
    return wait();
  }

  /**
   * The tierscope instance this element uses: a createTierscope() instance (or a promise of one) that
   * you assign, else null (the element then uses TierscopePreview.engine, or imports its own).
   */
  get engine() { return this._engine; }
  set engine(value) {
    this._engine = value || null;
    this._schedule();
  }

  /** The engine of every element that has none of its own (set it before elements render to avoid the import). */
  static get engine() { return defaultEngine; }
  static set engine(value) {
    defaultEngine = value || null;
    for (const el of live) el._schedule();
  }

  get compact() { return this.hasAttribute('compact'); }
  set compact(v) { this.toggleAttribute('compact', Boolean(v)); }

  _schedule() {
    if (!this.isConnected || this._queued) return;
    this._queued = true;
    // Coalesce several attribute changes in one task into one check.
    this._updating = Promise.resolve().then(() => {
      this._queued = false;
      return this._update(++this._seq);
    });
  }

  _input() {
    const input = {};
    for (const kind of ['required', 'conditional', 'optional']) {
      const list = splitList(this.getAttribute(kind));
      if (list.length) input[kind] = list;
    }
    const url = (this.getAttribute('url') || '').trim();
    if (url) input.url = url;
    return input;
  }

  _options() {
    const profiles = splitList(this.getAttribute('profiles'));
    return profiles.length ? { profiles } : {};
  }

  async _update(seq) {
    const input = this._input();
    const options = this._options();
    let report = null;
    let error = null;
    let ts = null;
    try {
      const given = this._engine || defaultEngine;
      ts = await (given || loadTierscope());
      if (!ts || typeof ts.check !== 'function') {
        ts = null;
        error = { code: 'bad-engine', message: 'the engine is not a tierscope instance (it has no check())' };
      }
    } catch (e) {
      error = { code: 'load-error', message: `the tierscope module could not be loaded (${(e && e.message) || e})` };
    }
    if (seq !== this._seq) return;
    if (ts) {
      try {
        report = ts.check(input, options);
      } catch (e) {
        error = { code: (e && e.code) || 'error', message: String((e && e.message) || e) };
      }
    }
    this._report = report;
    this._error = error;
    this._render();
    const json = report ? JSON.stringify(report) : null;
    if (report && json !== this._lastJson) {
      this._lastJson = json;
      this.dispatchEvent(new CustomEvent('tierscope-change', { detail: report, bubbles: true, composed: true }));
    } else if (error) {
      this._lastJson = null;
      this.dispatchEvent(new CustomEvent('tierscope-error', { detail: error, bubbles: true, composed: true }));
    }
  }

  _render() {
    const body = this._body;
    body.replaceChildren();
    if (this._error) {
      body.append(h('p', { class: 'error', role: 'alert', part: 'error' },
        h('span', { text: 'Cannot check these scopes: ' }),
        h('span', { class: 'error-text', text: this._error.message })));
      return;
    }
    const report = this._report;
    if (!report) return;
    const compact = this.compact;
    if ((report.diagnostics || []).some((d) => d.code === 'empty-request')) {  // nothing to judge yet
      body.append(h('p', { class: 'summary', part: 'summary',
        text: 'No scopes to check: set required, conditional, optional or url.' }));
      return;
    }

    const cov = report.coverage && report.coverage.profiles;
    if (cov) {
      let text = `Installs on ${cov.installs} of ${cov.total} standard tiers`;
      if (cov.uncertain) text += `, uncertain on ${cov.uncertain}`;
      const shown = (report.profiles || []).length;
      text += shown < cov.total ? ` (${shown} shown below).` : '.';
      body.append(h('p', { class: 'summary', part: 'summary', text }));
    }

    const diags = (report.diagnostics || []).filter((d) => d.severity === 'error' || (!compact && d.severity === 'warning'));
    if (diags.length) {
      const ul = h('ul', { class: 'diagnostics', part: 'diagnostics', 'aria-label': 'Problems found' });
      for (const d of diags) {
        ul.append(h('li', null,
          h('span', { class: `sev sev-${d.severity}`, text: d.severity === 'error' ? 'Error: ' : 'Warning: ' }),
          h('span', { text: d.message })));
      }
      body.append(ul);
    }

    const label = this.getAttribute('label') ||
      ('Install result per HubSpot tier' + (report.input && report.input.app_name ? ` for ${report.input.app_name}` : ''));
    const table = h('table', { part: 'table' }, h('caption', { class: compact ? 'visually-hidden' : null, text: label }));
    table.append(h('thead', null, h('tr', null,
      h('th', { scope: 'col', text: 'Tier' }),
      h('th', { scope: 'col', text: 'Status' }),
      h('th', { scope: 'col', text: 'Missing scopes' }))));
    const tbody = h('tbody');
    for (const p of report.profiles || []) {
      const st = STATUS[p.status] || { text: p.status, icon: '\u2022' };
      const details = h('td', { class: 'missing' });
      if (p.missing && p.missing.length) details.append(scopeCodes(p.missing));
      else details.append(h('span', { class: 'muted', text: 'None' }));
      if (!compact) {
        if (p.unverified && p.unverified.length) {
          details.append(h('span', { class: 'note' }, 'Availability undocumented: ', scopeCodes(p.unverified)));
        }
        if (p.dropped && p.dropped.length) {
          details.append(h('span', { class: 'note' }, 'Optional, not granted: ', scopeCodes(p.dropped)));
        }
      }
      tbody.append(h('tr', { 'data-profile': p.id, 'data-status': p.status },
        h('th', { scope: 'row', text: p.name }),
        h('td', { class: `status s-${p.status}` },
          h('span', { class: 'icon', 'aria-hidden': 'true', text: st.icon }),
          h('span', { class: 'status-text', text: st.text })),
        details));
    }
    table.append(tbody);
    body.append(table);
  }
}

for (const name of ATTRS) {
  Object.defineProperty(TierscopePreview.prototype, name, {
    configurable: true,
    enumerable: true,
    get() { return this.getAttribute(name) || ''; },
    set(v) {
      if (v == null || v === '') this.removeAttribute(name);
      else this.setAttribute(name, Array.isArray(v) ? v.join(' ') : String(v));
    },
  });
}

if (!customElements.get('tierscope-preview')) customElements.define('tierscope-preview', TierscopePreview);
