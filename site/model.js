// The account model the page shows: the catalog's tiers (lowest first), hubs, features and standard
// profiles, as the evaluator reports them (ts.catalog: docs/report.md "Account model"). Nothing here
// knows HubSpot's products. The site build writes the built-in catalog's model into index.html
// (the matrix table's data-model attribute, scripts/site/prerender.mjs), so the matrix and the
// custom account are on screen before the evaluator has loaded; the worker's answer replaces it.

export const model = { tiers: [], hubs: [], features: [], profiles: [], configurations: 0 };
const names = new Map();

/** Takes {tiers, hubs, features, profiles, configurations}; returns whether anything changed. */
export function setModel(m) {
  if (!m || !Array.isArray(m.hubs) || !Array.isArray(m.tiers) || !Array.isArray(m.profiles)) return false;
  const before = JSON.stringify(model);
  for (const key of ['tiers', 'hubs', 'features', 'profiles']) model[key] = Array.isArray(m[key]) ? m[key] : [];
  model.configurations = m.configurations || 0;
  names.clear();
  for (const key of ['tiers', 'hubs', 'features', 'profiles']) for (const x of model[key]) names.set(`${key}:${x.id}`, x.name);
  return JSON.stringify(model) !== before;
}

/** The model written into the built page, if any. */
export function pageModel(doc = document) {
  const el = doc.getElementById('matrix');
  if (!el || !el.dataset.model) return false;
  try { return setModel(JSON.parse(el.dataset.model)); } catch { return false; }
}

export const hubIds = () => model.hubs.map((x) => x.id);
/** The tiers HubSpot sells of a hub (ts.catalog hubs[].tiers; every tier when the model does not say). */
export const soldTiers = (hub) => model.tiers.filter((t) => !Array.isArray(hub.tiers) || hub.tiers.includes(t.id));
export const tierIds = () => model.tiers.map((x) => x.id);
export const featureIds = () => model.features.map((x) => x.id);
export const lowestTier = () => (model.tiers[0] ? model.tiers[0].id : 'free');
export const nameOf = (key, id) => names.get(`${key}:${id}`) || id;
export const profileName = (id) => names.get(`profiles:${id}`) || id;
/** The standard profile of one hub at one tier, or undefined. */
export const profileOf = (hub, tier) => model.profiles.find((p) => p.hub === hub && p.tier === tier);
/** The account restricted to the model: unknown hubs, tiers and features left out. */
export function accountInModel(account) {
  const hubs = {};
  for (const [hub, tier] of Object.entries(account.hubs || {})) if (hubIds().includes(hub) && tierIds().includes(tier)) hubs[hub] = tier;
  return { hubs, features: featureIds().filter((f) => (account.features || []).includes(f)) };
}

const hubShort = (name) => name.replace(/ Hub$/, '');

/**
 * Profile ids in words, summarised from the model: "Free", or "12 tiers: Professional and above
 * of Sales, Service, Content; Enterprise of Marketing".
 */
export function tierSummary(ids) {
  const profiles = ids.map((id) => model.profiles.find((p) => p.id === id) || { id, name: id, hub: null });
  if (profiles.length <= 3) return profiles.map((p) => p.name).join(', ');
  const paid = model.tiers.slice(1).map((t) => t.id);
  const tierName = (id) => (model.tiers.find((t) => t.id === id) || { name: id }).name;
  const byHub = new Map(); const single = [];
  for (const p of profiles) {
    if (p.hub && paid.includes(p.tier)) {
      if (!byHub.has(p.hub)) byHub.set(p.hub, []);
      byHub.get(p.hub).push(p.tier);
    } else single.push(p.name);
  }
  const groups = new Map(); // tiers in words → hub names
  for (const hub of model.hubs) {
    const tiers = byHub.get(hub.id);
    if (!tiers) continue;
    const idx = tiers.map((t) => paid.indexOf(t)).sort((a, b) => a - b);
    const suffix = idx[idx.length - 1] === paid.length - 1 && idx.every((v, i) => v === idx[0] + i);
    const words = suffix && idx.length > 1 ? `${tierName(paid[idx[0]])} and above` : idx.map((i) => tierName(paid[i])).join(' and ');
    if (!groups.has(words)) groups.set(words, []);
    groups.get(words).push(hubShort(hub.name));
  }
  const parts = [...single, ...[...groups].map(([words, hubs]) => `${words} of ${hubs.join(', ')}`)];
  return `${profiles.length} tiers: ${parts.join('; ')}`;
}

