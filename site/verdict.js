// The answer first: the verdict bar (one line: how many standard tiers install, why the others do
// not, and the first fix), the banner above the matrix when every tier fails for the same reason,
// the empty state (nothing pasted: no verdict) and the stale state (the input cannot be read: the
// matrix shows the last readable input, greyed). Every count and name comes from the report and the
// catalog's model (model.js); nothing here knows HubSpot's products.
import { h, replaceChildren, codes } from './dom.js';
import { fixLabel, staticAuth } from './panels.js';
import { invalidScopes, brokenRules, ruleWords } from './matrix.js';

export { ruleWords };

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * When every standard tier fails for one reason: {status, text, names}; else null. Names: the scopes
 * concerned (every tier lacks them, or they are invalid).
 */
export function sameReason(report) {
  const ps = report.profiles;
  if (!ps.length) return null;
  const status = ps[0].status;
  if (status === 'installs' || status === 'uncertain' || ps.some((p) => p.status !== status)) return null;
  if (status === 'invalid-scope') {
    const names = invalidScopes(report);
    // Every blocking problem at once: an install URL that breaks a rule besides (rule 7, commas, is the invalid name itself).
    const rules = brokenRules(report).filter((n) => n !== 7); const bare = ruleWords(report, false);
    const also = rules.length ? `; the install URL also breaks ${rules.length > 1 ? `rules ${rules.join(', ')}` : `rule ${rules[0]}${bare.has(rules[0]) ? ` (${bare.get(rules[0])})` : ''}`}` : '';
    const base = names.length ? `${names.length === 1 ? 'An invalid scope' : `${names.length} invalid scopes`}: HubSpot refuses the install on every account` : 'An invalid scope request: HubSpot refuses the install on every account';
    return { status, names, urlToo: rules.length > 0, base, also, text: base + also };
  }
  if (status === 'url-mismatch' || status === 'insufficient-scopes') {
    // Every rule in words: one inline with its scopes, several as a list (rules: [number, words with scopes]).
    const rules = brokenRules(report); const words = ruleWords(report); const bare = ruleWords(report, false);
    const one = rules.length === 1 && bare.has(rules[0]);
    const scopes = one ? ((report.diagnostics || []).find((d) => d.code === 'url-config-mismatch' && (d.message || '').startsWith(`Rule ${rules[0]}:`))?.suggestion?.scopes || []) : [];
    return { status, names: scopes, rules: one ? [] : rules.filter((n) => words.has(n)).map((n) => [n, words.get(n)]),
      text: `The install URL breaks ${rules.length > 1 ? `rules ${rules.slice(0, -1).join(', ')} and ${rules.at(-1)}` : `rule ${rules[0]}`}${one ? ` (${bare.get(rules[0])})` : ''}: HubSpot refuses it on every account` };
  }
  if (status === 'permission-error') {
    const key = JSON.stringify(ps[0].missing);
    if (ps.some((p) => JSON.stringify(p.missing) !== key)) return null;
    return { status, names: ps[0].missing, text: `No standard tier has ${ps[0].missing.length === 1 ? 'this required scope' : 'these required scopes'}: every install gets the permission error` };
  }
  return null;
}

/**
 * The first fix for a report: {label, run: 'url' | 'fix', suggestion, scope, code}, or null. Order:
 * the corrected install URL, an error's fix, the suggestion that unlocks the most tiers, a warning's fix.
 * scopesOnly: leave the install URL out (the fix of the scopes' own problem).
 */
export function topFix(report, scopesOnly = false) {
  const c = report.url_check;
  if (!scopesOnly && c && !c.ok && c.fixed_url) return { label: 'Use the corrected install URL', run: 'url' };
  const still = staticAuth(report); // static auth: never "make optional" (the scope would be ignored)
  const usable = (s) => s && !(still && s.action === 'make-optional');
  const labelled = (d) => usable(d.suggestion) && (d.suggestion.action !== 'replace' || d.scope) && fixLabel(d.suggestion, d.scope);
  const err = (report.diagnostics || []).find((d) => d.severity === 'error' && d.code !== 'url-config-mismatch' && labelled(d));
  if (err) return { label: labelled(err), run: 'fix', suggestion: err.suggestion, scope: err.scope, code: err.code };
  const cov = report.coverage.profiles;
  if (cov.installs < cov.total) {
    const s = (report.suggestions || []).find((x) => usable(x) && fixLabel(x, x.scopes && x.scopes[0]));
    if (s) return { label: fixLabel(s, s.scopes && s.scopes[0]), run: 'fix', suggestion: s, scope: s.scopes && s.scopes[0], code: null, unlocks: (s.unlocks || []).length };
    const warn = (report.diagnostics || []).find((d) => d.severity === 'warning' && labelled(d));
    if (warn) return { label: labelled(warn), run: 'fix', suggestion: warn.suggestion, scope: warn.scope, code: warn.code };
  }
  return null;
}

/** The verdict line's words for a report: {state, text}. */
export function verdictText(report) {
  const counts = {};
  for (const p of report.profiles) counts[p.status] = (counts[p.status] || 0) + 1;
  const total = report.profiles.length; const ok = counts.installs || 0; const unsure = counts.uncertain || 0;
  const failing = total - ok - unsure;
  const same = sameReason(report);
  if (same) return { state: 'fails', text: `Installs on no standard tier. ${same.text}.` };
  if (ok === total) return { state: 'installs', text: `Installs on every standard tier (${total} of ${total}).` };
  const parts = [`Installs on ${ok} of ${total} standard tiers`];
  if (unsure) parts.push(`${unsure} uncertain`);
  if (failing) {
    const missing = new Map();
    for (const p of report.profiles) if (p.status === 'permission-error') for (const n of p.missing) missing.set(n, (missing.get(n) || 0) + 1);
    const top = [...missing].sort((a, b) => b[1] - a[1])[0];
    parts.push(`${failing} fail${top ? `, most for lack of ${top[0]}` : ''}`);
  }
  return { state: ok ? (failing || unsure ? 'partial' : 'installs') : unsure ? 'uncertain' : 'fails', text: parts.join(' · ') + '.' };
}

/**
 * Paints the verdict bar (root: #verdict) for a report. onFix(topFix) applies the fix.
 */
export function renderVerdict(root, report, onFix) {
  // No scope was read (prose, an error text without names): the matrix is what an app asking for nothing
  // gets, not a verdict on the pasted text.
  if ((report.diagnostics || []).some((d) => d.code === 'empty-request')) {
    const ignored = (report.input && report.input.ignored || []).length;
    renderNoVerdict(root, 'none', `No verdict: no scopes found in the input${ignored ? ` (${ignored === 1 ? '1 line' : `${ignored} lines`} read as no scope)` : ''}. Paste the app’s scopes, an install URL or an app config.`);
    return;
  }
  const v = verdictText(report);
  const fix = topFix(report);
  const action = fix && (fix.run === 'url' ? 'use-fixed-url' : fix.suggestion.action);
  // The bar is rebuilt only when its words change (a key usually leaves them as they were: issue 21, the
  // key's frame); the fix button applies the newest report's fix.
  const shownNow = JSON.stringify([v.state, v.text, fix && [action, fix.label, fix.unlocks || 0]]);
  fixes.set(root, { fix, onFix });
  root.dataset.state = v.state;
  if (shownVerdict.get(root) === shownNow && root.querySelector('.verdict-line').childNodes.length) return;
  shownVerdict.set(root, shownNow);
  replaceChildren(root.querySelector('.verdict-line'), h('span.verdict-icon', { 'aria-hidden': 'true', text: v.state === 'installs' ? '✓ ' : v.state === 'fails' ? '✕ ' : '◐ ' }), v.text);
  const slot = root.querySelector('.verdict-fix');
  replaceChildren(slot, fix ? [h('span.k', { text: 'First fix: ' }),
    h('button.fix', { type: 'button', id: 'verdict-fix', 'data-action': action, onclick: () => { const f = fixes.get(root); f.onFix(f.fix); }, text: fix.label }),
    fix.unlocks ? h('span.k', { text: ` (+${plural(fix.unlocks, 'tier', 'tiers')})` }) : ''] : '');
}
const shownVerdict = new WeakMap(); // root → what its bar shows (JSON)
const fixes = new WeakMap(); // root → {fix, onFix} of the newest report

const forget = (root) => shownVerdict.delete(root); // the bar shows something else now

/** The verdict bar with no verdict: text says why (nothing pasted, or the input cannot be read). */
export function renderNoVerdict(root, state, text) {
  forget(root);
  root.dataset.state = state;
  replaceChildren(root.querySelector('.verdict-line'), text);
  replaceChildren(root.querySelector('.verdict-fix'));
}

/** The banner above the matrix when every tier fails for the same reason (hidden otherwise). */
export function renderBanner(banner, table, report, onFix) {
  const same = sameReason(report);
  table.toggleAttribute('data-same', !!same);
  // The cells then show their status only: the banner is their description (the reason, the rules in words, the fix).
  for (const b of table.querySelectorAll('button[data-profile]')) {
    if (same && banner.id) b.setAttribute('aria-describedby', banner.id); else b.removeAttribute('aria-describedby');
  }
  banner.hidden = !same;
  if (!same) { replaceChildren(banner); return; }
  // An invalid scope with a broken install URL: the scope's fix, and the corrected URL beside it.
  const fix = same.urlToo ? topFix(report, true) || topFix(report) : topFix(report);
  const urlFix = same.urlToo && fix && fix.run !== 'url' ? topFix(report) : null;
  banner.dataset.status = same.status;
  replaceChildren(banner, h('p', {}, h('strong', { text: same.base || same.text }), same.names.length ? [': ', ...codes(same.names)] : '', same.also || '', '.'),
    (same.rules || []).length ? h('ul.url-rules', {}, same.rules.map(([n, words]) => h('li', { 'data-rule': String(n) }, h('strong', { text: `Rule ${n}: ` }), words, '.'))) : '',
    fix ? h('button.fix', { type: 'button', onclick: () => onFix(fix), text: fix.label }) : '',
    urlFix && urlFix.run === 'url' ? [' ', h('button.fix', { type: 'button', onclick: () => onFix(urlFix), text: urlFix.label })] : '');
}

/** Empty input: every cell says so (data-status="none"); no verdict is shown. */
export function renderEmptyMatrix(table) {
  for (const btn of table.querySelectorAll('button[data-profile]')) {
    btn.dataset.status = 'none';
    replaceChildren(btn.querySelector('.cell-status'), h('span.icon', { 'aria-hidden': 'true', text: '–' }), ' ', 'paste scopes');
    replaceChildren(btn.querySelector('.cell-detail'));
    btn.removeAttribute('aria-describedby');
  }
  table.removeAttribute('data-same');
}

/** Marks the matrix as the last readable input (error: the reason), or clears the mark. */
export function markStale(panel, table, note, error) {
  const stale = !!error;
  table.toggleAttribute('data-stale', stale);
  panel.toggleAttribute('data-stale', stale);
  note.hidden = !stale;
  note.textContent = stale ? `Showing the last readable input: ${error}` : '';
}
