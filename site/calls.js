// "From API calls" (ts.calls): the HubSpot API calls an app makes (pasted lines or URLs, or a HAR file
// dropped or chosen) -> the scopes each call needs, the least-privilege set and who can install it,
// and, against the app's scopes above, the scopes no call needs and the calls none covers. A HAR is
// read by the worker itself, part by part (har.js: File.slice().stream()), into the calls module's HAR
// reader there: only each request's method and URL without its query are kept — never pasted into the box,
// shown, stored or shared. Nothing is sent anywhere. The calls module loads when the panel opens.
import { h, replaceChildren, pct, codes } from './dom.js';
import { readHarParts, HarError } from './har.js';

const MAX_BYTES = 16 * 1024 * 1024; // a text file of calls
const PROBLEMS = {
  unmatched: 'No operation of HubSpot\'s API spec matches',
  'generic-object': 'Names no object type',
  'unknown-object': 'No scope for this object type',
  'no-oauth-scope': 'No OAuth scope in the spec',
  'read-only-object': 'Read-only object: no scope writes it',
};

function callText(c) { return `${c.method} ${c.path}`; }

function alternatives(alts) {
  return alts.flatMap((a, i) => [i ? ' or ' : '', ...a.flatMap((s, j) => [j ? ' + ' : '', h('code', { text: s })])]);
}

/**
 * current() → the page's current input as text (the app's config, install URL or scope list);
 * onUse({required, conditional, optional}) loads scopes into the page's fields; ts answers with promises.
 */
export function initCalls(ts, current, onUse) {
  const $ = (id) => document.getElementById(id);
  const panel = $('calls-panel'); const input = $('calls-input'); const file = $('calls-file');
  const compare = $('calls-compare'); const error = $('calls-error'); const status = $('calls-status'); const out = $('calls-out');
  let frame = 0; let asked = 0; let source = ''; // the file the calls came from, if any
  let har = null; // a HAR read in this page: {id, name} of its reader in the worker (never put in the box)
  let reading = null; // the AbortController of a HAR being read

  function showError(text) {
    error.hidden = !text;
    error.textContent = text || '';
  }

  function callsTable(r) {
    return h('table.tool-table', { id: 'calls-table', 'aria-labelledby': 'calls-each-heading' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Call' }), h('th', { scope: 'col', text: 'Operation' }),
        h('th', { scope: 'col', text: 'Scopes it needs' }))),
      h('tbody', {}, r.calls.map((c) => h('tr', { 'data-problem': c.problem || '', 'data-all-tiers': String(c.all_tiers) },
        h('th', { scope: 'row' }, h('code', { text: callText(c) }), c.count > 1 ? ` ×${c.count}` : ''),
        h('td', {}, c.operation ? `${c.operation.api} ${c.operation.version}${c.operation.beta ? ' (beta)' : ''}${c.operation.legacy ? ' (legacy)' : ''}`
          : c.nearest.length ? h('span', {}, 'Nearest: ', ...c.nearest.flatMap((o, i) => [i ? ', ' : '', h('code', { text: callText(o) })])) : '–'),
        h('td', {}, c.chosen ? h('span', {}, ...c.chosen.flatMap((s, i) => [i ? ' + ' : '', h('code', { text: s })]),
          c.all_tiers === false ? h('span.badge.status-uncertain', { text: ' some tiers' }) : '')
          : PROBLEMS[c.problem] || '–')))));
  }

  function against(r) {
    if (!r.unused) return [];
    const total = r.report.coverage.profiles.total;
    return [
      h('h3', { text: 'Against your app\'s scopes' }),
      h('ul.diagnostics', { id: 'calls-unused' }, r.unused.length ? r.unused.map((u) => h('li.diag', { 'data-scope': u.scope },
        h('span.k', { text: `Unused ${u.kind}: ` }), h('code', { text: u.scope }),
        u.locks_out.length ? ` — no call needs it, and it locks out ${u.locks_out.length} of ${total} standard tiers.` : ' — no call needs it.'))
        : h('li.empty', { text: 'Every scope the app requests is needed by some call.' })),
      r.may_be_needed && r.may_be_needed.length ? h('ul.diagnostics', { id: 'calls-maybe' }, r.may_be_needed.map((m) => h('li.diag', { 'data-scope': m.scope },
        h('code', { text: m.scope }), ` (${m.kind}) ${m.message}: keep it.`))) : '',
      h('ul.diagnostics', { id: 'calls-uncovered' }, r.uncovered.length ? r.uncovered.map((u) => h('li.diag', {},
        h('span.k', { text: 'Will fail with 403: ' }), h('code', { text: callText(u) }), ' needs ',
        ...(u.covered_by || u.alternatives.map((a) => ({ scopes: a }))).flatMap((c, i) => [i ? ' or ' : '',
          ...c.scopes.flatMap((s, j) => [j ? ' + ' : '', h('code', { text: s })]),
          c.tiers ? ` (${c.tiers.length} of ${c.tiers_total} tiers)` : '']), '.'))
        : h('li.empty', { text: 'Every call is covered by a scope the app requests.' })),
    ];
  }

  // The second answer: tier-limited scopes optional, the app installs everywhere, and per tier the
  // calls that then get a 403 (tiers with the same calls on one line).
  function everywhere(ie) {
    if (!ie || !ie.optional.length) return '';
    const groups = new Map();
    for (const f of ie.calls_failing) {
      const key = `${f.uncertain ? 1 : 0}\n${f.calls.join('\n')}`;
      if (!groups.has(key)) groups.set(key, { calls: f.calls, tiers: [], uncertain: f.uncertain });
      groups.get(key).tiers.push(f.profile);
    }
    return h('div', { id: 'calls-everywhere' },
      h('h4', { text: 'Or install on every tier' }),
      h('p', {}, h('span.k', { text: 'Required: ' }), codes(ie.required), h('span.k', { text: ' Optional: ' }), codes(ie.optional)),
      h('ul.diagnostics', {}, [...groups.values()].map((g) => h('li.diag', {},
        h('span.k', { text: `${g.uncertain ? 'Possibly 403' : '403'} on ${g.tiers.length} ${g.tiers.length === 1 ? 'tier' : 'tiers'}: ` }),
        ...g.calls.flatMap((c, i) => [i ? ', ' : '', h('code', { text: c })]), ` (${g.tiers.join(', ')})`))));
  }

  function render(r) {
    const lp = r.least_privilege; const c = lp.combinations; const cov = r.report.coverage;
    // The answer first (least privilege and who can install it); the per-call table collapsed below.
    replaceChildren(out,
      h('h3', { text: 'Least privilege' }),
      h('p', { id: 'calls-required' }, h('span.k', { text: 'Required: ' }), codes(lp.required)),
      h('p', { id: 'calls-optional' }, h('span.k', { text: 'Optional: ' }), lp.optional.length ? codes(lp.optional) : 'none'),
      h('p', { id: 'calls-coverage' }, 'Every call works wherever the app installs: ',
        h('strong', { text: `${cov.profiles.installs} of ${cov.profiles.total} standard tiers` }), ` (${pct(c.all_calls, c.total)} of account configurations).`),
      lp.search === 'greedy' ? h('p.hint', { text: 'Too many combinations for an exact search: chosen call by call.' }) : '',
      h('button.fix', { type: 'button', id: 'calls-use', onclick: () => onUse({ required: lp.required, conditional: [], optional: lp.optional }),
        text: 'Use these scopes' }),
      everywhere(lp.install_everywhere),
      lp.install_everywhere && lp.install_everywhere.optional.length ? h('button.fix', { type: 'button', id: 'calls-use-everywhere',
        onclick: () => onUse({ required: lp.install_everywhere.required, conditional: [], optional: lp.install_everywhere.optional }),
        text: 'Use these (install everywhere)' }) : '',
      ...against(r),
      r.diagnostics.length ? [h('h3', { text: 'Notes' }), h('ul.diagnostics', { id: 'calls-notes' },
        r.diagnostics.map((d) =>
          h(`li.diag.sev-${d.severity}`, { 'data-code': d.code }, h('span.msg', { text: d.message }), ' ', h('code.code', { text: d.code }))))] : '',
      h('details', { id: 'calls-each', open: r.calls.length <= 12 },
        h('summary', {}, h('h3', { id: 'calls-each-heading', text: `Each call (${r.calls.length})` })),
        r.calls.length ? callsTable(r) : h('p.note', { text: 'No HubSpot API call found yet.' })));
  }

  async function run() {
    frame = 0;
    const mine = ++asked;
    const text = input.value;
    if (!har && !text.trim()) {
      showError('');
      status.textContent = '';
      replaceChildren(out, h('p.note', { text: 'Paste the calls your app makes, one per line (GET /crm/v3/objects/contacts/123), or drop a HAR file.' }));
      return;
    }
    // The file's line (name, calls, hosts) stays while the scopes are worked out.
    status.textContent = `${source ? `${source}: w` : 'W'}orking out the scopes…`;
    let config = null;
    if (compare.checked) {
      const app = current();
      if (app && app.trim()) config = app;
    }
    let r;
    try {
      r = har ? await ts.harFinish(har.id, config) : await ts.calls(text, config);
    } catch (e) {
      if (mine !== asked) return;
      status.textContent = '';
      showError(`Cannot read the calls: ${e.message}`);
      return;
    }
    if (mine !== asked) return;
    showError('');
    render(r);
    if (har) source = `${har.name}: ${r.input.calls} ${r.input.calls === 1 ? 'call' : 'calls'} to HubSpot's API, ${r.input.other_hosts} to other hosts, read in this page`;
    status.textContent = `${source ? `${source}: ` : ''}${r.calls.length} ${r.calls.length === 1 ? 'call' : 'calls'}: ${r.least_privilege.required.length + r.least_privilege.optional.length} scopes cover them.`;
  }

  function schedule() { if (panel.open && !frame) frame = requestAnimationFrame(run); }

  // The progress of a HAR being read, and its cancel button (built when a read starts).
  function progressUi(name) {
    const bar = h('progress', { id: 'calls-progress', max: '100', value: '0', 'aria-label': `Reading ${name}` });
    const cancel = h('button', { type: 'button', id: 'calls-cancel', text: 'Cancel', onclick: () => reading && reading.abort() });
    const box = h('p', { id: 'calls-reading' }, bar, ' ', cancel);
    status.after(box);
    return { bar, done: () => box.remove() };
  }

  function dropHar() {
    if (har) ts.harClose(har.id).catch(() => {});
    har = null;
  }

  async function readFile(f) {
    if (!f) return;
    if (reading) reading.abort();
    const looksHar = /\.har$/i.test(f.name) || f.size > MAX_BYTES;
    if (!looksHar) {
      try {
        input.value = await f.text();
      } catch (e) {
        showError(`Cannot read ${f.name}: ${e.message}`);
        return;
      }
      dropHar();
      source = `${f.name} (${f.size} bytes, read in this page)`;
      status.textContent = `Read ${source}.`;
      schedule();
      return;
    }
    const mine = new AbortController();
    reading = mine;
    const ui = progressUi(f.name);
    showError('');
    status.textContent = `Reading ${f.name}…`;
    let id = null;
    try {
      id = await ts.harOpen();
      await readHarParts(f, { signal: mine.signal, read: (start, end) => ts.harRead(id, f, start, end),
        onProgress: (n, total) => { ui.bar.value = String(total ? Math.round((100 * n) / total) : 100); } });
    } catch (e) {
      ui.done();
      if (id !== null) ts.harClose(id).catch(() => {});
      if (reading === mine) reading = null;
      if (e && e.name === 'AbortError') { status.textContent = `Stopped reading ${f.name}.`; return; }
      showError(`Cannot read ${f.name}: ${e instanceof HarError ? e.message : (e && e.message) || e}`);
      status.textContent = '';
      return;
    }
    ui.done();
    if (reading !== mine) {
      ts.harClose(id).catch(() => {});
      return;
    }
    reading = null;
    // The reader in the worker holds only the requests' methods and URLs; the box is left as it was.
    dropHar();
    har = { id, name: f.name };
    source = `${f.name} (${f.size} bytes, read in this page)`;
    status.textContent = `Read ${source}.`;
    schedule();
  }

  input.addEventListener('input', () => { source = ''; dropHar(); schedule(); });
  compare.addEventListener('change', schedule);
  file.addEventListener('change', () => readFile(file.files && file.files[0]));
  input.addEventListener('dragover', (e) => { e.preventDefault(); input.classList.add('drop'); });
  input.addEventListener('dragleave', () => input.classList.remove('drop'));
  panel.addEventListener('dragover', (e) => e.preventDefault());
  input.addEventListener('drop', (e) => {
    e.preventDefault();
    input.classList.remove('drop');
    readFile(e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]);
  });
  panel.addEventListener('toggle', schedule); // the calls module loads when the panel is first opened
  return { refresh: schedule };
}
