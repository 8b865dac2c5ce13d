// The tier matrix (the catalog's standard profiles: one row per hub, one column per tier above the
// lowest) and the reach summary with its heatmaps.
import { h, $, STATUS, pct, replaceChildren } from './dom.js';
import { model as current, nameOf } from './model.js';

const URL_STATUSES = ['url-mismatch', 'insufficient-scopes'];
const SHORT = { free: 'Free', starter: 'Start.', professional: 'Pro', enterprise: 'Ent.' };
const short = (tier) => SHORT[tier.id] || tier.name;
const rowHead = (name) => name.replace(/ Hub$/, '');

/**
 * The grid's layout: the column heads and one row per hub (Free first), each cell a profile id and
 * its name. The page builds the grid from it, and the site build writes the same grid into
 * index.html (scripts/site/prerender.mjs) so the matrix is there before any script runs.
 */
export function matrixLayout(model = current) {
  const paid = model.tiers.slice(1);
  const single = model.profiles.filter((p) => p.hub === null);  // free: no hub above the lowest tier
  return {
    columns: paid.map((t) => ({ long: t.name, short: short(t) })),
    rows: [...single.map((p) => ({ head: p.name, cells: [{ id: p.id, name: `${p.name} (every hub ${String((model.tiers[0] || {}).name || '').toLowerCase()})`, colspan: paid.length }] })),
      ...model.hubs.map((hub) => ({ head: rowHead(hub.name),
        cells: paid.map((t) => {
          const p = model.profiles.find((x) => x.hub === hub.id && x.tier === t.id);
          return p ? { id: p.id, name: p.name } : { id: '', name: '' };
        }) }))],
  };
}

/** The layout's profile ids in grid order (to tell whether a grid still fits the model). */
export function layoutIds(model = current) {
  return matrixLayout(model).rows.flatMap((r) => r.cells.map((c) => c.id));
}

/**
 * Builds the empty grid (unless the built page already holds it); onSelect(profileId) fires on
 * click / Enter / Space of a cell.
 */
export function buildMatrix(table, onSelect) {
  if (onSelect) {
    table.addEventListener('click', (event) => {
      const btn = event.target.closest('button[data-profile]');
      if (btn && table.contains(btn)) onSelect(btn.dataset.profile);
    });
  }
  const ids = [...table.querySelectorAll('button[data-profile]')].map((b) => b.dataset.profile);
  if (ids.length && ids.join() === layoutIds().filter(Boolean).join()) return;
  const { columns, rows } = matrixLayout();
  const head = h('thead', {}, h('tr', {},
    h('th', { scope: 'col' }, h('span.sr-only', { text: 'Hub' })),
    columns.map((c) => h('th', { scope: 'col' }, h('span.long', { text: c.long }), h('span.short', { 'aria-hidden': 'true', text: c.short })))));
  const body = h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row', text: r.head }),
    r.cells.map((c) => h('td', c.colspan ? { colspan: String(c.colspan) } : {}, c.id ? cellButton(c.id, c.name) : '')))));
  table.replaceChildren(...table.querySelectorAll('caption'), head, body);
}

function cellButton(id, name) {
  return h('button.cell', { type: 'button', 'data-profile': id, 'data-status': 'pending', 'aria-pressed': 'false' },
    h('span.sr-only.cell-name', { text: name + ': ' }),
    h('span.cell-status'), h('span.cell-detail'));
}

// A cell names at most CELL_NAMES scopes per line; a longer list shows its first CELL_NAMES - 1 and
// "and K more". The whole list stays reachable: the line's title, and the preview of the selected
// cell (consent.js) lists every name.
export const CELL_NAMES = 5;

/** One line of a cell: its key word and names, capped; title: the whole list when capped. */
function line(key, names) {
  if (names.length <= CELL_NAMES) return h('span.line', {}, h('span.k', { text: key }), names.join(' '));
  return h('span.line', { title: `${key}${names.join(' ')}`, 'data-count': String(names.length) },
    h('span.k', { text: key }), names.slice(0, CELL_NAMES - 1).join(' '), h('span.k.more', { text: ` and ${names.length - CELL_NAMES + 1} more` }));
}

/** The lines a cell shows for a profile: [key, names] pairs. */
function cellLines(profile, invalid, rules) {
  const out = [];
  if (URL_STATUSES.includes(profile.status)) {
    // The URL fails for every account alike: what this account lacks does not matter here.
    if (rules.length) out.push([rules.length > 1 ? 'rules ' : 'rule ', rules]);
    return out;
  }
  if (profile.status === 'invalid-scope' && !invalid.length && rules.length) out.push(['rule ', rules]);
  if (profile.status === 'invalid-scope' && invalid.length) out.push(['invalid ', invalid]);
  // A well-formed name newer than the catalog, maybe: the page says so instead of "invalid".
  if (profile.status === 'unknown-scope' && invalid.length) out.push(['not in the catalog ', invalid]);
  if (profile.missing.length) out.push(['missing ', profile.missing]);
  if (profile.dropped.length) out.push(['drops ', profile.dropped]);
  if (profile.status === 'uncertain' && (profile.disputed || []).length) out.push(['sources disagree ', profile.disputed]);
  if (profile.status === 'uncertain' && profile.unverified.length) out.push(['undocumented ', profile.unverified]);
  // The report's verify list has a test-account plan for every uncertain profile.
  if (profile.status === 'uncertain') out.push(['verify ', ['this tier on a test account (report: verify)']]);
  return out;
}

const shownKey = new WeakMap(); // cell → what it shows (status and lines), to skip cells that did not change

/** Fills a profile card/cell (button with .cell-status and .cell-detail) from a report profile. */
export function fillCell(btn, profile, invalid = [], rules = []) {
  const lines = cellLines(profile, invalid, rules);
  const key = JSON.stringify([profile.status, lines]);
  if (shownKey.get(btn) === key && btn.dataset.status === profile.status) return;
  shownKey.set(btn, key);
  const st = STATUS[profile.status] || { icon: '•', text: profile.status };
  btn.dataset.status = profile.status;
  // Narrow screens show the short word; screen readers always get the full one.
  replaceChildren(btn.querySelector('.cell-status'), h('span.icon', { 'aria-hidden': 'true', text: st.icon }), ' ',
    h('span.long', { text: st.text }), h('span.short', { 'aria-hidden': 'true', text: st.short || st.text }));
  replaceChildren(btn.querySelector('.cell-detail'), lines.map(([k, names]) => line(k, names)));
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
    const pressed = String(p.id === selected);
    if (btn.getAttribute('aria-pressed') !== pressed) btn.setAttribute('aria-pressed', pressed);
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
    ` of ${c.combinations.total.toLocaleString('en-US')} account configurations`,
    c.combinations.disputed ? ` (+ ${pct(c.combinations.disputed, c.combinations.total)} where the sources disagree)` : '');
  summary.dataset.installs = String(installs);

  const tiers = current.tiers;
  const perHub = c.combinations.total / (tiers.length || 1);
  const hubTable = $('#heat-hubs', root);
  replaceChildren(hubTable,
    h('caption', { text: 'Share of account configurations that install, by the tier of each hub' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Hub' }), tiers.map((t) => h('th', { scope: 'col' },
      h('span.long', { text: t.name }), h('span.short', { 'aria-hidden': 'true', text: short(t) }))))),
    h('tbody', {}, current.hubs.map((hub) => h('tr', {}, h('th', { scope: 'row', text: rowHead(hub.name) }),
      tiers.map((t) => {
        const n = (c.by_hub[hub.id] || {})[t.id] || 0;
        return h(`td.${heat(n, perHub)}`, { text: pct(n, perHub) });
      })))));

  const perFeature = c.combinations.total / 2;
  const featTable = $('#heat-features', root);
  replaceChildren(featTable,
    h('caption', { text: 'Share that installs with each account feature off or on' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Feature' }), h('th', { scope: 'col', text: 'Off' }), h('th', { scope: 'col', text: 'On' }))),
    h('tbody', {}, current.features.map(({ id: f }) => {
      const v = c.by_feature[f] || { off: 0, on: 0 };
      return h('tr', {}, h('th', { scope: 'row', text: nameOf('features', f) }),
        h(`td.${heat(v.off, perFeature)}`, { text: pct(v.off, perFeature) }),
        h(`td.${heat(v.on, perFeature)}`, { text: pct(v.on, perFeature) }));
    })));
}
