// Site build step: writes the tier matrix's empty grid into DIR/index.html (inside
// <table id="matrix">, after its caption) from the same layout the page builds it from
// (site/matrix.js matrixLayout), so the matrix is on screen before any script has run.
// Run through esbuild (build-site.sh), which lets node import the page's ES modules.
//   prerender DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { matrixLayout } from '../../site/matrix.js';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function skeleton() {
  const { columns, rows } = matrixLayout();
  const head = '<thead><tr><th scope="col"><span class="sr-only">Hub</span></th>' +
    columns.map((c) => `<th scope="col"><span class="long">${esc(c.long)}</span><span class="short" aria-hidden="true">${esc(c.short)}</span></th>`).join('') +
    '</tr></thead>';
  const cell = (c) => `<td${c.colspan ? ` colspan="${c.colspan}"` : ''}><button class="cell" type="button" data-profile="${esc(c.id)}" data-status="pending" aria-pressed="false">` +
    `<span class="sr-only cell-name">${esc(c.name)}: </span><span class="cell-status"></span><span class="cell-detail"></span></button></td>`;
  const body = '<tbody>' + rows.map((r) => `<tr><th scope="row">${esc(r.head)}</th>${r.cells.map(cell).join('')}</tr>`).join('\n') + '</tbody>';
  return `${head}\n${body}\n`;
}

const dir = process.argv[2];
if (!dir) { console.error('prerender: usage: prerender DIR'); process.exit(2); }
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const at = /(<table id="matrix"[^>]*>\s*<caption[^>]*>[^<]*<\/caption>\s*)(<\/table>)/;
if (!at.test(html)) { console.error(`prerender: ${file} has no empty <table id="matrix"> with a caption`); process.exit(1); }
writeFileSync(file, html.replace(at, (m, open, close) => open + skeleton() + close));
console.log(`prerender: the matrix grid is in ${file}`);
