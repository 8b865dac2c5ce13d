// The scope catalog browser: search by name, area or tier text.
import { h, replaceChildren } from './dom.js';

const LIMIT = 30;
export const CONFIDENCE = {
  documented: 'A row of HubSpot\'s developer-docs scope table.',
  'documented-name': 'The name is in HubSpot\'s API reference; the tier is inferred from the sensitive-data docs.',
  secondary: 'The tier comes from a third-party rewrite of the current docs.',
  unverified: 'The name is seen in HubSpot\'s API spec or real apps, but no tier is documented.',
};

function safeHref(url) {
  return /^https:\/\//.test(url || '') ? url : null;
}

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
  replaceChildren(root.querySelector('#catalog-list'), list.slice(0, LIMIT).map((s) => {
    const href = safeHref(s.source);
    return h('li.scope', {},
      h('div.scope-head', {}, h('code.scope-name', { text: s.name }), ' ',
        h(`span.badge.conf-${s.confidence}`, { title: CONFIDENCE[s.confidence] || '', text: s.confidence }),
        s.sensitive ? h('span.badge.flag', { text: 'sensitive data' }) : '',
        s.deprecated ? h('span.badge.flag', { text: s.replaced_by && s.replaced_by.length ? 'removed' : 'deprecated' }) : ''),
      h('p.scope-area', { text: s.label && s.label !== s.area ? `${s.label} — ${s.area}` : (s.area || '') }),
      h('p.scope-tier', {}, h('span.k', { text: 'Tier: ' }), s.tier_text || 'not documented'),
      s.replaced_by && s.replaced_by.length ? h('p.scope-tier', {}, h('span.k', { text: 'Replaced by: ' }), s.replaced_by.join(' ')) : '',
      href ? h('p.scope-source', {}, h('a', { href, rel: 'noopener noreferrer', text: 'Source' }), h('span.sr-only', { text: ` for ${s.name}` })) : '');
  }));
}
