// "Whole project" (ts.checkProject, issue 20): a HubSpot developer project folder, dropped or chosen,
// or a .zip of it -> the project's features and the scopes they imply, the API calls found in its code,
// the scopes asked for that nothing needs (over-asking) and the calls no scope covers (under-asking),
// the least-privilege auth block to paste, and per tier whether the app installs. The files are read
// in this page (File.text(); a .zip inflated by the browser's DecompressionStream) and handed to the
// evaluator worker: nothing is sent anywhere. Every text goes through textContent (dom.js h()).
// The files are read by element/tierscope-project-files.js (shared with <tierscope-preview>).
import { h, replaceChildren, codes, statusBadge, copyText } from './dom.js';
import { fromFileList, fromEntry, fromZip } from './element/tierscope-project-files.js';

const KIND = { card: 'Card', webhooks: 'Webhooks', 'workflow-action': 'Workflow action', 'app-function': 'App function', settings: 'Settings' };
const where = (file, line) => (file ? `${file}${line ? `:${line}` : ''}` : '');

/** The per-tier answer: one row per hub, one column per tier (from the report's own profiles). */
function tierTable(report) {
  const tiers = []; const hubs = []; const single = [];
  for (const p of report.profiles) {
    if (p.hub === null) { single.push(p); continue; }
    if (!hubs.includes(p.hub)) hubs.push(p.hub);
    if (!tiers.includes(p.tier)) tiers.push(p.tier);
  }
  const at = (hub, tier) => report.profiles.find((p) => p.hub === hub && p.tier === tier);
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  return h('table.tool-table', { id: 'project-matrix' },
    h('caption', { text: 'Who can install the app as the project asks for it' }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Hub' }), tiers.map((t) => h('th', { scope: 'col', text: cap(t) })))),
    h('tbody', {},
      single.map((p) => h('tr', {}, h('th', { scope: 'row', text: p.name }), h('td', { colspan: String(tiers.length), 'data-profile': p.id, 'data-status': p.status }, statusBadge(p.status)))),
      hubs.map((hub) => {
        const first = report.profiles.find((p) => p.hub === hub);
        return h('tr', {}, h('th', { scope: 'row', text: first.name.replace(/ (Starter|Professional|Enterprise)$/i, '') }),
          tiers.map((t) => { const p = at(hub, t); return h('td', p ? { 'data-profile': p.id, 'data-status': p.status } : {}, p ? statusBadge(p.status) : '–'); }));
      })));
}

function render(out, r, onUse) {
  const p = r.project; const app = p.app; const check = r.check;
  const cov = check ? check.coverage.profiles : null;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const parts = [
    h('h3', { id: 'project-answer', text: cov ? `Installs on ${cov.installs} of ${cov.total} standard tiers` + (errors.length ? `; ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix first` : '') : 'No app config read' }),
    h('p', { id: 'project-about' }, `${p.name || '(unnamed project)'} · platform version ${p.platform_version || 'not given'}${p.platform_version_known === false ? ' (not one tierscope knows)' : ''}`,
      app ? ` · app ${app.file} (${app.auth_type || 'no auth type'}, ${app.distribution || 'no distribution'}${app.is_user_level ? ', user-level' : ''})` : ''),
  ];
  if (r.diagnostics.length) {
    parts.push(h('h4', { text: 'Findings' }), h('ul.diagnostics', { id: 'project-findings' }, r.diagnostics.map((d) =>
      h(`li.diag.sev-${d.severity}`, { 'data-code': d.code }, d.file ? h('span.k', { text: `${where(d.file, d.line)}${d.path ? ` (${d.path})` : ''}: ` }) : '',
        h('span.msg', { text: d.message }), ' ', h('code.code', { text: d.code })))));
  }
  parts.push(h('h4', { text: `Features (${r.features.length})` }), r.features.length ? h('table.tool-table', { id: 'project-features' },
    h('thead', {}, h('tr', {}, ['Feature', 'File', 'Objects', 'Scopes it implies'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, r.features.map((f) => h('tr', { 'data-kind': f.kind },
      h('th', { scope: 'row' }, `${KIND[f.kind] || f.kind} `, f.uid ? h('code', { text: f.uid }) : ''),
      h('td', { text: where(f.file, f.line) }),
      h('td', { text: f.objects.join(', ') || '–' }),
      h('td', {}, f.implies.length ? f.implies.flatMap((i, k) => [k ? ', ' : '', h('code', { text: i.scope }), ` (${i.category})`]) : '–')))))
    : h('p.note', { text: 'No cards, webhooks, workflow actions, app functions or settings found.' }));
  const calls = r.calls;
  if (calls) {
    parts.push(h('h4', { text: `Calls found in the code (${calls.calls.length})` }), calls.calls.length ? h('table.tool-table', { id: 'project-calls' },
      h('thead', {}, h('tr', {}, ['Where', 'Call', 'Scopes it needs'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, calls.calls.map((c) => h('tr', { 'data-via': c.via || '' },
        h('th', { scope: 'row', text: where(c.file, c.line) }),
        h('td', {}, h('code', { text: `${c.method} ${c.path}` }), c.client_method ? [' ', h('span.k', { text: `(${c.client_method})` })] : ''),
        h('td', {}, c.chosen ? codes(c.chosen) : (c.problem || '–'))))))
      : h('p.note', { text: 'No HubSpot API call found in the code.' }));
    parts.push(h('h4', { text: 'Asked for, needed by nothing' }), h('ul.diagnostics', { id: 'project-unused' }, calls.unused.length
      ? calls.unused.map((u) => h('li.diag', { 'data-scope': u.scope }, h('span.k', { text: `Unused ${u.kind}: ` }), h('code', { text: u.scope }),
        u.locks_out.length ? ` — no feature or call needs it, and it locks out ${u.locks_out.length} of ${cov ? cov.total : '?'} standard tiers.` : ' — no feature or call needs it.'))
      : h('li.empty', { text: 'Every scope asked for is needed by a feature or a call.' })));
    parts.push(h('h4', { text: 'Calls no scope covers (403)' }), h('ul.diagnostics', { id: 'project-uncovered' }, calls.uncovered.length
      ? calls.uncovered.map((u) => h('li.diag', {}, h('span.k', { text: `${where(u.file, u.line)}: ` }), h('code', { text: `${u.method} ${u.path}` }), ' needs ',
        (u.covered_by || u.alternatives.map((a) => ({ scopes: a }))).flatMap((x, i) => [i ? ' or ' : '', ...x.scopes.flatMap((s, j) => [j ? ' + ' : '', h('code', { text: s })])])))
      : h('li.empty', { text: 'Every call found is covered by a scope the app asks for.' })));
  }
  const lp = r.least_privilege_auth;
  if (lp) {
    const block = JSON.stringify({ auth: lp }, null, 2);
    const copied = h('span', { role: 'status' });
    parts.push(h('h4', { text: 'Least-privilege auth block' }), h('pre', { id: 'project-auth-block', tabindex: '0', 'aria-label': 'Least-privilege auth block', text: block }),
      h('p', {}, h('button', { type: 'button', id: 'project-copy', text: 'Copy', onclick: async () => { copied.textContent = (await copyText(block)) ? ' Copied.' : ' Select the block and copy it.'; } }), ' ',
        h('button.fix', { type: 'button', id: 'project-use', text: 'Use these scopes above', onclick: () => onUse({ required: lp.requiredScopes, conditional: [], optional: lp.optionalScopes }) }), copied));
  }
  if (check) parts.push(h('h4', { text: 'Per tier' }), tierTable(check));
  replaceChildren(out, parts);
}

/** Builds the panel (after the "From API calls" panel) and wires it; ts answers with promises. */
export function initProject(ts, onUse) {
  const after = document.getElementById('calls-panel');
  if (!after) return null;
  const error = h('p.error-text', { id: 'project-error', role: 'alert', hidden: true });
  const status = h('p.status', { id: 'project-status', role: 'status' });
  const out = h('div', { id: 'project-out' });
  const folder = h('input', { type: 'file', id: 'project-folder', webkitdirectory: true, multiple: true, 'aria-describedby': 'project-help' });
  const zip = h('input', { type: 'file', id: 'project-zip', accept: '.zip,application/zip', 'aria-describedby': 'project-help' });
  const drop = h('div.drop-zone', { id: 'project-drop', text: 'Or drop the project folder or its .zip here.' });
  const panel = h('details.panel.tool', { id: 'project-panel' },
    h('summary', {}, h('h2', { id: 'project-heading', text: 'Whole project' })),
    h('p.hint', { id: 'project-help', text: 'A HubSpot developer project (hsproject.json, the app config, cards, webhooks, workflow actions, functions and their code): the scopes its features and API calls need, what it asks for that nothing needs, and who can install it. The files are read in this page; nothing is sent anywhere. node_modules, .git, dist and build are skipped.' }),
    h('p', {}, h('label', { for: 'project-folder', text: 'Project folder' }), ' ', folder),
    h('p', {}, h('label', { for: 'project-zip', text: 'Or a .zip of it' }), ' ', zip),
    drop, error, status, out);
  after.after(panel);
  let asked = 0;

  async function run(name, read) {
    const mine = ++asked;
    error.hidden = true; error.textContent = '';
    status.textContent = `Reading ${name}…`;
    replaceChildren(out);
    let c; let r;
    try {
      c = await read();
      if (mine !== asked) return;
      status.textContent = `${name}: ${c.count} ${c.count === 1 ? 'file' : 'files'} read in this page${c.skipped ? ` (${c.skipped} skipped)` : ''}; working out the scopes…`;
      r = await ts.checkProject(c.files);
    } catch (e) {
      if (mine !== asked) return;
      status.textContent = '';
      error.textContent = `Cannot read ${name}: ${(e && e.message) || e}`;
      error.hidden = false;
      return;
    }
    if (mine !== asked) return;
    render(out, r, onUse);
    status.textContent = `${name}: ${c.count} ${c.count === 1 ? 'file' : 'files'} read in this page${c.skipped ? ` (${c.skipped} skipped)` : ''}.`;
  }

  folder.addEventListener('change', () => {
    const list = [...(folder.files || [])];
    if (!list.length) return;
    const top = (list[0].webkitRelativePath || '').split('/')[0] || 'the folder';
    run(top, () => fromFileList(list));
  });
  zip.addEventListener('change', () => { const f = zip.files && zip.files[0]; if (f) run(f.name, () => fromZip(f)); });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('drop'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('drop'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('drop');
    const item = e.dataTransfer && e.dataTransfer.items && e.dataTransfer.items[0];
    const entry = item && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
    if (entry && entry.isDirectory) run(entry.name, () => fromEntry(entry));
    else {
      const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (f) run(f.name, () => fromZip(f));
    }
  });
  return { panel };
}
