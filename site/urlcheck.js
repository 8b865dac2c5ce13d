// The install URL checked against the pasted app config (RULES.md rules 1-7): the second input,
// the outcome of the check and the corrected URL (copy it, or use it in place of the pasted one).
import { h, replaceChildren, copyText, codes } from './dom.js';
import { verdictText, topFix, ruleWords } from './verdict.js';
import { invalidScopes } from './matrix.js';

/** Formats whose paste is an app config: only these are checked against an install URL. */
export const CONFIG_FORMATS = ['app-hsmeta', 'public-app', 'private-app'];

const FORMAT_NAMES = { list: 'a scope list', 'install-url': 'an install URL' };

/**
 * Whether the pasted text and the install URL are checked together (checkPair): the paste is an app
 * config that says what the report follows (synced: false when the fields say more than it can).
 */
export function pairActive(state, format, synced) {
  return synced && CONFIG_FORMATS.includes(format) && state.installUrl.trim() !== '';
}

/**
 * Wires the corrected-URL buttons; onUse(url) puts the corrected URL in the install URL field.
 * Returns render({state, format, report, error}).
 */
export function initUrlCheck(onUse, onFix = null) {
  const $ = (id) => document.getElementById(id);
  const box = $('url-check'); const summary = $('url-check-summary'); const fix = $('url-fix');
  const fixed = $('fixed-url'); const status = $('url-fix-status'); const error = $('install-url-error');

  $('copy-fixed-url').addEventListener('click', async () => {
    if (await copyText(fixed.value)) status.textContent = 'Corrected URL copied.';
    else { fixed.focus(); fixed.select(); status.textContent = 'The clipboard is not available: the URL is selected, copy it from there.'; }
  });
  $('use-fixed-url').addEventListener('click', () => { status.textContent = ''; onUse(fixed.value); });

  return function render({ state, format, synced, report, error: message }) {
    const text = state.installUrl.trim();
    error.hidden = !message;
    error.textContent = message ? `Cannot check the install URL: ${message}. The matrix shows the config alone.` : '';
    if (!text || message) { box.hidden = true; box.dataset.state = ''; return; }
    box.hidden = false;
    if (!pairActive(state, format, synced)) {
      box.dataset.state = 'ignored';
      fix.hidden = true;
      replaceChildren(summary, FORMAT_NAMES[format]
        ? `Not checked: the text above is ${FORMAT_NAMES[format]}, not an app config. Paste the app's app-hsmeta.json or public-app.json to check this URL against it.`
        : 'Not checked: the report follows the three fields, not an app config.');
      return;
    }
    const check = report && report.url_check;
    if (!check) return;
    box.dataset.state = check.ok ? 'ok' : 'mismatch';
    // One story: the URL's rules and the scopes' own problems, then the overall verdict and its first fix.
    const invalid = invalidScopes(report);
    const scopeProblems = invalid.length ? h('p', {}, `The scopes have problems of their own: ${invalid.length === 1 ? 'an invalid scope' : `${invalid.length} invalid scopes`} `, ...codes(invalid), '.') : '';
    const v = verdictText(report);
    const first = topFix(report);
    const overall = h('p.url-verdict', {}, h('strong', { text: 'Overall: ' }), v.text,
      first && onFix ? [' ', h('button.fix', { type: 'button', onclick: () => onFix(first), text: first.label })] : '');
    if (check.ok) {
      fix.hidden = true;
      replaceChildren(summary, h('p', {}, h('span', { 'aria-hidden': 'true', text: '✓ ' }), h('strong', { text: 'The install URL matches the config' }),
        ': every required scope is in scope, oauth too, no scope is in the wrong list and spaces separate them, so HubSpot judges it by the account\'s tier alone.'), scopeProblems, overall);
      return;
    }
    const rules = check.rules_failed;
    const words = ruleWords(report);
    replaceChildren(summary, h('p', {}, h('span', { 'aria-hidden': 'true', text: '✕ ' }),
      h('strong', { text: `The install URL breaks ${rules.length > 1 ? `${rules.length} rules` : 'a rule'}` }),
      ': HubSpot refuses it on every account, whatever the tier.'),
    h('ul.url-rules', {}, rules.map((n) => h('li', { 'data-rule': String(n) }, h('strong', { text: `Rule ${n}: ` }), words.get(n) || ruleText(n)))),
    scopeProblems, overall);
    fix.hidden = !check.fixed_url;
    if (fixed.value !== (check.fixed_url || '')) { fixed.value = check.fixed_url || ''; status.textContent = ''; }
  };
}

/** A rule's number when its words are not in the report (they always are for a failed rule). */
function ruleText(n) { return `see HubSpot's install URL rules (${n})`; }
