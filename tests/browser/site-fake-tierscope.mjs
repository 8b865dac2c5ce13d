// TEST-ONLY stand-in for build-wasm/web/tierscope.mjs, used to develop the page before the real
// wasm module existed. Never shipped: scripts/build-site.sh copies the real module. It follows
// docs/report.md loosely (enough for the page); the browser tests run against the real build.
const HUBS = ['marketing', 'sales', 'service', 'content', 'data', 'commerce'];
const TIERS = ['free', 'starter', 'professional', 'enterprise'];
const FEATURES = ['website_addon', 'transactional_email_addon', 'business_units_addon', 'sensitive_data'];
const HUB_NAMES = { marketing: 'Marketing Hub', sales: 'Sales Hub', service: 'Service Hub', content: 'Content Hub', data: 'Data Hub', commerce: 'Commerce Hub' };
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function fail(code, message) { const e = new Error(message); e.code = code; return e; }

export async function createTierscope() {
  const cat = await (await fetch(new URL('./catalog.json', import.meta.url))).json();
  const byName = new Map(cat.scopes.map((s) => [s.name, s]));
  const words = (v) => (Array.isArray(v) ? v : String(v || '').split(/[\s,]+/)).filter(Boolean);

  function parse(text) {
    if (typeof text !== 'string') throw fail('parse-error', 'input must be a string');
    const t = text.trim();
    let format = 'list'; let req = { required: [], conditional: [], optional: [] }; let app_name = null; const diagnostics = [];
    if (/^https?:\/\//.test(t)) {
      format = 'install-url';
      const u = new URL(t);
      req.required = words(u.searchParams.get('scope'));
      req.optional = words(u.searchParams.get('optional_scope'));
    } else if (t.startsWith('{')) {
      let j; try { j = JSON.parse(t); } catch (e) { throw fail('parse-error', 'JSON: ' + e.message); }
      app_name = j.name || j.config?.name || null;
      if (j.config?.auth) { format = 'app-hsmeta'; const a = j.config.auth; req = { required: a.requiredScopes || [], conditional: a.conditionallyRequiredScopes || [], optional: a.optionalScopes || [] }; }
      else if (j.auth) { format = 'public-app'; const a = j.auth; req = { required: a.requiredScopes || [], conditional: a.conditionallyRequiredScopes || [], optional: a.optionalScopes || [] }; }
      else if (j.scopes) { format = 'private-app'; req.required = j.scopes; }
    } else {
      req.required = words(t);
    }
    return { format, app_name, request: req, diagnostics };
  }

  function scopeOk(s, acc) {
    const e = byName.get(s);
    if (!e || e.requires === null || e.requires === 'any') return true;
    return e.requires.some((alt) => alt.every((c) => {
      if (c.feature) return acc.features.includes(c.feature);
      const min = TIERS.indexOf(c.min_tier);
      if (c.hub === 'any') return HUBS.some((h) => TIERS.indexOf(acc.hubs[h] || 'free') >= min);
      return TIERS.indexOf(acc.hubs[c.hub] || 'free') >= min;
    }));
  }

  function evaluate(id, name, hub, tier, acc, rq, invalid) {
    const all = [...rq.required, ...rq.conditional, ...rq.optional];
    const missing = [...rq.required, ...rq.conditional].filter((s) => byName.has(s) && !scopeOk(s, acc)).sort();
    const unverified = all.filter((s) => byName.get(s)?.requires === null && !byName.get(s).deprecated).sort();
    let status = invalid ? 'invalid-scope' : missing.length ? 'permission-error' : unverified.length ? 'uncertain' : 'installs';
    const ok = status === 'installs' || status === 'uncertain';
    return { id, name, hub, tier, status, missing,
      granted: ok ? [...rq.required, ...rq.conditional, ...rq.optional.filter((s) => scopeOk(s, acc))].sort() : [],
      dropped: ok ? rq.optional.filter((s) => !scopeOk(s, acc)).sort() : [], unverified };
  }

  function check(input, options = {}) {
    let p;
    if (typeof input === 'string') p = parse(input);
    else p = { format: 'fields', app_name: null, request: { required: words(input.required), conditional: words(input.conditional), optional: words(input.optional) }, diagnostics: [] };
    const rq = { required: [...new Set(p.request.required)], conditional: options.withoutConditional ? [] : [...new Set(p.request.conditional)], optional: [...new Set(p.request.optional)] };
    if (p.format !== 'private-app' && !rq.required.includes('oauth')) rq.required.push('oauth');
    const diagnostics = [];
    let invalid = false;
    for (const s of [...rq.required, ...rq.conditional, ...rq.optional]) {
      const e = byName.get(s);
      if (!e) {
        invalid = true;
        const near = [...byName.keys()].filter((n) => n.replace(/s/g, '') === s.replace(/s/g, '')).slice(0, 1);
        diagnostics.push({ severity: 'error', code: 'unknown-scope', scope: s, message: `"${s}" is not a HubSpot scope.`, suggestion: near.length ? { action: 'replace', scopes: near } : null });
      } else if (e.retired_on) {
        invalid = true;
        diagnostics.push({ severity: 'error', code: 'retired-scope', scope: s, message: `"${s}" was removed by HubSpot on ${e.retired_on}.`, suggestion: { action: 'replace', scopes: e.replaced_by } });
      } else if (e.requires === null) {
        diagnostics.push({ severity: 'warning', code: 'undocumented-availability', scope: s, message: `HubSpot does not document which tiers have "${s}".`, suggestion: null });
      }
    }
    for (const k of Object.keys(rq)) rq[k].sort();
    const profiles = [evaluate('free', 'Free', null, 'free', { hubs: {}, features: [] }, rq, invalid)];
    for (const h of HUBS) for (const t of TIERS.slice(1)) profiles.push(evaluate(`${h}-${t}`, `${HUB_NAMES[h]} ${cap(t)}`, h, t, { hubs: { [h]: t }, features: [] }, rq, invalid));
    const by_hub = Object.fromEntries(HUBS.map((h) => [h, Object.fromEntries(TIERS.map((t) => [t, 0]))]));
    const by_feature = Object.fromEntries(FEATURES.map((f) => [f, { off: 0, on: 0 }]));
    let total = 0;
    const req = [...rq.required, ...rq.conditional];
    if (!invalid) {
      for (let i = 0; i < 65536; i++) {
        const acc = { hubs: {}, features: [] };
        HUBS.forEach((h, k) => { acc.hubs[h] = TIERS[(i >> (2 * k)) & 3]; });
        FEATURES.forEach((f, k) => { if ((i >> (12 + k)) & 1) acc.features.push(f); });
        if (req.every((s) => scopeOk(s, acc))) {
          total++;
          HUBS.forEach((h) => { by_hub[h][acc.hubs[h]]++; });
          FEATURES.forEach((f) => { by_feature[f][acc.features.includes(f) ? 'on' : 'off']++; });
        }
      }
    }
    const blockers = req.filter((s) => byName.has(s) && !profiles.every((pr) => scopeOk(s, { hubs: pr.hub ? { [pr.hub]: pr.tier } : {}, features: [] })));
    const suggestions = invalid || !blockers.length ? [] : [{ action: 'make-optional', scopes: blockers, unlocks: profiles.filter((x) => x.status === 'permission-error').map((x) => x.id), combinations: 65536 }];
    const report = {
      tool: { name: 'tierscope', version: '0.0.0-fake' }, catalog: { as_of: cat.as_of, scopes: cat.scopes.length },
      input: { format: p.format, app_name: p.app_name, host: null, account_id: null, without_conditional: !!options.withoutConditional },
      request: rq, diagnostics, profiles,
      coverage: { profiles: { installs: profiles.filter((x) => x.status === 'installs').length, uncertain: profiles.filter((x) => x.status === 'uncertain').length, total: 19 },
        combinations: { installs: total, total: 65536 }, by_hub, by_feature },
      suggestions, account: null,
    };
    if (options.account) report.account = evaluate('custom', 'Custom account', null, null, { hubs: options.account.hubs || {}, features: options.account.features || [] }, rq, invalid);
    return report;
  }

  return {
    version: '0.0.0-fake',
    catalog: { as_of: cat.as_of, scopes: cat.scopes.length },
    parse: (text) => { const p = parse(text); return { format: p.format, request: p.request, diagnostics: p.diagnostics }; },
    check,
    checkJson: (input, options) => JSON.stringify(check(input, options), null, 2),
    scopes: (filter = '') => cat.scopes.filter((s) => [s.name, s.area || '', s.tier_text || ''].join(' ').toLowerCase().includes(filter.toLowerCase()))
      .map((s) => ({ name: s.name, area: s.area, tier_text: s.tier_text, requires: s.requires, confidence: s.confidence, source: s.source, sensitive: s.sensitive, deprecated: s.deprecated, replaced_by: s.replaced_by,
        label: s.area || s.name, group: (s.name.startsWith('crm.') ? 'CRM' : (s.area || 'Other').split(' ')[0]) })),
    markdown: (r) => `# tierscope\n\nInstalls on ${r.coverage.profiles.installs} of 19 standard profiles.\n`,
  };
}
export default createTierscope;
