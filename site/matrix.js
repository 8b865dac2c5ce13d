// The tier matrix (the catalog's standard profiles: one row per hub, one column per tier above the
// lowest) and the reach summary with its heatmaps.
import { h, $, STATUS, pct, replaceChildren, breakableList } from './dom.js';
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
          return p ? { id: p.id, name: p.name } : { id: '', name: '', unsold: Array.isArray(hub.tiers) && !hub.tiers.includes(t.id) };
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
export function buildMatrix(table, onSelect, onOpen) {
  captionFromModel(table);
  if (onSelect) {
    gridKeys(table, onSelect, onOpen);
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
    r.cells.map((c) => h(c.unsold ? 'td.unsold' : 'td', c.colspan ? { colspan: String(c.colspan) } : {}, c.id ? cellButton(c.id, c.name) : c.unsold ? UNSOLD : '')))));
  table.replaceChildren(...table.querySelectorAll('caption'), head, body);
  rove(table, null);
}

/** The table's caption counts the model's standard profiles. */
export function captionFromModel(table, model = current) {
  const caption = table.querySelector('caption');
  if (caption) caption.textContent = `Install result for each of the ${model.profiles.length} standard HubSpot portal profiles`;
}

/** The cells as rows of buttons (grid order; the lowest tier's one cell spans its row). */
function gridRows(table) {
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('button[data-profile]')]).filter((r) => r.length);
}

/** One tab stop: the given cell (or the pressed one, or the first) is tabbable, every other is not. */
export function rove(table, target) {
  const cells = [...table.querySelectorAll('button[data-profile]')];
  const on = target || cells.find((b) => b.getAttribute('aria-pressed') === 'true') || cells[0];
  for (const b of cells) {
    const t = b === on ? '0' : '-1';
    if (b.getAttribute('tabindex') !== t) b.setAttribute('tabindex', t);
  }
}

/**
 * The grid pattern: arrow keys move between cells (Home/End: first/last of the row, Ctrl+Home/End:
 * of the grid); Enter selects the cell and moves focus to its preview (onOpen); Space selects it.
 */
function gridKeys(table, onSelect, onOpen) {
  let column = 0;
  table.addEventListener('keydown', (event) => {
    const btn = event.target.closest('button[data-profile]');
    if (!btn || event.altKey || event.metaKey) return;
    const rows = gridRows(table);
    const r = rows.findIndex((row) => row.includes(btn));
    const c = rows[r].indexOf(btn);
    if (rows[r].length > 1) column = c;
    let to = null;
    const at = (ri) => rows[ri][Math.min(column, rows[ri].length - 1)];
    switch (event.key) {
      case 'ArrowRight': to = rows[r][c + 1]; break;
      case 'ArrowLeft': to = rows[r][c - 1]; break;
      case 'ArrowDown': to = r + 1 < rows.length ? at(r + 1) : null; break;
      case 'ArrowUp': to = r > 0 ? at(r - 1) : null; break;
      case 'Home': to = event.ctrlKey ? rows[0][0] : rows[r][0]; break;
      case 'End': to = event.ctrlKey ? rows[rows.length - 1].at(-1) : rows[r].at(-1); break;
      case 'Enter':
        event.preventDefault();
        onSelect(btn.dataset.profile);
        if (onOpen) onOpen(btn.dataset.profile);
        return;
      default: return;
    }
    event.preventDefault();
    if (!to) return;
    const row = rows.find((x) => x.includes(to));
    if (row.length > 1) column = row.indexOf(to);
    rove(table, to);
    to.focus();
  });
}

function cellButton(id, name) {
  return h('button.cell', { type: 'button', 'data-profile': id, 'data-status': 'pending', 'aria-pressed': 'false' },
    h('span.sr-only.cell-name', { text: name + ': ' }),
    h('span.cell-status'), h('span.cell-detail'));
}

// A cell names at most CELL_NAMES scopes per line; a longer list shows its count ("missing 3
// scopes"), the names on demand: the line's title, and the preview of the selected cell (consent.js)
// lists every name. Names wrap only after "." or "_" (dom.js breakable).
export const CELL_NAMES = 2;

/** One line of a cell: its key word and names, or their count when there are more than CELL_NAMES. */
function line(key, names) {
  if (names.length <= CELL_NAMES) return h('span.line', {}, h('span.k', { text: key }), breakableList(names));
  return h('span.line', { title: titleOf(key, names), 'data-count': String(names.length) },
    h('span.k', { text: key }), h('span.count', { text: `${names.length} scopes` }));
}

/** The lines a cell shows for a profile: [key, names] pairs, or [key, words, rule] for an install URL rule. */
function cellLines(profile, invalid, rules, silent) {
  const out = [];
  // An install URL rule is said in HubSpot's words (the report's url-config-mismatch diagnostics).
  const cited = () => rules.map(([n, words]) => [`rule ${n}: `, words, n]);
  if (URL_STATUSES.includes(profile.status)) {
    // The URL fails for every account alike: what this account lacks does not matter here.
    return cited();
  }
  if (profile.status === 'invalid-scope' && !invalid.length && rules.length) out.push(...cited());
  if (profile.status === 'invalid-scope' && invalid.length) out.push(['invalid ', invalid]);
  // A well-formed name newer than the catalog, maybe: the page says so instead of "invalid".
  if (profile.status === 'unknown-scope' && invalid.length) out.push(['not in the catalog ', invalid]);
  if (profile.missing.length) out.push(['missing ', profile.missing]);
  if (profile.dropped.length) out.push(['drops ', profile.dropped]);
  if (profile.status === 'uncertain' && (profile.disputed || []).length) {
    // Disputed because the sources disagree, or because none speaks of this account (silentScopes).
    const disagree = profile.disputed.filter((n) => !silent.has(n)), unspoken = profile.disputed.filter((n) => silent.has(n));
    if (disagree.length) out.push(['sources disagree ', disagree]);
    if (unspoken.length) out.push(['no source speaks of ', unspoken]);
  }
  if (profile.status === 'uncertain' && profile.unverified.length) out.push(['undocumented ', profile.unverified]);
  // The report's verify list has a test-account plan for every uncertain profile.
  if (profile.status === 'uncertain') out.push(['verify ', ['this tier on a test account (report: verify)']]);
  return out;
}

const joins = new WeakMap(); // a list of names → its names joined (one invalid list is in every cell)
const joined = (names) => { let j = joins.get(names); if (j === undefined) joins.set(names, j = names.join(' ')); return j; };
const titles = new WeakMap(); // a list of names → {key: a counted line's title}
const titleOf = (k, names) => { let t = titles.get(names); if (!t) titles.set(names, t = {}); return t[k] ?? (t[k] = `${k}${joined(names)}`); };
const titled = new WeakMap(); // a counted line → the list of names its title was set from
const shown = new WeakMap(); // cell → {status, detail}: what it shows, to leave unchanged parts alone

/** A line's key: its words and names, or for a counted line its count (its title is compared apart). */
const lineKey = ([k, names, rule]) => (rule || names.length <= CELL_NAMES ? [k, names, rule] : [k, names.length]);

/**
 * Fills a profile card/cell (button with .cell-status and .cell-detail) from a report profile.
 * rules: the install URL rules the report breaks, [number, words] pairs (urlRules).
 * Only what changed is rebuilt (issue 21: a key's paint stays short): the status when it changed, the
 * lines when their words or counts changed, else only the title of a counted line (every name).
 */
export function fillCell(btn, profile, invalid = [], rules = [], silent = NONE, made = null) {
  const lines = cellLines(profile, invalid, rules, silent);
  const detail = JSON.stringify(lines.map(lineKey));
  const was = shown.get(btn) || {};
  shown.set(btn, { status: profile.status, detail });
  if (was.status !== profile.status || btn.dataset.status !== profile.status) {
    const st = STATUS[profile.status] || { icon: '•', text: profile.status };
    btn.dataset.status = profile.status;
    // Narrow screens show the short word; screen readers always get the full one.
    replaceChildren(btn.querySelector('.cell-status'), h('span.icon', { 'aria-hidden': 'true', text: st.icon }), ' ',
      h('span.long', { text: st.text }), h('span.short', { 'aria-hidden': 'true', text: st.short || st.text }));
  } else if (was.detail === detail) {
    const counted = btn.querySelectorAll('.cell-detail > .line');
    lines.forEach(([k, names, rule], i) => {
      if (rule || names.length <= CELL_NAMES || !counted[i]) return;
      // One title string per list of names and key (the same 300 names are in every cell), compared and
      // set only where the line showed another list: no per-cell copy of a ~10 KB attribute on every key.
      if (titled.get(counted[i]) === names) return;
      const title = titleOf(k, names);
      if (counted[i].title !== title) counted[i].title = title;
      titled.set(counted[i], names);
    });
    return;
  }
  // made (one paint's cells, renderMatrix): cells whose lines say the same get copies of the first one's
  // (every cell shows the same invalid names while one is typed: issue 21, the key's task).
  const same = made && JSON.stringify([detail, lines.map(([k, names, rule]) => (rule || names.length <= CELL_NAMES ? 0 : titleOf(k, names)))]);
  const first = same && made.get(same);
  replaceChildren(btn.querySelector('.cell-detail'), first ? first.map((n) => n.cloneNode(true)) : lines.map(([k, names, rule]) => (rule
    ? h('span.line.rule', { 'data-rule': String(rule) }, h('span.k', { text: k }), names)
    : line(k, names))));
  if (same && !first) made.set(same, [...btn.querySelector('.cell-detail').childNodes]);
}

const NONE = new Set();

/**
 * The scopes a report calls uncertain because no source speaks of the account (an
 * undocumented-availability warning names them, no sources-disagree warning does), not because
 * sources disagree: the cells, the reach line and the consent preview word them so.
 */
export function silentScopes(report) {
  const unspoken = new Set(), disagree = new Set();
  for (const d of report.diagnostics || []) {
    if (d.scope && d.code === 'undocumented-availability') unspoken.add(d.scope);
    if (d.scope && d.code === 'sources-disagree') disagree.add(d.scope);
  }
  for (const n of disagree) unspoken.delete(n);
  return unspoken;
}

/** Whether a diagnostic is about a bad name: unknown, retired, or a placeholder where a scope belongs. */
export const badName = (d) => d.code === 'unknown-scope' || d.code === 'retired-scope' || d.code === 'placeholder-in-scope';

/** The unknown or retired scope names and scope placeholders of a report (they make every account invalid-scope). */
export function invalidScopes(report) {
  return report.diagnostics.filter(badName).map((d) => d.scope);
}

/** The RULES.md rules an install URL breaks (check_pair reports only). */
export function brokenRules(report) {
  return (report.url_check && report.url_check.rules_failed) || [];
}

/**
 * The install URL rules a report cites, in words: Map(rule → words). The words are the core's (its
 * url-config-mismatch diagnostics, "Rule N: words (scopes). Fix: …"): the rules live there alone.
 * withScopes false: the words without the scope list (for a cell).
 */
export function ruleWords(report, withScopes = true) {
  const out = new Map();
  for (const d of report.diagnostics || []) {
    const m = d.code === 'url-config-mismatch' && /^Rule (\d+): (.*?)\. Fix: /.exec(d.message || '');
    if (!m) continue;
    let words = m[2];
    const names = (d.suggestion && d.suggestion.scopes) || [];
    const tail = ` (${names.join(', ')})`;
    if (!withScopes && names.length && words.endsWith(tail)) words = words.slice(0, -tail.length);
    out.set(Number(m[1]), words);
  }
  return out;
}

/** The rules a report breaks as [number, words] pairs (words without scope names), for the cells. */
export function urlRules(report) {
  const words = ruleWords(report, false);
  return brokenRules(report).map((n) => [n, words.get(n) || `HubSpot's install URL rule ${n}`]);
}

export function renderMatrix(table, report, selected) {
  const invalid = invalidScopes(report);
  const rules = urlRules(report);
  const silent = silentScopes(report);
  const made = new Map();
  for (const p of report.profiles) {
    const btn = table.querySelector(`[data-profile="${p.id}"]`);
    if (!btn) continue;
    fillCell(btn, p, invalid, rules, silent, made);
    const pressed = String(p.id === selected);
    if (btn.getAttribute('aria-pressed') !== pressed) btn.setAttribute('aria-pressed', pressed);
  }
  if (!table.contains(document.activeElement)) rove(table, null);
}

/** Class heat-0 … heat-10 for a share of installing configurations. */
function heat(n, total) {
  return 'heat-' + Math.round((10 * n) / (total || 1));
}

/** Why the reach line's disputed configurations are uncertain, as the profiles' disputed scopes are. */
function disputedWhere(report) {
  const silent = silentScopes(report);
  let disagree = false, unspoken = false;
  for (const p of report.profiles) for (const n of p.disputed || []) if (silent.has(n)) unspoken = true; else disagree = true;
  return unspoken && !disagree ? 'no source speaks of the account' : unspoken ? 'the sources disagree or none speaks of the account' : 'the sources disagree';
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
    c.combinations.disputed ? ` (+ ${pct(c.combinations.disputed, c.combinations.total)} where ${disputedWhere(report)})` : '');
  summary.dataset.installs = String(installs);

  const tiers = current.tiers;
  const count = $('#reach-count', root);
  if (count) count.textContent = reachCount(current);
  const sold = (hub) => tiers.filter((t) => !Array.isArray(hub.tiers) || hub.tiers.includes(t.id));
  const hubTable = $('#heat-hubs', root);
  replaceChildren(hubTable,
    h('caption', { text: 'Share of account configurations that install, by the tier of each hub' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Hub' }), tiers.map((t) => h('th', { scope: 'col' },
      h('span.long', { text: t.name }), h('span.short', { 'aria-hidden': 'true', text: short(t) }))))),
    h('tbody', {}, current.hubs.map((hub) => h('tr', {}, h('th', { scope: 'row', text: rowHead(hub.name) }),
      tiers.map((t) => {
        const perHub = c.combinations.total / (sold(hub).length || 1);  // each tier HubSpot sells of the hub
        if (!sold(hub).includes(t)) return h('td.unsold', { text: UNSOLD });
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

/** A grid or heatmap cell of a tier HubSpot does not sell. */
const UNSOLD = 'not sold';

/**
 * How the reach's configurations are counted, from the model (each hub at one of the tiers HubSpot
 * sells of it): "6 hubs, each at one of 4 tiers, Revenue Hub (formerly Commerce Hub) at one of 3
 * (no Starter), and 4 add-ons or settings, each on or off: 196,608 configurations."
 */
export function reachCount(model = current) {
  const sold = (hub) => model.tiers.filter((t) => !Array.isArray(hub.tiers) || hub.tiers.includes(t.id));
  const full = model.hubs.filter((hub) => sold(hub).length === model.tiers.length);
  const parts = [`${full.length} hub${full.length === 1 ? '' : 's'}, each at one of ${model.tiers.length} tiers`];
  for (const hub of model.hubs.filter((x) => sold(x).length !== model.tiers.length)) {
    const missing = model.tiers.filter((t) => !sold(hub).includes(t)).map((t) => t.name).join(' or ');
    parts.push(`${hub.name} at one of ${sold(hub).length} (no ${missing})`);
  }
  const n = model.configurations || model.hubs.reduce((k, hub) => k * sold(hub).length, 2 ** model.features.length);
  return `${parts.join(', ')}, and ${model.features.length} add-ons or settings, each on or off: ${n.toLocaleString('en-US')} configurations.`;
}
