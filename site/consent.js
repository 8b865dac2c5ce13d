// What the installing admin would see on one account: HubSpot's consent screen, or its error page
// plus what HubSpot does not say (which scopes caused it and how to fix it).
import { h, STATUS, whenIdle, morphChildren, alwaysNew } from './dom.js';
import { fixLabel, staticAuth } from './panels.js';
import { evidenceList, requirementText } from './catalog.js';
import { wording, whenWordings } from './explain.js';
import { badName, silentScopes } from './matrix.js';

const RIGHTS_NOTE = 'Whatever the tier, the installing user also needs super admin rights or the App Marketplace Access permission in the account, on the first install and whenever the app asks for new scopes.';

function scopeLine(name, info, extra) {
  const e = info.get(name);
  return h('li', {}, h('span.label', { text: (e && (e.label || e.area)) || name }), ' ', h('code', { text: name }), extra || '');
}

/** Groups scope names by the catalog's group (then label) for the consent list. */
function grouped(names, info, flag) {
  const groups = new Map();
  for (const n of names) {
    const g = (info.get(n) && info.get(n).group) || 'Other';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(n);
  }
  const rank = (g) => (g === 'Basic access' ? 0 : g === 'Other' ? 2 : 1);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0])).map(([g, list]) =>
    h('li.group', {}, h('span.group-name', { text: g }),
      h('ul', {}, list.map((n) => scopeLine(n, info, flag(n))))));
}

function tierText(name, info) {
  const e = info.get(name);
  if (e && Array.isArray(e.requires)) return requirementText(e.requires); // names from the catalog's model
  return (e && e.tier_text) || 'not documented';
}

/**
 * Renders the preview of one profile into root.
 * ctx: {report, profile, profileName, appName, info: Map(name → scopes() entry), onFix(suggestion, scope)}
 */
export function renderConsent(root, ctx) {
  const { report, profile, info } = ctx;
  const app = ctx.appName || 'Your app';
  const st = STATUS[profile.status] || { text: profile.status, icon: '' };
  const out = [h('p.preview-for', {}, 'Installing on ', h('strong', { text: ctx.profileName }), ': ',
    h(`span.badge.status-${profile.status}`, {}, h('span', { 'aria-hidden': 'true', text: st.icon + ' ' }), st.text))];

  const disputed = profile.disputed || [];
  if (profile.status === 'installs' || profile.status === 'uncertain') {
    const unverified = new Set(profile.unverified);
    const contested = new Set(disputed);
    const unspoken = silentScopes(report);
    const flag = (n) => (unverified.has(n) ? h('span.badge.conf-unverified', { text: 'availability unverified' })
      : contested.has(n) ? h('span.badge.disputed', { text: unspoken.has(n) ? 'no source speaks of this tier' : 'sources disagree' }) : '');
    const mock = h('div.mock.consent', { role: 'group', 'aria-label': 'Consent screen mock-up' },
      h('p.mock-brand', { text: 'HubSpot' }),
      h('h3', { text: `Connect ${app} to your HubSpot account` }),
      h('p', { text: `${app} is requesting access to:` }),
      // Undocumented scopes are not counted as granted; list them, flagged, where they would appear.
      h('ul.groups', {}, grouped([...profile.granted, ...[...profile.unverified, ...disputed].filter((n) => !profile.granted.includes(n))], info, flag)));
    out.push(mock);
    if (profile.dropped.length) {
      out.push(h('div.dropped', {},
        h('h3', { text: 'Not granted on this account' }),
        h('p', { text: 'These optional scopes are silently dropped: the consent screen does not list them and the token lacks them, so API calls that need them will fail.' }),
        h('ul', {}, profile.dropped.map((n) => scopeLine(n, info, h('span.needs', { text: ` — needs ${tierText(n, info)}` }))))));
    }
    if (profile.status === 'uncertain' && profile.unverified.length) {
      out.push(h('p.note', { text: `HubSpot does not document which tiers have ${profile.unverified.join(', ')}: the install may still fail with a permission error.` }));
    }
  } else if (profile.status === 'permission-error') {
    const one = profile.missing.length === 1;
    out.push(tierErrorPages(profile.missing));
    out.push(h('div.beyond', {},
      h('h3', { text: 'What HubSpot does not tell them' }),
      h('p', { text: 'Since 2026 the page names the scopes, but not which tiers have them (before 2026 it named none). It failed because of:' }),
      h('ul', {}, profile.missing.map((n) => scopeLine(n, info, h('span.needs', { text: ` — needs ${tierText(n, info)}` })))),
      h('h3', { text: 'How to fix it' }),
      h('ul.fixes', {},
        // Static auth takes required scopes only: an optional scope would be ignored on every account.
        staticAuth(report)
          ? [h('li', {}, `Remove ${one ? 'it' : 'them'}: the install then succeeds here, and the app has ${one ? 'it' : 'them'} on no account. `,
            h('button.fix', { type: 'button', 'data-action': 'remove', onclick: () => ctx.onFix({ action: 'remove', scopes: profile.missing }, profile.missing[0]), text: `Remove ${profile.missing.join(' ')}` })),
          h('li', { text: 'Or switch the app to OAuth: only OAuth apps can ask for optional scopes, which each account grants when it can.' })]
          : h('li', {}, `Request ${one ? 'it as an optional scope' : 'them as optional scopes'}: the install then succeeds here and the token lacks ${one ? 'it' : 'them'}, so your app must cope without. `,
            h('button.fix', { type: 'button', onclick: () => ctx.onFix({ action: 'make-optional', scopes: profile.missing }), text: `Make ${profile.missing.join(', ')} optional` })),
        h('li', { text: `Or give this tier its own install URL without ${one ? 'it' : 'them'} (conditionally required scopes).` }),
        h('li', { text: `Or the customer upgrades to a tier that has ${one ? 'it' : 'them'} (see “needs” above).` }))));
  } else if (profile.status === 'url-mismatch' || profile.status === 'insufficient-scopes') {
    out.push(errorPage(profile.status === 'url-mismatch' ? MISMATCH : INSUFFICIENT));
    out.push(urlBeyond(report, ctx));
  } else if (profile.status === 'invalid-scope') {
    const bad = report.diagnostics.filter((d) => badName(d) || d.code === 'comma-separated');
    const retired = bad.filter((d) => d.code === 'retired-scope').map((d) => d.scope);
    const msg = bad.some((d) => d.code === 'unknown-scope' || d.code === 'placeholder-in-scope') || !retired.length
      ? 'An invalid scope name was provided'
      : `one or more scopes are invalid: ${retired.join(', ')}`;
    out.push(errorPage(msg));
    out.push(h('div.beyond', {},
      h('h3', { text: 'Why' }),
      h('p', { text: 'HubSpot rejects an unknown or removed scope name for every account, whatever its tier.' }),
      h('ul', {}, bad.map((d) => h('li', {}, d.scope ? [h('code', { text: d.scope }), ' — '] : '', d.message, ' ',
        d.suggestion && d.suggestion.action === 'replace' && d.suggestion.scopes.length
          ? h('button.fix', { type: 'button', onclick: () => ctx.onFix(d.suggestion, d.scope, d.code), text: fixLabel(d.suggestion, d.scope) })
          : ''))),
      // The matrix cell shows the first few of these; the whole list is here.
      profile.missing.length ? [h('h3', { text: 'Also lacking on this account' }),
        h('p', { text: `Once the names are valid, the install here still needs these ${profile.missing.length} requested scopes, which this account does not have:` }),
        h('p.missing-all', { text: profile.missing.join(' ') })] : '',
      report.url_check && !report.url_check.ok ? urlFix(report, ctx) : ''));
  }
  if (disputed.length) out.push(disagreement(profile, disputed, info, ctx));
  if (profile.status === 'uncertain') out.push(verifyPlan(report, profile));
  out.push(h('p.note.rights', { text: RIGHTS_NOTE }));
  morphChildren(root, out); // what is on screen already and unchanged stays (a key changes a line or two)
}

/** The report's test-account plan for an uncertain profile (issue 24 item 8): the hs file, or why hs cannot. */
function verifyPlan(report, profile) {
  const plan = (report.verify || []).find((v) => v.profile === profile.id);
  if (!plan) return '';
  return h('div.verify', { 'data-profile': profile.id },
    h('h3', { text: 'Verify this tier' }),
    plan.hs_test_account
      ? [h('p', {}, 'Create a test account with ', h('code', { text: 'hs test-account create --config-path tier.json' }),
        ', tier.json being (every level written out: hs makes a missing one Enterprise):'),
      h('pre.verify-config', { text: JSON.stringify(plan.hs_test_account, null, 2) })]
      : h('p', { text: plan.note || 'HubSpot\'s CLI cannot create this tier.' }),
    h('p', {}, 'Then open the install URL in it (your client id in place of YOUR_CLIENT_ID): ', h('code.verify-url', { text: plan.install_url })),
    h('p.note', { text: 'What it shows (installs, or the exact error) belongs in data/sources/observed.json.' }));
}

/**
 * Where the sources disagree on this account, or none speaks of it: per scope, what each deciding
 * source says (its note says when it predates a product), with its link.
 */
function disagreement(profile, disputed, info, ctx) {
  const blocking = new Set([...(ctx.report.request.required || []), ...(ctx.report.input.without_conditional ? [] : ctx.report.request.conditional || [])]);
  const uncertain = profile.status === 'uncertain';
  const unspoken = silentScopes(ctx.report);
  const silent = disputed.filter((n) => unspoken.has(n));
  const items = (names, code) => h('ul', {}, names.map((n) => {
    const e = info.get(n);
    const says = e ? (e.evidence || []).filter((x) => x.decides) : [];
    return h('li', { 'data-scope': n }, h('code', { text: n }), h('span.k', { text: ` (${kindOf(n, ctx.report)})` }),
      says.length ? evidenceList({ name: n, evidence: says }) : h('span', { text: ` — see the ${code} warning` }));
  }));
  const disagree = disputed.filter((n) => !silent.includes(n));
  return h('div.disagreement', { 'data-disputed': disputed.join(' ') },
    disagree.length ? [h('h3', { text: 'Where the sources disagree' }),
      h('p', { text: uncertain
        ? 'On this account one source grants these scopes and another does not, so the install may succeed or get the permission error:'
        : 'On this account one source grants these optional scopes and another does not: the token may lack them.' }),
      items(disagree, 'sources-disagree')] : '',
    silent.length ? [h('h3', { text: 'Where no source speaks of this account' }),
      h('p', { text: `Every statement that decides ${silent.length === 1 ? 'this scope' : 'these scopes'} is older than a product this account holds, so none says whether the account has ${silent.length === 1 ? 'it' : 'them'}: ${uncertain
        ? 'the install may succeed or get the permission error.'
        : `the token may lack ${silent.length === 1 ? 'it' : 'them'}.`}` }),
      items(silent, 'undocumented-availability')] : '',
    uncertain && disputed.some((n) => blocking.has(n)) && !staticAuth(ctx.report)
      ? h('p', {}, h('button.fix', { type: 'button', onclick: () => ctx.onFix({ action: 'make-optional', scopes: disputed.filter((n) => blocking.has(n)) }),
        text: `Make ${disputed.filter((n) => blocking.has(n)).join(', ')} optional` }))
      : '');
}

// HubSpot's wording as seen in public reports (RULES.md); the mismatch text is a fragment of its message.
const MISMATCH = '… mismatch between the scopes in the install URL and the app\'s configured scopes';
const INSUFFICIENT = 'Authorization failed because the provided scopes are insufficient';

/** Why an install URL fails its config (every account alike) and the corrected URL. */
function urlBeyond(report, ctx) {
  const rules = report.diagnostics.filter((d) => d.code === 'url-config-mismatch');
  return h('div.beyond', {},
    h('h3', { text: 'Why' }),
    h('p', { text: 'The install URL does not match the app\'s config, so HubSpot refuses it for every account, whatever its tier.' }),
    h('ul', {}, rules.map((d) => h('li', { text: d.message }))),
    urlFix(report, ctx));
}

function urlFix(report, ctx) {
  const fixed = report.url_check && report.url_check.fixed_url;
  if (!fixed || !ctx.onUseFixedUrl) return '';
  return h('p', {}, 'The corrected URL matches the config. ',
    h('button.fix', { type: 'button', 'data-action': 'use-fixed-url', onclick: () => ctx.onUseFixedUrl(), text: 'Use the corrected URL' }));
}

// The wordings come with the calls module: asked once the visitor has interacted with the page and then
// left the keyboard alone for QUIET_MS, in an idle period. Asked at the first interaction itself (the
// focus of a field), the worker's fetch and compile of that module and V8's compiles of its code ran
// beside the first keys typed, and on a 2-core machine made a frame late (issue 21).
const QUIET_MS = 1000;
const WATCH = ['pointerdown', 'keydown', 'focusin', 'input'];
let interacted = false;
const waiting = [];
function afterFirstInteraction(run) {
  if (interacted) return run();
  waiting.push(run);
  if (waiting.length > 1) return;
  let timer = 0;
  const go = () => {
    timer = 0;
    interacted = true;
    for (const type of WATCH) removeEventListener(type, wait, true);
    for (const f of waiting.splice(0)) f();
  };
  const wait = () => { clearTimeout(timer); timer = setTimeout(() => { timer = -1; whenIdle(() => { if (timer === -1) go(); }, 1000); }, QUIET_MS); };
  for (const type of WATCH) addEventListener(type, wait, true);
}

/** HubSpot's install error for a tier that lacks scopes: the 2026 wording naming them, the older one beside it (data/hubspot-errors.json). */
function tierErrorPages(missing) {
  const now = h('p.error-message', { 'data-era': '2026' });
  const before = h('p.error-message', { 'data-era': 'older' });
  const fill = () => {
    now.textContent = wording('tier-lacks-scope', '2026', missing) || '';
    before.textContent = wording('tier-lacks-scope', 'older') || '';
  };
  fill();
  // The wordings come with the calls module (158 KB): fetched after the visitor's first interaction, once the
  // keys pause (afterFirstInteraction), never by the first visit itself (the example's preview shows an error page at load).
  if (!now.textContent) {
    now.textContent = 'HubSpot names the scopes this account lacks here.';
    alwaysNew(now); alwaysNew(before); // filled in later: the page must show these two, not older ones kept in their place
    afterFirstInteraction(() => whenWordings().then(fill));
  }
  const page = (label, message) => h('div.mock.error-page', { role: 'group', 'aria-label': `Error page mock-up, ${label}` },
    h('p.mock-brand', {}, 'HubSpot ', h('span.k', { text: `(${label})` })),
    h('h3', { text: 'Couldn\'t complete the connection' }), message);
  return h('div.error-pages', {}, page('since 2026', now), page('before 2026', before));
}

function errorPage(message) {
  return h('div.mock.error-page', { role: 'group', 'aria-label': 'Error page mock-up' },
    h('p.mock-brand', { text: 'HubSpot' }),
    h('h3', { text: 'Couldn\'t complete the connection' }),
    h('p.error-message', { text: message }));
}

/** A requested scope's kind in words: required, conditionally required or optional. */
export function kindOf(name, report) {
  const r = report.request || {};
  if ((r.optional || []).includes(name)) return 'optional';
  if ((r.conditional || []).includes(name)) return report.input && report.input.without_conditional ? 'conditionally required, left out' : 'conditionally required';
  return 'required';
}
