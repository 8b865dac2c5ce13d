// "From API calls" (ts.calls): the HubSpot API calls an app makes (pasted lines or URLs, or a HAR file
// dropped or chosen) -> the scopes each call needs, the least-privilege set and who can install it,
// and, against the app's scopes above, the scopes no call needs and the calls none covers. The file
// is read here (File.text()); nothing is sent anywhere. The calls module loads when the panel opens.
import { h, replaceChildren, pct, codes } from './dom.js';

const MAX_BYTES = 16 * 1024 * 1024;
const PROBLEMS = {
  unmatched: 'No operation of HubSpot\'s API spec matches',
  'generic-object': 'Names no object type',
  'unknown-object': 'No scope for this object type',
  'no-oauth-scope': 'No OAuth scope in the spec',
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
      h('ul.diagnostics', { id: 'calls-uncovered' }, r.uncovered.length ? r.uncovered.map((u) => h('li.diag', {},
        h('span.k', { text: 'Will fail with 403: ' }), h('code', { text: callText(u) }), ' needs ', ...alternatives(u.alternatives), '.'))
        : h('li.empty', { text: 'Every call is covered by a scope the app requests.' })),
    ];
  }

  function render(r) {
    const lp = r.least_privilege; const c = lp.combinations; const cov = r.report.coverage;
    // The answer first (least privilege and who can install it); the per-call table collapsed below.
    replaceChildren(out,
      h('h3', { text: 'Least privilege' }),
      h('p', { id: 'calls-required' }, h('span.k', { text: 'Required: ' }), codes(lp.required)),
      h('p', { id: 'calls-optional' }, h('span.k', { text: 'Optional: ' }), lp.optional.length ? codes(lp.optional) : 'none'),
      h('p', { id: 'calls-coverage' }, `Every call works on ${pct(c.all_calls, c.total)} of account configurations. With the optional scopes optional, the app `,
        h('strong', { text: `installs on ${cov.profiles.installs} of ${cov.profiles.total} standard tiers` }), ` (${pct(c.required, c.total)}).`),
      lp.optional.length ? h('p.hint', { text: 'Only some tiers can grant the optional scopes: the calls that need them must cope with a 403 on the others.' }) : '',
      lp.search === 'greedy' ? h('p.hint', { text: 'Too many combinations for an exact search: chosen call by call.' }) : '',
      h('button.fix', { type: 'button', id: 'calls-use', onclick: () => onUse({ required: lp.required, conditional: [], optional: lp.optional }),
        text: 'Use these scopes' }),
      ...against(r),
      h('details.calls-each', { id: 'calls-each' },
        h('summary', {}, h('span', { id: 'calls-each-heading', text: `Each call (${r.calls.length})` })),
        r.calls.length ? callsTable(r) : h('p.note', { text: 'No HubSpot API call found yet.' })),
      r.diagnostics.length ? [h('h3', { text: 'Notes' }), h('ul.diagnostics', { id: 'calls-notes' }, r.diagnostics.map((d) =>
        h(`li.diag.sev-${d.severity}`, { 'data-code': d.code }, h('span.msg', { text: d.message }), ' ', h('code.code', { text: d.code }))))] : '');
  }

  async function run() {
    frame = 0;
    const mine = ++asked;
    const text = input.value;
    if (!text.trim()) {
      showError('');
      status.textContent = '';
      replaceChildren(out, h('p.note', { text: 'Paste the calls your app makes, one per line (GET /crm/v3/objects/contacts/123), or drop a HAR file.' }));
      return;
    }
    status.textContent = 'Working out the scopes…';
    let config = null;
    if (compare.checked) {
      const app = current();
      if (app && app.trim()) config = app;
    }
    let r;
    try {
      r = await ts.calls(text, config);
    } catch (e) {
      if (mine !== asked) return;
      status.textContent = '';
      showError(`Cannot read the calls: ${e.message}`);
      return;
    }
    if (mine !== asked) return;
    showError('');
    render(r);
    status.textContent = `${source ? `${source}: ` : ''}${r.calls.length} ${r.calls.length === 1 ? 'call' : 'calls'}: ${r.least_privilege.required.length + r.least_privilege.optional.length} scopes cover them.`;
  }

  function schedule() { if (panel.open && !frame) frame = requestAnimationFrame(run); }

  async function readFile(f) {
    if (!f) return;
    if (f.size > MAX_BYTES) { showError(`Cannot read ${f.name}: it is ${f.size} bytes; the limit is ${MAX_BYTES} bytes (16 MiB).`); return; }
    try {
      input.value = await f.text();
    } catch (e) {
      showError(`Cannot read ${f.name}: ${e.message}`);
      return;
    }
    source = `${f.name} (${f.size} bytes, read in this page)`;
    status.textContent = `Read ${source}.`;
    schedule();
  }

  input.addEventListener('input', () => { source = ''; schedule(); });
  compare.addEventListener('change', schedule);
  file.addEventListener('change', () => readFile(file.files && file.files[0]));
  input.addEventListener('dragover', (e) => { e.preventDefault(); input.classList.add('drop'); });
  input.addEventListener('dragleave', () => input.classList.remove('drop'));
  input.addEventListener('drop', (e) => {
    e.preventDefault();
    input.classList.remove('drop');
    readFile(e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]);
  });
  panel.addEventListener('toggle', schedule); // the calls module loads when the panel is first opened
  return { refresh: schedule };
}
