// Before/after an app update (ts.diff): scopes added (existing installs must re-authorize) and removed
// (no re-authorization), kinds changed, the tiers whose result changes and the coverage before → after.
import { h, replaceChildren, pct, codes, statusBadge } from './dom.js';

const KIND_NAMES = { required: 'required', conditional: 'conditionally required', optional: 'optional' };

function reach(c) {
  return `${c.profiles} of 19 tiers${c.uncertain ? ` (+ ${c.uncertain} uncertain)` : ''}, ${pct(c.combinations, 65536)}`;
}

/** current() → the page's current input as text (for "Use current as before/after"); ts answers with promises. */
export function initDiff(ts, current) {
  const $ = (id) => document.getElementById(id);
  const before = $('diff-before'); const after = $('diff-after'); const error = $('diff-error'); const out = $('diff-out');
  let frame = 0;

  function changes(d) {
    const items = [];
    for (const [what, set] of [['Added', d.added], ['Removed', d.removed]]) {
      for (const k of ['required', 'conditional', 'optional']) {
        if (set[k].length) items.push(h(`li.${what.toLowerCase()}`, { 'data-change': `${what.toLowerCase()}-${k}` }, h('span.k', { text: `${what} ${KIND_NAMES[k]}: ` }), codes(set[k])));
      }
    }
    for (const c of d.changed_kind) {
      items.push(h('li.changed', { 'data-change': 'changed-kind' }, h('span.k', { text: 'Changed kind: ' }), h('code', { text: c.scope }),
        ` ${KIND_NAMES[c.from]} → ${KIND_NAMES[c.to]}`));
    }
    return items.length ? items : [h('li', { text: 'The two request the same scopes.' })];
  }

  let asked = 0;

  async function render() {
    frame = 0;
    const mine = ++asked;
    if (!before.value.trim() || !after.value.trim()) {
      error.hidden = true;
      replaceChildren(out, h('p.note', { text: 'Fill both sides to compare them.' }));
      return;
    }
    let d;
    try {
      d = await ts.diff(before.value, after.value);
      if (mine !== asked) return; // a newer edit asked again
    } catch (e) {
      if (mine !== asked) return;
      error.hidden = false;
      error.textContent = `Cannot compare: ${e.message}`;
      return;
    }
    error.hidden = true;
    replaceChildren(out,
      h('div.callout', { id: 'diff-reauth', 'data-reauthorize': String(d.reauthorize) },
        h('p.callout-title', {}, h('span', { 'aria-hidden': 'true', text: d.reauthorize ? '⚠ ' : '✓ ' }),
          h('strong', { text: d.reauthorize ? 'Re-authorization needed' : 'No re-authorization needed' })),
        h('p', { text: d.reauthorize_note })),
      h('h3', { text: 'Scope changes' }),
      h('ul.changes', { id: 'diff-changes' }, changes(d)),
      h('h3', { text: 'Coverage' }),
      h('p', { id: 'diff-coverage' }, 'Installs on ', h('strong', { text: reach(d.coverage.before) }), ' → ', h('strong', { text: reach(d.coverage.after) }), '.'),
      h('h3', { text: 'Tiers whose result changes' }),
      d.profiles.length
        ? h('ul.then-now', { id: 'diff-profiles' }, d.profiles.map((p) => h('li', { 'data-profile': p.id, 'data-before': p.before, 'data-after': p.after },
          h('span.name', { text: p.name }), ' ', statusBadge(p.before), h('span', { 'aria-hidden': 'true', text: ' → ' }), h('span.sr-only', { text: ' becomes ' }),
          statusBadge(p.after), p.missing.length ? h('span.missing', {}, ' missing ', codes(p.missing)) : '')))
        : h('p', { id: 'diff-profiles', text: 'None: every standard tier gets the same result before and after.' }),
      d.diagnostics.length ? h('ul.hint.plain', {}, d.diagnostics.map((x) => h('li', { 'data-code': x.code, text: x.message }))) : '');
  }

  const later = () => { if (!frame) frame = requestAnimationFrame(render); };
  before.addEventListener('input', later);
  after.addEventListener('input', later);
  $('diff-use-before').addEventListener('click', () => { before.value = current(); render(); });
  $('diff-use-after').addEventListener('click', () => { after.value = current(); render(); });
  render();
}
