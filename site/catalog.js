// The scope catalog browser: search by name, area or tier text; every scope with its evidence (who
// says which tier, with the link) and whether the sources disagree.
import { h, replaceChildren } from './dom.js';
import { nameOf, model } from './model.js';

const LIMIT = 30;
// Confidence = the strongest kind of evidence that decides the tier (docs/report.md).
export const CONFIDENCE = {
  'docs-table': 'The tier is stated by a row of HubSpot\'s developer-docs scope table.',
  'api-spec': 'The tier is stated by a stable (non-beta) API file of HubSpot\'s spec that accepts this scope.',
  'docs-text': 'The tier is stated by other HubSpot docs or changelog text.',
  secondary: 'The tier comes only from a secondary source: HubSpot\'s own docs and spec state none.',
  unverified: 'No source decides a tier: HubSpot documents none. Never invented.',
};
export const KIND = { 'docs-table': 'HubSpot docs table', 'api-spec': 'HubSpot API spec', 'docs-text': 'HubSpot docs text', secondary: 'secondary source' };

function safeHref(url) {
  return /^https:\/\/[^\s"<>]+$/.test(url || '') ? url : null;
}

/** A requirement of the catalog ("any", null or alternatives of conditions) in words. */
export function requirementText(req) {
  if (req === null || req === undefined) return 'no tier stated';
  if (req === 'any') return 'every account';
  if (!Array.isArray(req)) return String(req);
  const top = model.tiers.length ? model.tiers[model.tiers.length - 1].id : '';
  return req.map((alt) => alt.map((c) => {
    if (c.feature) return nameOf('features', c.feature);
    const tier = nameOf('tiers', c.min_tier) + (c.min_tier === top ? '' : ' or higher');
    return c.hub === 'any' ? `${tier} of any hub` : `${nameOf('hubs', c.hub)} ${tier}`;
  }).join(' with ')).join(', or ');
}

/** The evidence of one catalog entry: source, kind, date, what it says, its note and its link. */
export function evidenceList(entry) {
  const items = (entry.evidence || []).map((e) => {
    const href = safeHref(e.url);
    return h(`li.evidence${e.decides ? '' : '.not-deciding'}`, {},
      h('span.ev-source', { text: e.source }), ' ',
      h('span.badge.kind', { text: KIND[e.kind] || e.kind }),
      e.as_of ? h('span.ev-date', { text: ` (${e.as_of})` }) : '',
      e.decides ? '' : h('span.ev-flag', { text: ' · does not decide' }),
      ': ', h('span.ev-says', { text: requirementText(e.requires) }),
      e.note ? h('span.ev-note', { text: ` — ${e.note}` }) : '',
      href ? [' ', h('a', { href, rel: 'noopener noreferrer', target: '_blank', text: 'link' }), h('span.sr-only', { text: ` to ${e.source}` })] : '');
  });
  return items.length ? h('ul.evidence-list', { 'aria-label': `Evidence for ${entry.name}` }, items) : '';
}

/** Whether the deciding sources disagree on an entry (its lenient requirement is not its strict one). */
export function disputed(entry) {
  return JSON.stringify(entry.requires_any_source) !== JSON.stringify(entry.requires);
}

/** How many statements decide an entry's tier: one cannot disagree with itself (it predates a product). */
const deciding = (entry) => (entry.evidence || []).filter((e) => e.decides).length;

let asked = 0;

/** Lists the scopes matching query; ts answers with promises (the newest search wins). */
export async function renderCatalog(root, ts, query) {
  let list;
  const mine = ++asked;
  try { list = await ts.scopes(query.trim()); } catch { list = []; }
  if (mine !== asked) return;
  const count = root.querySelector('#catalog-count');
  count.textContent = list.length > LIMIT
    ? `${list.length} scopes match; showing the first ${LIMIT}. Refine the search to see more.`
    : `${list.length} ${list.length === 1 ? 'scope matches' : 'scopes match'}.`;
  replaceChildren(root.querySelector('#catalog-list'), list.slice(0, LIMIT).map((s) => h('li.scope', { 'data-scope': s.name },
    h('div.scope-head', {}, h('code.scope-name', { text: s.name }), ' ',
      h(`span.badge.conf-${s.confidence}`, { title: CONFIDENCE[s.confidence] || '', text: s.confidence }),
      disputed(s) ? h('span.badge.disputed', { text: deciding(s) === 1 ? 'not every account documented' : 'sources disagree' }) : '',
      s.sensitive ? h('span.badge.flag', { text: 'sensitive data' }) : '',
      s.deprecated ? h('span.badge.flag', { text: s.replaced_by && s.replaced_by.length ? 'removed' : 'deprecated' }) : ''),
    h('p.scope-area', { text: [s.label, s.area].filter((x, i, a) => x && a.indexOf(x) === i).join(' — ') }),
    h('p.scope-tier', {}, h('span.k', { text: 'Tier: ' }), Array.isArray(s.requires) || s.requires === 'any' ? requirementText(s.requires) : s.tier_text || 'not documented'),
    disputed(s) ? h('p.scope-tier', {}, h('span.k', { text: 'Surely with: ' }), requirementText(s.requires),
      h('span.k', { text: ' · at least one source: ' }), requirementText(s.requires_any_source)) : '',
    s.replaced_by && s.replaced_by.length ? h('p.scope-tier', {}, h('span.k', { text: 'Replaced by: ' }), s.replaced_by.join(' ')) : '',
    evidenceList(s))));
}
