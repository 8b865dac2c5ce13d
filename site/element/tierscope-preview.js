// <tierscope-preview>: a custom element that shows, per HubSpot portal tier, whether an OAuth install
// with the given scopes succeeds. One ES module, no dependencies. Unless it is given an engine (the
// `engine` property, or TierscopePreview.engine for every element), it imports the tierscope wasm module
// from ../tierscope.mjs, a literal relative import that bundlers resolve: the same file is the npm
// package's `tierscope/element` (element/tierscope-preview.js beside tierscope.mjs) and the static
// site's element/tierscope-preview.js. Every element on a page shares one module instance. Docs: ./README.md.
// A whole HubSpot project (the `project` property, or a same-origin .zip named by `project-src`) is read by
// ./tierscope-project-files.js, imported only then, and judged by ts.checkProject(), which lives in the
// engine's lazily loaded calls module: an element without a project loads neither.

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

const ICONS = { 'installs': '\u2713', 'permission-error': '\u2717', 'invalid-scope': '\u2298', 'uncertain': '?', 'unknown-scope': '?' };

// The element's words. Each can be replaced through the `strings` property: a string with {placeholders}
// or a function of the same values ({installs, total, uncertain, shown, app, message}).
const STRINGS = Object.freeze({
  'loading': 'Checking scopes\u2026',
  'empty': 'No scopes to check: set required, conditional, optional or url.',
  'cannot-check': 'Cannot check these scopes: ',
  'summary': 'Installs on {installs} of {total} standard tiers',
  'summary-uncertain': ', uncertain on {uncertain}',
  'summary-shown': ' ({shown} shown below)',
  'summary-end': '.',
  'announce': 'Installs on {installs} of {total} profiles',
  'announce-uncertain': ', uncertain on {uncertain}',
  'problems': 'Problems found',
  'severity-error': 'Error: ',
  'severity-warning': 'Warning: ',
  'caption': 'Install result per HubSpot tier',
  'caption-app': 'Install result per HubSpot tier for {app}',
  'column-tier': 'Tier',
  'column-status': 'Status',
  'column-missing': 'Missing scopes',
  'none': 'None',
  'unverified': 'Availability undocumented: ',
  'disputed': 'Sources disagree on: ',
  'disputed-silent': 'No source speaks of this tier for: ',
  'dropped': 'Optional, not granted: ',
  'status-installs': 'Installs',
  'status-permission-error': 'Permission error',
  'status-invalid-scope': 'Invalid scope',
  'status-uncertain': 'Uncertain',
  'status-unknown-scope': 'Unknown scope',
  'project': 'Project {name} \u00b7 platform version {version}',
  'uncovered': 'Covered by no requested scope (HubSpot answers 403): ',
  'unused': 'Asked for, needed by no feature or call found: ',
});

// A new summary is announced once the input has settled: results that follow each other faster than
// this (typing into a field that feeds the element) are not read out one by one.
const ANNOUNCE_DELAY_MS = 1000;

// Colours: one internal variable per --tierscope-* property, whose fallback depends on the colour
// scheme; a page's --tierscope-* value wins in both schemes. Logical properties only (dir="rtl").
const CSS = `
:host {
  --ts-fg: var(--tierscope-fg, #1d2430);
  --ts-bg: var(--tierscope-bg, #ffffff);
  --ts-border: var(--tierscope-border, #c7ccd4);
  --ts-ok: var(--tierscope-ok, #136c2e);
  --ts-fail: var(--tierscope-fail, #b3261e);
  --ts-warn: var(--tierscope-warn, #8a4b00);
  --ts-muted: var(--tierscope-muted, #555e6b);
  --ts-code-bg: var(--tierscope-code-bg, rgba(127, 127, 127, 0.14));
  display: block;
  position: relative;
  font-family: var(--tierscope-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--tierscope-font-size, 0.9375rem);
  color: var(--ts-fg);
  background: var(--ts-bg);
  border: 1px solid var(--ts-border);
  border-radius: var(--tierscope-radius, 6px);
  padding: var(--tierscope-padding, 0.75em 1em);
  line-height: 1.4;
  box-sizing: border-box;
}
:host([data-scheme=dark]) {
  color-scheme: dark;
  --ts-fg: var(--tierscope-fg, #e6ebf2);
  --ts-bg: var(--tierscope-bg, #161b22);
  --ts-border: var(--tierscope-border, #566173);
  --ts-ok: var(--tierscope-ok, #72d992);
  --ts-fail: var(--tierscope-fail, #ff9d95);
  --ts-warn: var(--tierscope-warn, #f0bd6c);
  --ts-muted: var(--tierscope-muted, #a9b3c0);
  --ts-code-bg: var(--tierscope-code-bg, rgba(160, 170, 185, 0.2));
}
:host([data-scheme=light]) { color-scheme: light; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
p { margin-block: 0 0.5em; margin-inline: 0; }
.summary { font-weight: 600; }
.loading, .muted { color: var(--ts-muted); }
.error { color: var(--ts-fail); font-weight: 600; }
.error-text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.diagnostics { margin-block: 0 0.5em; margin-inline: 0; padding-inline-start: 1.25em; }
ul.diagnostics li { margin-block: 0.15em; overflow-wrap: anywhere; }
.sev { font-weight: 600; }
.sev-error { color: var(--ts-fail); }
.sev-warning { color: var(--ts-warn); }
table { border-collapse: collapse; inline-size: 100%; }
caption { text-align: start; font-weight: 600; padding-block-end: 0.35em; }
th, td { text-align: start; vertical-align: top; padding-block: 0.3em; padding-inline: 0.5em; border-block-start: 1px solid var(--ts-border); }
thead th { border-block-start: none; border-block-end: 2px solid var(--ts-border); }
tbody th { font-weight: normal; }
.status { white-space: nowrap; font-weight: 600; }
.icon { display: inline-block; inline-size: 1.2em; text-align: center; }
.s-installs { color: var(--ts-ok); }
.s-permission-error, .s-invalid-scope { color: var(--ts-fail); }
.s-uncertain { color: var(--ts-warn); }
code {
  font-family: var(--tierscope-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  font-size: 0.92em;
  background: var(--ts-code-bg);
  border-radius: 3px;
  padding-block: 0;
  padding-inline: 0.25em;
  overflow-wrap: anywhere;
}
.scopes code + code { margin-inline-start: 0.35em; }
.note { display: block; color: var(--ts-muted); font-size: 0.92em; }
:host([compact]) { padding: var(--tierscope-padding, 0.5em 0.75em); font-size: var(--tierscope-font-size, 0.875rem); }
:host([compact]) th, :host([compact]) td { padding-block: 0.15em; padding-inline: 0.4em; }
.visually-hidden {
  position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
`;

/** The string `key` of `strings` with its {placeholders} filled in from values. */
function say(strings, key, values = {}) {
  const s = strings[key];
  if (typeof s === 'function') return String(s(values) ?? '');
  return String(s ?? '').replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

/** A part name for a status (statuses are lowercase words and dashes; anything else gets none). */
const statusPart = (prefix, status) => (/^[a-z][a-z-]*$/.test(status) ? ` ${prefix}-${status}` : '');

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

let projectModule = null;
/** ./tierscope-project-files.js, imported on first use (a literal relative import, as ../tierscope.mjs). */
function loadProjectFiles() {
  if (!projectModule) projectModule = import('./tierscope-project-files.js');
  return projectModule;
}

export class TierscopePreview extends HTMLElement {
  static get observedAttributes() { return [...ATTRS, 'compact', 'theme', 'project-src']; }

  /**
   * The colour scheme in use, 'light' or 'dark' (the host's data-scheme attribute): theme="light" or
   * "dark" forces it; theme="auto" (the default) follows the host page's color-scheme property as it
   * applies to the element: "dark" is dark, "light" or none ("normal") is light, and a page that
   * offers both ("light dark") follows the reader's preference.
   */
  get scheme() {
    const theme = (this.getAttribute('theme') || 'auto').trim().toLowerCase();
    if (theme === 'light' || theme === 'dark') return theme;
    const words = (getComputedStyle(this.parentElement || this).colorScheme || 'normal').split(/\s+/);
    const dark = words.includes('dark'); const light = words.includes('light');
    if (dark && !light) return 'dark';
    if (dark && light) return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    return 'light';
  }

  get theme() { return this.getAttribute('theme') || 'auto'; }
  set theme(v) { if (v === null || v === undefined || v === '') this.removeAttribute('theme'); else this.setAttribute('theme', String(v)); }

  _applyScheme() {
    const scheme = this.scheme;
    if (this.dataset.scheme !== scheme) this.dataset.scheme = scheme;
  }

  constructor() {
    super();
    this._root = this.attachShadow({ mode: 'open' });
    styleShadow(this._root);
    this._body = h('div', { part: 'container' });
    // The polite live region: in the DOM from the start (so later changes are announced), never re-created.
    this._live = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._root.append(this._body, this._live);
    this._seq = 0;
    this._queued = false;
    this._updating = Promise.resolve();
    this._report = null;
    this._error = null;
    this._lastJson = undefined;
    this._engine = null;
    this._strings = null;
    this._project = null;
    this._projectReport = null;
    this._announceTimer = 0;
    this._announced = undefined;  // the summary of the first result is the element's content, not news
    this._render();
  }

  connectedCallback() {
    // Properties set before the element was upgraded shadow the prototype accessors: re-apply them.
    for (const name of [...ATTRS, 'compact', 'engine', 'strings', 'project', 'projectSrc']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const v = this[name];
        delete this[name];
        this[name] = v;
      }
    }
    live.add(this);
    this._applyScheme();
    if (!this._media) {
      this._media = matchMedia('(prefers-color-scheme: dark)');
      this._onMedia = () => this._applyScheme();
    }
    this._media.addEventListener('change', this._onMedia);
    this._schedule();
  }

  disconnectedCallback() {
    live.delete(this);
    clearTimeout(this._announceTimer);
    if (this._media) this._media.removeEventListener('change', this._onMedia);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'theme') { this._applyScheme(); return; }
    this._schedule();
  }

  /** The last report (null before the first result or after invalid input). */
  get report() { return this._report; }
  /** In project mode, the last ts.checkProject() report (its `check` is `report`); else null. */
  get projectReport() { return this._projectReport; }

  /**
   * A whole HubSpot project to judge instead of the scope attributes: a FileList or File[] (a chosen
   * folder, e.g. an <input webkitdirectory>'s files), a File or Blob of a .zip, or the files as
   * {path: text} / [{path, text}]. null (the default) goes back to `project-src` or the attributes.
   */
  get project() { return this._project; }
  set project(value) {
    this._project = value == null ? null : value;
    this._schedule();
  }

  /** A .zip of a HubSpot project on the page's own origin (reflects the project-src attribute); `project` wins. */
  get projectSrc() { return this.getAttribute('project-src') || ''; }
  set projectSrc(v) { if (v == null || v === '') this.removeAttribute('project-src'); else this.setAttribute('project-src', String(v)); }

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

  /** The element's words: reading gives every string in use; assigning an object merges it over the defaults. */
  get strings() { return { ...STRINGS, ...this._strings }; }
  set strings(value) {
    this._strings = value && typeof value === 'object' ? { ...value } : null;
    this._render();
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
    const project = this._project;
    const src = (this.getAttribute('project-src') || '').trim();
    const whole = project != null || src !== '';
    let report = null;
    let projectReport = null;
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
    if (ts && whole) {
      // A whole project: read here, judged by the engine's calls module. Never a verdict for files not read.
      try {
        if (typeof ts.checkProject !== 'function') throw Object.assign(new Error('the engine has no checkProject()'), { code: 'bad-engine' });
        const m = await loadProjectFiles();
        let files;
        try {
          files = await m.projectFiles(project, src);
        } catch (e) {
          throw Object.assign(new Error(String((e && e.message) || e)), { code: e instanceof m.ProjectError ? 'project-read-error' : 'error' });
        }
        if (seq !== this._seq) return;
        projectReport = await ts.checkProject(files, options);
        report = projectReport.check || null;
      } catch (e) {
        projectReport = null;
        report = null;
        error = { code: (e && e.code) || 'error', message: String((e && e.message) || e) };
      }
      if (seq !== this._seq) return;
    } else if (ts) {
      try {
        report = ts.check(input, options);
      } catch (e) {
        error = { code: (e && e.code) || 'error', message: String((e && e.message) || e) };
      }
    }
    this._projectReport = projectReport;
    this._report = report;
    this._error = error;
    this._render();
    this._announceLater();
    const json = report ? JSON.stringify(report) : null;
    if (report && json !== this._lastJson) {
      this._lastJson = json;
      this.dispatchEvent(new CustomEvent('tierscope-change', { detail: report, bubbles: true, composed: true }));
    } else if (error) {
      this._lastJson = null;
      this.dispatchEvent(new CustomEvent('tierscope-error', { detail: error, bubbles: true, composed: true }));
    }
  }

  /** The coverage counts of the last report, or null (no report, or nothing to judge). */
  _coverage() {
    const report = this._report;
    if (!report || (report.diagnostics || []).some((d) => d.code === 'empty-request')) return null;
    return (report.coverage && report.coverage.profiles) || null;
  }

  /** The short summary for screen readers ('' when there is none or announcements are switched off). */
  _announcement() {
    const cov = this._coverage();
    const strings = this.strings;
    if (!cov || !say(strings, 'announce', cov)) return '';
    return say(strings, 'announce', cov) + (cov.uncertain ? say(strings, 'announce-uncertain', cov) : '');
  }

  // The live region gets the summary once no newer result has come for ANNOUNCE_DELAY_MS. The element's
  // first result is not announced (it is read with the page); each later change of the summary is, once.
  // After an error (announced by its role="alert") the next result is news again.
  _announceLater() {
    clearTimeout(this._announceTimer);
    const text = this._announcement();
    if (this._announced === undefined || this._error) {
      this._announced = this._error ? '' : text;
      return;
    }
    if (!text || text === this._announced) return;
    this._announceTimer = setTimeout(() => {
      this._announced = text;
      this._live.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  _render() {
    const body = this._body;
    const strings = this.strings;
    body.replaceChildren();
    if (this._error) {
      body.append(h('p', { class: 'error', role: 'alert', part: 'error' },
        h('span', { text: say(strings, 'cannot-check') }),
        h('span', { class: 'error-text', text: this._error.message })));
      return;
    }
    const report = this._report;
    const whole = this._projectReport;
    if (whole) this._renderProject(body, whole, strings);
    if (!report) {
      if (!whole) body.append(h('p', { class: 'loading', text: say(strings, 'loading') }));
      return;  // a project without a check report: its findings only, never a verdict
    }
    const compact = this.compact;
    const cov = this._coverage();
    if (!cov && (report.diagnostics || []).some((d) => d.code === 'empty-request')) {  // nothing to judge yet
      body.append(h('p', { class: 'summary', part: 'summary', text: say(strings, 'empty') }));
      return;
    }

    if (cov) {
      const shown = (report.profiles || []).length;
      const values = { ...cov, shown };
      const text = say(strings, 'summary', values) + (cov.uncertain ? say(strings, 'summary-uncertain', values) : '') +
        (shown < cov.total ? say(strings, 'summary-shown', values) : '') + say(strings, 'summary-end', values);
      body.append(h('p', { class: 'summary', part: 'summary', text }));
    }

    const diags = (report.diagnostics || []).filter((d) => d.severity === 'error' || (!compact && d.severity === 'warning'));
    if (diags.length) {
      const ul = h('ul', { class: 'diagnostics', part: 'diagnostics', 'aria-label': say(strings, 'problems') });
      for (const d of diags) {
        ul.append(h('li', null,
          h('span', { class: `sev sev-${d.severity}`, text: say(strings, d.severity === 'error' ? 'severity-error' : 'severity-warning') }),
          h('span', { text: d.message })));
      }
      body.append(ul);
    }

    const app = report.input && report.input.app_name;
    const label = this.getAttribute('label') || say(strings, app ? 'caption-app' : 'caption', { app });
    const table = h('table', { part: 'table' }, h('caption', { class: compact ? 'visually-hidden' : null, text: label }));
    table.append(h('thead', null, h('tr', null,
      h('th', { scope: 'col', text: say(strings, 'column-tier') }),
      h('th', { scope: 'col', text: say(strings, 'column-status') }),
      h('th', { scope: 'col', text: say(strings, 'column-missing') }))));
    const tbody = h('tbody');
    for (const p of report.profiles || []) {
      const statusText = `status-${p.status}` in strings ? say(strings, `status-${p.status}`) : p.status;
      const details = h('td', { class: 'missing', part: 'missing' });
      const disputed = p.disputed || []; const unverified = p.unverified || [];
      if (p.missing && p.missing.length) details.append(scopeCodes(p.missing));
      else if (p.status === 'uncertain' && (disputed.length || unverified.length)) {
        // What is uncertain: the scopes whose tier the sources dispute or do not document.
        // Disputed because the sources disagree, or because none speaks of the account (an
        // undocumented-availability warning names the scope, no sources-disagree warning does).
        const diags = report.diagnostics || [];
        const said = (n, code) => diags.some((d) => d.scope === n && d.code === code);
        const silent = disputed.filter((n) => said(n, 'undocumented-availability') && !said(n, 'sources-disagree'));
        const disagree = disputed.filter((n) => !silent.includes(n));
        if (disagree.length) details.append(h('span', { class: 'note' }, say(strings, 'disputed'), scopeCodes(disagree)));
        if (silent.length) details.append(h('span', { class: 'note' }, say(strings, 'disputed-silent'), scopeCodes(silent)));
        if (unverified.length) details.append(h('span', { class: 'note' }, say(strings, 'unverified'), scopeCodes(unverified)));
      } else details.append(h('span', { class: 'muted', text: say(strings, 'none') }));
      if (!compact) {
        if (!(p.status === 'uncertain' && !(p.missing || []).length) && p.unverified && p.unverified.length) {
          details.append(h('span', { class: 'note' }, say(strings, 'unverified'), scopeCodes(p.unverified)));
        }
        if (p.dropped && p.dropped.length) {
          details.append(h('span', { class: 'note' }, say(strings, 'dropped'), scopeCodes(p.dropped)));
        }
      }
      tbody.append(h('tr', { 'data-profile': p.id, 'data-status': p.status, part: 'row' + statusPart('row', p.status) },
        h('th', { scope: 'row', part: 'tier', text: p.name }),
        h('td', { class: `status s-${p.status}`, part: 'status' + statusPart('status', p.status) },
          h('span', { class: 'icon', 'aria-hidden': 'true', text: ICONS[p.status] || '\u2022' }),
          h('span', { class: 'status-text', text: statusText })),
        details));
    }
    table.append(tbody);
    body.append(table);
  }

  // A project's own lines, before the answer's table: its name and platform version, then its findings
  // (each at file:line), the calls no requested scope covers and the scopes nothing needs.
  _renderProject(body, whole, strings) {
    const p = whole.project || {};
    body.append(h('p', { class: 'muted', part: 'project', text: say(strings, 'project', { name: p.name || '\u2013', version: p.platform_version || '\u2013' }) }));
    const at = (file, line) => (file ? `${file}${line ? `:${line}` : ''}: ` : '');
    const items = [];
    for (const d of whole.diagnostics || []) {
      if (d.severity !== 'error' && (this.compact || d.severity !== 'warning')) continue;
      items.push([d.severity, at(d.file, d.line) + d.message]);
    }
    const calls = whole.calls;
    for (const u of (calls && calls.uncovered) || []) items.push(['error', at(u.file, u.line) + say(strings, 'uncovered') + `${u.method} ${u.path}`]);
    if (!this.compact) for (const u of (calls && calls.unused) || []) items.push(['warning', say(strings, 'unused') + u.scope]);
    if (!items.length) return;
    const ul = h('ul', { class: 'diagnostics', part: 'project-findings', 'aria-label': say(strings, 'problems') });
    for (const [severity, text] of items) {
      ul.append(h('li', null,
        h('span', { class: `sev sev-${severity}`, text: say(strings, severity === 'error' ? 'severity-error' : 'severity-warning') }),
        h('span', { text })));
    }
    body.append(ul);
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
