// The paste box as a front door for errors: when the pasted text is something HubSpot said (its
// install page in any language tierscope reads, a redirect's error query, a 403 body, an hs CLI
// message) or a token's info, ts.explain() says why and what to change, in a panel ABOVE the matrix.
// With an app config on the page (the paste before the error, or the three fields), the fix is
// applied to it and one click loads the fixed request into the fields. Every text goes through
// textContent (dom.js h()); nothing of the paste is parsed as HTML.
import { h } from './dom.js';

const CAUSES = {
  'tier-lacks-scope': 'The account’s tier lacks a required scope',
  'url-insufficient-scopes': 'The install URL lacks a scope the config requires',
  'url-scope-mismatch': 'The install URL and the app config disagree',
  'invalid-scope': 'An unknown scope name',
  'app-not-permitted': 'The app may not request this set of scopes',
  'invalid-client-id': 'Wrong client_id',
  'installing-user-permissions': 'The installing user lacks permissions',
  'missing-scopes': 'The token lacks a scope this call needs',
  'missing-object-read-scope': 'The app lacks an object type’s read scope',
  'not-public-api': 'Not a public API',
  'account-feature': 'The account lacks a HubSpot feature',
  'grant-drift': 'The token’s scopes differ from the app config',
};

let wordings = null;
let wordingsAsked = null;
let api = null; // the page's promise API, once initExplain has it
// explain lives in the lazily-loaded calls module: only a text that may be an error (or token info)
// is sent, so a plain scope list or config never loads it.
const MAYBE = /error|fail|forbidden|\b403\b|couldn|could not|scopes are required|missing|hub_id|"token"|client_id|access to|permission|connexion|verbindung|conexi|anslutning|verbinding|接続|invalid/i;
/** data/hubspot-errors.json as the core has it (asked of the worker once). */
export function loadWordings(ts) {
  if (!wordingsAsked) wordingsAsked = ts.errorWordings().then((w) => { wordings = w; return w; }, () => null);
  return wordingsAsked;
}

/** Loads the wordings (the calls module) if not yet asked; resolves to them, or null when they could not be. */
export function whenWordings() { return api ? loadWordings(api) : Promise.resolve(null); }

/** HubSpot's English wording of a cause in an era ('2026' | 'older' | 'any'), scopes filled in; null before the data is loaded. */
export function wording(cause, era, scopes = []) {
  if (!wordings) return null;
  const w = wordings.wordings.find((x) => x.cause === cause && x.language === 'en' && x.era === era && !x.tool && x.text);
  return w ? w.text.replace('{scopes}', scopes.join(', ')) : null;
}

/**
 * Starts watching the paste box. ctx: {ts (the page's promise API), paste (the textarea), before (the
 * element the panel goes in front of: the matrix panel), config() → the config text on the page
 * besides the paste (the fields as a config) or '', apply(fields) → loads a request into the fields}.
 */
export function initExplain(ctx) {
  api = ctx.ts;
  const panel = h('section.panel.explain-panel', { id: 'explain', 'aria-labelledby': 'explain-heading', 'aria-live': 'polite', hidden: true });
  ctx.before.before(panel);
  let lastConfig = ''; // the last paste that was not an error: the app config the fix applies to
  let seq = 0;
  let timer = 0;
  const run = async () => {
    const text = ctx.paste.value;
    const mine = ++seq;
    if (!text.trim() || text.length > 1048576 || !MAYBE.test(text)) { panel.hidden = true; lastConfig = text.trim() ? text : lastConfig; return; }
    let r;
    try {
      r = await ctx.ts.explain(text);
    } catch {
      if (mine === seq) panel.hidden = true; // not an error text (the matrix says what is wrong with the input)
      return;
    }
    if (mine !== seq) return;
    if (!r || r.cause === 'unknown' || (r.cause === null && r.input.format !== 'token-info')) {
      panel.hidden = true;
      lastConfig = text;
      return;
    }
    const config = lastConfig || ctx.config();
    let fixed = null;
    if (config) {
      try { fixed = await ctx.ts.explain(text, config); } catch { fixed = null; }
      if (mine !== seq) return;
    }
    await loadWordings(ctx.ts);
    if (mine === seq) render(panel, fixed || r, ctx);
  };
  ctx.paste.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  run();
  return { refresh: run };
}

function render(panel, r, ctx) {
  const title = r.cause ? CAUSES[r.cause] || r.cause : 'The token agrees with the app config';
  const lang = r.input.language && r.input.language !== 'en' && wordings
    ? (wordings.languages.find((l) => l.code === r.input.language) || {}).name : null;
  const out = [
    h('h2', { id: 'explain-heading', text: 'What HubSpot’s message means' }),
    h('p.explain-cause', {}, h('strong', { text: title }), h('span.k', { text: ` (${r.cause || 'no drift'}; read as ${r.input.format}${lang ? `, ${lang}` : ''})` })),
  ];
  if (r.scopes.length) {
    out.push(h('p.explain-scopes', {}, r.match === 'any' ? 'Any one of: ' : r.match === 'all' ? 'All of: ' : 'Scopes: ',
      r.scopes.flatMap((s, i) => [i ? ', ' : '', h('code', { text: s })])));
  }
  out.push(h('p.explain-text', { text: r.explanation }));
  if (r.grant) {
    const g = r.grant;
    out.push(h('ul.explain-grant', {},
      h('li', { text: `Granted: ${g.granted.join(', ') || 'none'}` }),
      g.missing_required && g.missing_required.length ? h('li', { text: `Required but not granted: ${g.missing_required.join(', ')}` }) : '',
      g.dropped_optional && g.dropped_optional.length ? h('li', { text: `Optional, dropped: ${g.dropped_optional.join(', ')}` }) : '',
      g.extra && g.extra.length ? h('li', { text: `Granted, no longer asked for: ${g.extra.join(', ')}` }) : ''));
  }
  if (r.fix.length) {
    out.push(h('h3', { text: 'Fix' }), h('ul.explain-fix', {}, r.fix.map((f) =>
      h('li', { 'data-action': f.action }, h('strong', { text: f.action }), f.scopes.length ? [' ', h('code', { text: f.scopes.join(', ') })] : '', ` — ${f.why}`))));
  }
  for (const d of r.diagnostics) out.push(h('p.note', { text: d.message }));
  if (r.report && !r.grant) {
    const c = r.report.coverage.profiles;
    out.push(h('p', {}, `With the fix, the app config installs on ${c.installs} of ${c.total} standard tiers. `,
      h('button.fix', { type: 'button', 'data-action': 'apply-explain-fix', text: 'Apply the fix to the app config',
        onclick: () => ctx.apply(r.report.request) })));
  }
  panel.replaceChildren(...out);
  panel.hidden = false;
}
