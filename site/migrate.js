// The OAuth 1 → 2 migration preview (ts.migrate): what replaces each retired scope, which tiers could
// approve the list under OAuth 1 (all) but get the permission error at re-authorization now, and the
// scopes to make optional.
import { h, replaceChildren, pct, codes, statusBadge } from './dom.js';

const SCOPE_STATUS = {
  current: 'current', retired: 'retired', deprecated: 'deprecated', unknown: 'unknown',
};

function reach(c) {
  return `${c.profiles} of 19 tiers${c.uncertain ? ` (+ ${c.uncertain} uncertain)` : ''} · ${pct(c.combinations, 65536)} of account configurations`;
}

/** onUse({required, conditional, optional}) loads scopes into the page's fields; ts answers with promises. */
export function initMigrate(ts, onUse) {
  const $ = (id) => document.getElementById(id);
  const input = $('migrate-input'); const error = $('migrate-error'); const out = $('migrate-out');
  let frame = 0;

  let asked = 0;

  async function render() {
    frame = 0;
    const mine = ++asked;
    if (!input.value.trim()) {
      error.hidden = true;
      replaceChildren(out, h('p.note', { text: 'Paste the scopes your app requested under OAuth 1, e.g. contacts content reports social automation.' }));
      return;
    }
    let m;
    try {
      m = await ts.migrate(input.value);
      if (mine !== asked) return; // a newer edit asked again
    } catch (e) {
      if (mine !== asked) return;
      error.hidden = false;
      error.textContent = `Cannot read the scope list: ${e.message}`;
      return;
    }
    error.hidden = true;
    const rec = m.recommendation;
    const fails = m.profiles.filter((p) => p.oauth2 === 'permission-error' || p.oauth2 === 'invalid-scope').length;
    replaceChildren(out,
      h('h3', { id: 'migrate-scopes-heading', text: 'Each scope' }),
      h('table.tool-table', { id: 'migrate-scopes', 'aria-labelledby': 'migrate-scopes-heading' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Scope and status' }),
          h('th', { scope: 'col', text: 'Replaced by · note' }))),
        h('tbody', {}, m.scopes.map((s) => h('tr', { 'data-scope': s.scope, 'data-status': s.status },
          h('th', { scope: 'row' }, h('code', { text: s.scope }), ' ',
            h(`span.badge.mig-${SCOPE_STATUS[s.status] ? s.status : 'unknown'}`, { text: s.status })),
          h('td', {},
            s.replaced_by.length ? h('p.replaced', {}, h('span.k', { text: s.status === 'unknown' ? 'Did you mean: ' : 'Replaced by: ' }), codes(s.replaced_by)) : '',
            h('p.note', { text: s.note })))))),

      h('h3', { text: 'Then and now, per tier' }),
      h('p.then-now-summary', { id: 'migrate-coverage' },
        'OAuth 1: ', h('strong', { text: `approved on ${m.coverage.oauth1.profiles} of 19 tiers` }),
        ` (${pct(m.coverage.oauth1.combinations, 65536)}) → OAuth 2: `,
        h('strong', { text: `installs on ${reach(m.coverage.oauth2)}` }), '.'),
      fails ? h('p.note', { text: `${fails} of 19 tiers approved this list under OAuth 1 and now get the permission error when existing installs re-authorize.` }) : '',
      h('ul.then-now', { id: 'migrate-profiles' }, m.profiles.map((p) => h('li', { 'data-profile': p.id, 'data-status': p.oauth2 },
        h('span.name', { text: p.name }), ' ',
        h('span.was', { text: `OAuth 1: ${p.oauth1}` }), h('span', { 'aria-hidden': 'true', text: ' → ' }), h('span.sr-only', { text: ', ' }),
        'OAuth 2: ', statusBadge(p.oauth2),
        p.missing.length ? h('span.missing', {}, ' missing ', codes(p.missing)) : ''))),

      h('h3', { text: 'Recommendation' }),
      h('p', {}, h('span.k', { text: 'Required: ' }), rec.required.length ? codes(rec.required) : 'none'),
      h('p', {}, h('span.k', { text: 'Optional: ' }), rec.optional.length ? codes(rec.optional) : 'none'),
      h('p', {}, 'With these, the app ', h('strong', { text: `installs on ${reach(rec.coverage)}` }),
        '. Optional scopes the account lacks are dropped: your app must cope without them.'),
      h('button.fix', { type: 'button', id: 'migrate-use', onclick: () => onUse({ required: rec.required, conditional: [], optional: rec.optional }),
        text: 'Use recommended scopes' }));
  }

  input.addEventListener('input', () => { if (!frame) frame = requestAnimationFrame(render); });
  render();
}
