// The custom-account controls and the diagnostics / suggestions lists.
import { h, replaceChildren } from './dom.js';
import { model, featureIds, lowestTier, soldTiers, tierSummary } from './model.js';

/** Builds one tier select per hub and one checkbox per feature of the model; onChange() after each edit. */
export function buildAccount(hubsRoot, featuresRoot, getAccount, onChange) {
  replaceChildren(hubsRoot, model.hubs.map((x) => {
    const { id: hub, name } = x;
    const id = `acct-${hub}`;
    const select = h('select', { id, onchange: () => { getAccount().hubs[hub] = select.value; onChange(); } },
      soldTiers(x).map((t) => h('option', { value: t.id, text: t.name })));  // only the tiers HubSpot sells
    return h('div.field', {}, h('label', { for: id, text: name }), select);
  }));
  replaceChildren(featuresRoot, model.features.map(({ id: f, name }) => {
    const id = `feat-${f}`;
    const box = h('input', { type: 'checkbox', id, onchange: () => {
      const account = getAccount();
      account.features = featureIds().filter((x) => (x === f ? box.checked : account.features.includes(x)));
      onChange();
    } });
    return h('p.check', {}, box, ' ', h('label', { for: id, text: name }));
  }));
}

/** Puts the account's values into the controls (after restoring a share link). */
export function showAccount(account) {
  for (const { id: hub } of model.hubs) {
    const select = document.getElementById(`acct-${hub}`);
    if (select) select.value = account.hubs[hub] || lowestTier();
  }
  for (const f of featureIds()) {
    const box = document.getElementById(`feat-${f}`);
    if (box) box.checked = account.features.includes(f);
  }
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' };

export function fixLabel(s, scope) {
  const list = (s.scopes || []).join(' ');
  switch (s.action) {
    case 'replace': return s.scopes.length > 2 ? `Replace ${scope} with the ${s.scopes.length} scopes above` : `Replace ${scope} with ${list}`;
    case 'remove': return `Remove ${(s.scopes || []).length > 1 ? list : scope || list}`;
    case 'add': return `Add ${list} as required`;
    case 'make-optional': return `Make ${list} optional`;
    default: return null;
  }
}

const LONG = 140;

/**
 * Whether the app uses static auth (a private app, or a config with auth type static): it takes
 * required scopes only, so "make optional" is never a fix there (the scope would be ignored).
 */
export function staticAuth(report) {
  return !!report && (report.diagnostics || []).some((d) => d.code === 'static-auth-optional' || d.code === 'single-account-app');
}

/** The optional scopes static auth ignores, as the report names them (struck through where shown). */
export function ignoredScopes(report) {
  if (!report) return [];
  const d = (report.diagnostics || []).find((x) => x.code === 'static-auth-optional');
  return (d && d.suggestion && d.suggestion.scopes) || [];
}

/**
 * A diagnostic in one line: the sources-disagree warning names the tiers concerned, summarised
 * (report: the profiles whose disputed list holds the scope); any other long message its first
 * clause. Null when the whole message is short enough.
 */
export function diagnosticLine(d, report) {
  if (d.code === 'sources-disagree' && d.scope && report) {
    const ids = report.profiles.filter((p) => (p.disputed || []).includes(d.scope)).map((p) => p.id);
    const optional = ((report.request && report.request.optional) || []).includes(d.scope);
    if (ids.length) return `Sources disagree on ${d.scope} for ${tierSummary(ids)}: ${optional ? 'the token there may lack this optional scope' : 'the install there may get the permission error'}.`;
  }
  const m = d.message || '';
  if (m.length <= LONG) return null;
  const cut = m.slice(0, LONG).search(/[:;.] |$/);
  const at = m.slice(20).search(/[:;.] /);
  return at >= 0 && at + 20 < LONG ? `${m.slice(0, at + 20)}…` : `${m.slice(0, cut > 0 ? cut : LONG)}…`;
}

/** Diagnostics with one-click fixes, one line each (the whole message behind "Show evidence"); onFix(suggestion, scope). */
export function renderDiagnostics(list, diagnostics, onFix, report = null) {
  if (!diagnostics.length) {
    const was = itemKeys.get(list);
    if (!Array.isArray(was) && was && list.childElementCount === 1 && list.firstElementChild === was) return; // shown already
    const none = h('li.empty', { text: 'No problems found in the request.' });
    replaceChildren(list, none);
    itemKeys.set(list, none);
    return;
  }
  // An item whose diagnostic is shown already keeps its element, wherever it was (typing at the end of a
  // 300-name paste changes one or two of 300, and the report may list the new one first: issue 21, no
  // frame blocked > 8 ms); only new items are built, and only elements out of place are moved.
  const items = diagnostics.map((d) => {
    const s = d.suggestion;
    const label = s && (s.action !== 'replace' || d.scope) && !(s.action === 'make-optional' && staticAuth(report)) ? fixLabel(s, d.scope) : null;
    const ignored = d.code === 'static-auth-optional' ? ignoredScopes(report) : [];
    const line = diagnosticLine(d, report);
    return { d, s, label, ignored, line, key: JSON.stringify([d, label, ignored, line]) };
  });
  const was = itemKeys.get(list);
  // The same items, every one still in its place (a key that changed nothing here): nothing to do.
  if (Array.isArray(was) && was.length === items.length && list.childElementCount === items.length
    && was.every((x, i) => x.key === items[i].key && list.children[i] === x.li)) return;
  const spare = new Map(); // key → the elements showing it now, in order
  for (const x of Array.isArray(was) ? was : []) if (x.li.parentNode === list) (spare.get(x.key) || spare.set(x.key, []).get(x.key)).push(x.li);
  const lis = items.map((x) => {
    const kept = spare.get(x.key);
    return kept && kept.length ? kept.shift() : diagnosticItem(x, onFix);
  });
  const keep = new Set(lis);
  for (const li of [...list.children]) if (!keep.has(li)) li.remove();
  lis.forEach((li, i) => { if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null); });
  itemKeys.set(list, items.map((x, i) => ({ key: x.key, li: lis[i] })));
}
/**
 * One diagnostic's list item. Its own function: a fix button's handler made inside renderDiagnostics
 * closed over that call's scope (its map of the elements shown before), so every item kept from key to
 * key held the list of the key before, and that one the key before it: typing after a 100-scope paste
 * kept every report's lists alive (3 → 18 MB of heap after a full collection in 150 keys), and each
 * collection cost more than the last (issue 21: no frame blocked > 8 ms).
 */
function diagnosticItem({ d, s, label, ignored, line }, onFix) {
  return h(`li.diag.sev-${d.severity}`, { 'data-code': d.code },
    h(`span.badge.sev-${d.severity}`, { text: SEVERITY[d.severity] || d.severity }), ' ',
    h('span.msg', { text: line || d.message }), ' ',
    h('code.code', { text: d.code }),
    label ? h('button.fix', { type: 'button', 'data-action': s.action, onclick: () => onFix(s, d.scope, d.code), text: label }) : '',
    ignored.length ? h('p.ignored', {}, h('span.k', { text: 'Ignored: ' }), ignored.flatMap((n, i) => [i ? ' ' : '', h('del', {}, h('code', { text: n }))])) : '',
    line ? h('details.evidence', {}, h('summary', { text: 'Show evidence' }), h('p', { text: d.message })) : '');
}
const itemKeys = new WeakMap(); // list → [{key, li}]: the diagnostics it shows, in order (or its "no problems" item)

/** The suggestions the list shows: make-optional; for static auth remove and switch-to-oauth. */
export function shownSuggestions(report) {
  // Static auth ignores optional scopes: making one optional would drop it on every account.
  const still = staticAuth(report);
  return (report.suggestions || []).filter((s) => (still ? s.action === 'remove' || s.action === 'switch-to-oauth' : s.action === 'make-optional'));
}

/** report.suggestions (make-optional; for static auth remove and switch-to-oauth) with the profiles they unlock. */
export function renderSuggestions(list, report, names, onFix) {
  const items = shownSuggestions(report);
  if (!items.length) {
    replaceChildren(list, h('li.empty', { text: report.coverage.profiles.installs === report.coverage.profiles.total
      ? 'The app installs on every standard tier.' : 'No scope change would unlock more tiers.' }));
    return;
  }
  const total = report.coverage.combinations.total;
  replaceChildren(list, items.map((s) => {
    const unlocks = (s.unlocks || []).map((id) => names[id] || id);
    const shown = unlocks.length > 4 ? `${unlocks.slice(0, 3).join(', ')} and ${unlocks.length - 3} more` : unlocks.join(', ');
    const them = s.scopes.length > 1 ? 'them' : 'it';
    const gain = h('strong', { text: unlocks.length ? `+${unlocks.length} standard ${unlocks.length === 1 ? 'tier' : 'tiers'}` : 'no extra standard tier' });
    const share = `, ${Math.round((1000 * s.combinations) / total) / 10} % of configurations install.`;
    if (s.action === 'remove') {
      return h('li.diag.suggestion', { 'data-action': 'remove' },
        h('p.msg', {}, 'Remove ', h('code', { text: s.scopes.join(' ') }), ': ', gain, share),
        h('p.hint', { text: `${unlocks.length ? `Unlocks ${shown}. ` : ''}The app then lacks ${them} on every account.` }),
        h('button.fix', { type: 'button', 'data-action': 'remove', onclick: () => onFix(s, s.scopes[0]), text: fixLabel(s, s.scopes[0]) }));
    }
    if (s.action === 'switch-to-oauth') {
      return h('li.diag.suggestion', { 'data-action': 'switch-to-oauth' },
        h('p.msg', {}, 'Switch the app to OAuth with ', h('code', { text: s.scopes.join(' ') }), ' optional: ', gain, share),
        h('p.hint', { text: `${unlocks.length ? `Unlocks ${shown}. ` : ''}Change the config's auth type to oauth and list ${them} under optionalScopes; the app must cope when an account lacks ${them}.` }));
    }
    return h('li.diag.suggestion', {},
      h('p.msg', {}, 'Request ', h('code', { text: s.scopes.join(' ') }), ' as optional: ',
        h('strong', { text: unlocks.length ? `+${unlocks.length} standard ${unlocks.length === 1 ? 'tier' : 'tiers'}` : 'no extra standard tier' }),
        `, ${Math.round((1000 * s.combinations) / total) / 10} % of configurations install.`),
      h('p.hint', { text: `${unlocks.length ? `Unlocks ${shown}. ` : ''}Your app must cope when an account lacks ${them}: the token will not carry ${them}.` }),
      h('button.fix', { type: 'button', 'data-action': 'make-optional', onclick: () => onFix(s), text: `Make ${s.scopes.join(' ')} optional` }));
  }));
}
