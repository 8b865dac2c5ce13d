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
