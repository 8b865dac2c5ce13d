// Site build step: writes the tier matrix's empty grid into DIR/index.html (inside
// <table id="matrix">, after its caption) from the same layout the page builds it from
// (site/matrix.js matrixLayout), so the matrix is on screen before any script has run; and the
// built-in catalog's account model (data/hubspot-scopes.json: tiers, hubs, features, standard
// profiles, as ts.catalog gives them) as the table's data-model attribute (site/model.js).
// Run through esbuild (build-site.sh), which lets node import the page's ES modules.
//   prerender DIR [CATALOG]   (CATALOG: data/hubspot-scopes.json, from the repository's root)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matrixLayout, reachCount } from '../../site/matrix.js';

/** The catalog file's account model in the shape of ts.catalog (docs/report.md). */
export function catalogModel(doc) {
  const named = (list) => (list || []).map((x) => ({ id: x.id, name: x.name || x.id }));
  const tiers = named(doc.tiers);
  const lowest = tiers[0].id;
  const profiles = doc.profiles.map((p) => {
    const above = Object.entries(p.hubs || {}).filter(([, t]) => t !== lowest);
    return { id: p.id, name: p.name || p.id, hub: above.length === 1 ? above[0][0] : null,
      tier: above.length === 1 ? above[0][1] : above.length ? null : lowest };
  });
  // Each hub at one of the tiers HubSpot sells of it (hubs[].tiers), each feature on or off.
  const hubs = (doc.hubs || []).map((x) => ({ id: x.id, name: x.name || x.id, tiers: x.tiers || tiers.map((t) => t.id) }));
  const configurations = hubs.reduce((n, x) => n * x.tiers.length, 2 ** (doc.features || []).length);
  return { tiers, hubs, features: named(doc.features), profiles, configurations };
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function skeleton(model) {
  const { columns, rows } = matrixLayout(model);
  const head = '<thead><tr><th scope="col"><span class="sr-only">Hub</span></th>' +
    columns.map((c) => `<th scope="col"><span class="long">${esc(c.long)}</span><span class="short" aria-hidden="true">${esc(c.short)}</span></th>`).join('') +
    '</tr></thead>';
  let first = true; // one tab stop: the first cell (matrix.js rove)
  const cell = (c) => `<td${c.colspan ? ` colspan="${c.colspan}"` : ''}><button class="cell" type="button" data-profile="${esc(c.id)}" data-status="pending" aria-pressed="false" tabindex="${first ? (first = false, '0') : '-1'}">` +
    `<span class="sr-only cell-name">${esc(c.name)}: </span><span class="cell-status"></span><span class="cell-detail"></span></button></td>`;
  const body = '<tbody>' + rows.map((r) => `<tr><th scope="row">${esc(r.head)}</th>${r.cells.map((c) => (c.id ? cell(c) : c.unsold ? '<td class="unsold">not sold</td>' : '<td></td>')).join('')}</tr>`).join('\n') + '</tbody>';
  return `${head}\n${body}\n`;
}

const dir = process.argv[2];
if (!dir) { console.error('prerender: usage: prerender DIR'); process.exit(2); }
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const at = /(<table id="matrix"[^>]*>\s*<caption[^>]*>[^<]*<\/caption>\s*)(<\/table>)/;
if (!at.test(html)) { console.error(`prerender: ${file} has no empty <table id="matrix"> with a caption`); process.exit(1); }
const model = catalogModel(JSON.parse(readFileSync(process.argv[3] || join('data', 'hubspot-scopes.json'), 'utf8')));
// The model as an attribute of the table (no inline script: the CSP and the page's rule forbid them).
const caption = (open) => open.replace(/(<caption[^>]*>)[^<]*/, `$1Install result for each of the ${model.profiles.length} standard HubSpot portal profiles`);
writeFileSync(file, html.replace(at, (m, open, close) => caption(open) + skeleton(model) + close)
  .replace(/(<span id="reach-count">)[^<]*/, `$1${esc(reachCount(model))}`)
  .replace('<table id="matrix"', `<table id="matrix" data-model="${esc(JSON.stringify(model))}"`));
console.log(`prerender: the matrix grid and the account model are in ${file}`);
