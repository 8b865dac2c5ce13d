// The tier matrix (19 standard profiles) and the reach summary with its heatmaps.
import { h, $, STATUS, HUB_NAMES, TIER_NAMES, FEATURE_NAMES, pct, replaceChildren } from './dom.js';
import { HUBS, TIERS, FEATURES } from './state.js';

const PAID = TIERS.slice(1);
const URL_STATUSES = ['url-mismatch', 'insufficient-scopes'];
const SHORT = { free: 'Free', starter: 'Start.', professional: 'Pro', enterprise: 'Ent.' };

/**
 * The grid's layout: the column heads and one row per hub (Free first), each cell a profile id and
 * its name. The page builds the grid from it, and the site build writes the same grid into
 * index.html (scripts/site/prerender.mjs) so the matrix is there before any script runs.
 */
export function matrixLayout() {
  return {
    columns: PAID.map((t) => ({ long: TIER_NAMES[t], short: SHORT[t] })),
    rows: [{ head: 'Free', cells: [{ id: 'free', name: 'Free (every hub free)', colspan: 3 }] },
      ...HUBS.map((hub) => ({ head: HUB_NAMES[hub].replace(' Hub', ''),
        cells: PAID.map((t) => ({ id: `${hub}-${t}`, name: `${HUB_NAMES[hub]} ${TIER_NAMES[t]}` })) }))],
  };
}

/**
 * Builds the empty grid (unless the built page already holds it); onSelect(profileId) fires on
 * click / Enter / Space of a cell.
 */
export function buildMatrix(table, onSelect) {
  table.addEventListener('click', (event) => {
    const btn = event.target.closest('button[data-profile]');
    if (btn && table.contains(btn)) onSelect(btn.dataset.profile);
  });
  if (table.querySelector('button[data-profile]')) return;
  const { columns, rows } = matrixLayout();
  const head = h('thead', {}, h('tr', {},
    h('th', { scope: 'col' }, h('span.sr-only', { text: 'Hub' })),
    columns.map((c) => h('th', { scope: 'col' }, h('span.long', { text: c.long }), h('span.short', { 'aria-hidden': 'true', text: c.short })))));
  const body = h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row', text: r.head }),
    r.cells.map((c) => h('td', c.colspan ? { colspan: String(c.colspan) } : {}, cellButton(c.id, c.name))))));
  table.replaceChildren(...table.querySelectorAll('caption'), head, body);
}

function cellButton(id, name) {
  return h('button.cell', { type: 'button', 'data-profile': id, 'data-status': 'pending', 'aria-pressed': 'false' },
    h('span.sr-only.cell-name', { text: name + ': ' }),
    h('span.cell-status'), h('span.cell-detail'));
}

/** Fills a profile card/cell (button with .cell-status and .cell-detail) from a report profile. */
export function fillCell(btn, profile, invalid = [], rules = []) {
  const st = STATUS[profile.status] || { icon: '•', text: profile.status };
  btn.dataset.status = profile.status;
  // Narrow screens show the short word; screen readers always get the full one.
  replaceChildren(btn.querySelector('.cell-status'), h('span.icon', { 'aria-hidden': 'true', text: st.icon }), ' ',
    h('span.long', { text: st.text }), h('span.short', { 'aria-hidden': 'true', text: st.short || st.text }));
  const detail = [];
  if (URL_STATUSES.includes(profile.status)) {
    // The URL fails for every account alike: what this account lacks does not matter here.
    if (rules.length) detail.push(h('span.line', {}, h('span.k', { text: rules.length > 1 ? 'rules ' : 'rule ' }), rules.join(' ')));
    replaceChildren(btn.querySelector('.cell-detail'), detail);
    return;
  }
  if (profile.status === 'invalid-scope' && !invalid.length && rules.length) detail.push(h('span.line', {}, h('span.k', { text: 'rule ' }), rules.join(' ')));
  if (profile.status === 'invalid-scope' && invalid.length) detail.push(h('span.line', {}, h('span.k', { text: 'invalid ' }), invalid.join(' ')));
  if (profile.missing.length) detail.push(h('span.line', {}, h('span.k', { text: 'missing ' }), profile.missing.join(' ')));
  if (profile.dropped.length) detail.push(h('span.line', {}, h('span.k', { text: 'drops ' }), profile.dropped.join(' ')));
  if (profile.status === 'uncertain' && profile.unverified.length) detail.push(h('span.line', {}, h('span.k', { text: 'undocumented ' }), profile.unverified.join(' ')));
  replaceChildren(btn.querySelector('.cell-detail'), detail);
}

/** The unknown or retired scope names and scope placeholders of a report (they make every account invalid-scope). */
export function invalidScopes(report) {
  return report.diagnostics.filter((d) => d.code === 'unknown-scope' || d.code === 'retired-scope' || d.code === 'placeholder-in-scope')
    .map((d) => d.scope);
}

/** The RULES.md rules an install URL breaks (check_pair reports only). */
export function brokenRules(report) {
  return (report.url_check && report.url_check.rules_failed) || [];
}

export function renderMatrix(table, report, selected) {
  const invalid = invalidScopes(report);
  const rules = brokenRules(report);
  for (const p of report.profiles) {
    const btn = table.querySelector(`[data-profile="${p.id}"]`);
    if (!btn) continue;
    fillCell(btn, p, invalid, rules);
    btn.setAttribute('aria-pressed', String(p.id === selected));
  }
}

/** Class heat-0 … heat-10 for a share of installing configurations. */
function heat(n, total) {
  return 'heat-' + Math.round((10 * n) / (total || 1));
}

export function renderReach(root, report) {
  const c = report.coverage;
  const installs = c.profiles.installs;
  const summary = $('#reach-summary', root);
  replaceChildren(summary,
    h('strong', { text: `Installs on ${installs} of ${c.profiles.total} standard tiers` }),
    c.profiles.uncertain ? ` (+ ${c.profiles.uncertain} uncertain)` : '',
    ' · ',
    h('strong', { text: pct(c.combinations.installs, c.combinations.total) }),
    ` of ${c.combinations.total.toLocaleString('en-US')} account configurations`);
  summary.dataset.installs = String(installs);

  const perHub = c.combinations.total / 4;
  const hubTable = $('#heat-hubs', root);
  replaceChildren(hubTable,
    h('caption', { text: 'Share of account configurations that install, by the tier of each hub' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Hub' }), TIERS.map((t) => h('th', { scope: 'col' },
      h('span.long', { text: TIER_NAMES[t] }), h('span.short', { 'aria-hidden': 'true', text: SHORT[t] }))))),
    h('tbody', {}, HUBS.map((hub) => h('tr', {}, h('th', { scope: 'row', text: HUB_NAMES[hub].replace(' Hub', '') }),
      TIERS.map((t) => {
        const n = (c.by_hub[hub] || {})[t] || 0;
        return h(`td.${heat(n, perHub)}`, { text: pct(n, perHub) });
      })))));

  const perFeature = c.combinations.total / 2;
  const featTable = $('#heat-features', root);
  replaceChildren(featTable,
    h('caption', { text: 'Share that installs with each account feature off or on' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Feature' }), h('th', { scope: 'col', text: 'Off' }), h('th', { scope: 'col', text: 'On' }))),
    h('tbody', {}, FEATURES.map((f) => {
      const v = c.by_feature[f] || { off: 0, on: 0 };
      return h('tr', {}, h('th', { scope: 'row', text: FEATURE_NAMES[f] }),
        h(`td.${heat(v.off, perFeature)}`, { text: pct(v.off, perFeature) }),
        h(`td.${heat(v.on, perFeature)}`, { text: pct(v.on, perFeature) }));
    })));
}
