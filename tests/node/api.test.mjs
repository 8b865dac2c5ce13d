// The JS API of build-wasm/web/tierscope.mjs in node: loading, check/checkJson/parse/scopes/markdown,
// options, errors. Behavioural assertions rely on the real core and data/hubspot-scopes.json.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, PROFILE_IDS, importModule, thrown, tierscope } from './helpers.mjs';

const catalogFile = JSON.parse(readFileSync(join(ROOT, 'data', 'hubspot-scopes.json'), 'utf8'));
const profile = (report, id) => report.profiles.find((p) => p.id === id);


test('loads in node with no options', async () => {
  const { createTierscope } = await importModule();
  const ts = await createTierscope();
  assert.equal(typeof ts.check, 'function');
  assert.ok(Object.isFrozen(ts));
  const again = await createTierscope(); // independent second instance
  assert.notEqual(again, ts);
});

test('exports only createTierscope', async () => {
  const mod = await importModule();
  assert.deepEqual(Object.keys(mod).sort(), ['createTierscope']);
});

test('version and catalog', async () => {
  const ts = await tierscope();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'web', 'package.json'), 'utf8'));
  assert.equal(ts.version, pkg.version);
  assert.equal(ts.catalog.as_of, catalogFile.as_of);
  assert.equal(ts.catalog.scopes, catalogFile.scopes.length);
  // The account model, from the catalog file: each hub at a tier HubSpot sells of it (Revenue Hub: no
  // Starter), each feature on or off: 4^6 x 3 x 2^4 configurations; the file's profiles.
  assert.equal(ts.catalog.configurations, 196608);
  assert.equal(ts.catalog.configurations, catalogFile.hubs.reduce((n, h) => n * h.tiers.length, 2 ** catalogFile.features.length));
  assert.deepEqual(ts.catalog.hubs.map((h) => h.id), catalogFile.hubs.map((h) => h.id));
  assert.deepEqual(ts.catalog.hubs.map((h) => h.tiers), catalogFile.hubs.map((h) => h.tiers));
  assert.deepEqual(ts.catalog.hubs.find((h) => h.id === 'commerce').tiers, ['free', 'professional', 'enterprise']);
  assert.deepEqual(ts.catalog.tiers, catalogFile.tiers);
  assert.deepEqual(ts.catalog.features.map((f) => f.id), catalogFile.features.map((f) => f.id));
  assert.deepEqual(ts.catalog.profiles.map((p) => p.id), PROFILE_IDS);
  assert.deepEqual(ts.catalog.profiles[PROFILE_IDS.indexOf('smart_crm-enterprise')],
    { id: 'smart_crm-enterprise', name: 'Smart CRM Enterprise', hub: 'smart_crm', tier: 'enterprise' });
});

test('check(string): crm.objects.contacts.read installs on every standard profile', async () => {
  const ts = await tierscope();
  const r = ts.check('crm.objects.contacts.read');
  assert.deepEqual(r.tool, { name: 'tierscope', version: ts.version });
  assert.equal(r.input.format, 'list');
  assert.deepEqual(r.profiles.map((p) => p.id), PROFILE_IDS);
  for (const p of r.profiles) {
    assert.equal(p.status, 'installs', p.id);
    assert.deepEqual(p.missing, [], p.id);
    assert.ok(p.granted.includes('crm.objects.contacts.read'), p.id);
  }
  assert.deepEqual(r.coverage.profiles, { installs: PROFILE_IDS.length, uncertain: 0, total: PROFILE_IDS.length });
  assert.deepEqual(r.coverage.combinations, { installs: ts.catalog.configurations, disputed: 0, total: ts.catalog.configurations });
  assert.ok(r.request.required.includes('oauth'), 'oauth is added');
  assert.ok(r.diagnostics.some((d) => d.code === 'missing-oauth'));
  assert.equal(r.account, null);
});

test('check(string): automation gives permission-error on free, installs on Marketing Professional, uncertain where the sources disagree', async () => {
  const ts = await tierscope();
  const r = ts.check('oauth automation');
  const free = profile(r, 'free');
  assert.equal(free.status, 'permission-error');
  assert.deepEqual(free.missing, ['automation']);
  assert.deepEqual(free.granted, []);
  assert.equal(profile(r, 'marketing-starter').status, 'permission-error');
  assert.equal(profile(r, 'marketing-professional').status, 'installs');
  assert.equal(profile(r, 'marketing-enterprise').status, 'installs');
  // The 2023 docs table says Marketing Professional; HubSpot's Automation v4 spec, Professional of any hub.
  const sales = profile(r, 'sales-professional');
  assert.equal(sales.status, 'uncertain');
  assert.deepEqual(sales.disputed, ['automation']);
  assert.deepEqual(sales.missing, []);
  const warning = r.diagnostics.find((d) => d.code === 'sources-disagree' && d.scope === 'automation');
  assert.ok(warning && warning.severity === 'warning' && /Sales Hub Professional/.test(warning.message), JSON.stringify(r.diagnostics));
  assert.equal(r.coverage.combinations.total, ts.catalog.configurations);
  // Marketing or Smart CRM (launched after the 2023 table: the spec alone speaks of it) at Professional+: 3 in 4.
  assert.equal(r.coverage.combinations.installs, ts.catalog.configurations * 3 / 4);
  assert.ok(r.coverage.combinations.disputed > 0);
  assert.equal(r.coverage.by_hub.marketing.free, ts.catalog.configurations / 8);  // Smart CRM Professional+ only: half of marketing free's quarter
  assert.equal(r.coverage.by_hub.marketing.professional, ts.catalog.configurations / 4);
  // Making it optional would unlock every profile.
  const s = r.suggestions.find((x) => x.action === 'make-optional');
  assert.ok(s && s.scopes.includes('automation') && s.unlocks.includes('free'), JSON.stringify(r.suggestions));
});

test('check(string): every input format is detected', async () => {
  const ts = await tierscope();
  const cases = {
    list: 'oauth, crm.objects.contacts.read\nautomation',
    'install-url': 'https://app-eu1.hubspot.com/oauth/authorize?client_id=x&scope=oauth%20automation&optional_scope=content',
    'app-hsmeta': JSON.stringify({ config: { name: 'Meta', auth: { type: 'oauth', requiredScopes: ['oauth'], optionalScopes: ['automation'], conditionallyRequiredScopes: [] } } }),
    'public-app': JSON.stringify({ name: 'Pub', auth: { requiredScopes: ['oauth', 'automation'], optionalScopes: [] } }),
    'private-app': JSON.stringify({ name: 'Priv', scopes: ['automation'] }),
  };
  for (const [format, text] of Object.entries(cases)) assert.equal(ts.check(text).input.format, format, format);
  const url = ts.check(cases['install-url']);
  assert.equal(url.input.host, 'app-eu1.hubspot.com');
  assert.deepEqual(url.request.optional, ['content']);
  assert.equal(ts.check(cases['app-hsmeta']).input.app_name, 'Meta');
  const pinned = ts.check('https://app.hubspot.com/oauth/123456/authorize?scope=oauth');
  assert.equal(pinned.input.account_id, '123456');
});

test('check(object): fields, arrays and strings give the same request', async () => {
  const ts = await tierscope();
  const a = ts.check({ required: ['oauth', 'crm.objects.contacts.read'], conditional: ['automation'], optional: ['content'] });
  const b = ts.check({ required: 'oauth crm.objects.contacts.read', conditional: 'automation', optional: 'content' });
  assert.equal(a.input.format, 'list');
  assert.deepEqual(a.request, { required: ['crm.objects.contacts.read', 'oauth'], conditional: ['automation'], optional: ['content'] });
  assert.deepEqual(a, b);
  assert.equal(profile(a, 'free').status, 'permission-error', 'a conditional scope counts as required');
  const withUrl = ts.check({ url: 'https://app.hubspot.com/oauth/authorize?scope=oauth%20automation' });
  assert.ok(withUrl.request.required.includes('automation'));
  assert.equal(withUrl.input.format, 'install-url');
  assert.equal(thrown(() => ts.check({ requried: ['oauth'] })).code, 'parse-error', 'unknown field names are rejected');
});

test('check(bytes) equals check(string)', async () => {
  const ts = await tierscope();
  const text = 'oauth automation crm.objects.contacts.read';
  const bytes = new TextEncoder().encode(text);
  assert.equal(ts.checkJson(bytes), ts.checkJson(text));
  assert.equal(ts.checkJson(bytes.buffer), ts.checkJson(text));
  assert.equal(ts.checkJson(Buffer.from(text)), ts.checkJson(text));
});

test('checkJson is the exact JSON text of check', async () => {
  const ts = await tierscope();
  const json = ts.checkJson('oauth automation');
  assert.equal(json, JSON.stringify(ts.check('oauth automation'), null, 2));
  assert.ok(!json.endsWith('\n'));
  assert.ok(json.startsWith('{\n  "schema_version": 1,\n  "tool": {'));
});

test('options: withoutConditional, account, profiles', async () => {
  const ts = await tierscope();
  const input = { required: ['oauth'], conditional: ['automation'] };
  const plain = ts.check(input);
  const without = ts.check(input, { withoutConditional: true });
  assert.equal(plain.input.without_conditional, false);
  assert.equal(without.input.without_conditional, true);
  assert.equal(profile(plain, 'free').status, 'permission-error');
  assert.equal(profile(without, 'free').status, 'installs');

  const acct = ts.check('oauth automation', { account: { hubs: { marketing: 'professional' }, features: [] } });
  assert.equal(acct.account.id, 'custom');
  assert.equal(acct.account.status, 'installs');
  const freeAcct = ts.check('oauth automation', { account: { hubs: {} } });
  assert.equal(freeAcct.account.status, 'permission-error');

  const some = ts.check('oauth automation', { profiles: ['free', 'marketing-professional'] });
  assert.deepEqual(some.profiles.map((p) => p.id), ['free', 'marketing-professional']);

  // The same options as a JSON string are accepted too.
  assert.equal(ts.checkJson(input, '{"withoutConditional": true}'), ts.checkJson(input, { withoutConditional: true }));

  // lean: the same report without the granted lists.
  const full = ts.check('oauth automation'), lean = ts.check('oauth automation', { lean: true });
  assert.ok(full.profiles.some((p) => p.granted.length > 0));
  assert.ok(lean.profiles.every((p) => !('granted' in p)));
  assert.deepEqual(lean, { ...full, profiles: full.profiles.map(({ granted, ...rest }) => rest) });
});

test('options: bad options throw bad-options', async () => {
  const ts = await tierscope();
  for (const bad of [{ profiles: ['no-such-profile'] }, { account: { hubs: { marketing: 'platinum' } } }, { withoutConditional: 'yes' }]) {
    const e = thrown(() => ts.check('oauth', bad));
    assert.ok(e instanceof Error, JSON.stringify(bad));
    assert.equal(e.code, 'bad-options', JSON.stringify(bad));
    assert.ok(e.message.length > 0);
  }
});

test('hub aliases in an account: HubSpot’s own keys and new names (issue 24 item 7)', async () => {
  const ts = await tierscope();
  const pairs = { revenue: 'commerce', commerce: 'commerce', commerceHub: 'commerce', crm: 'smart_crm', crmHub: 'smart_crm',
    cms: 'content', dataHub: 'data', ops: 'data' };
  for (const [key, hub] of Object.entries(pairs)) {
    const r = ts.check('oauth', { account: { hubs: { [key]: 'enterprise' } } });
    assert.equal(r.account.account.hubs[hub], 'enterprise', key);
  }
  const e = thrown(() => ts.check('oauth', { account: { hubs: { gold: 'enterprise' } } }));
  assert.equal(e.code, 'bad-options');
  assert.match(e.message, /unknown hub "gold" \(.*commerce or revenue\/commerceHub, smart_crm or crm\/crmHub\)/);
});

test('a tier HubSpot does not sell: no Revenue Hub Starter profile, account or count (issue 24 item 10)', async () => {
  const ts = await tierscope();
  const why = 'HubSpot sells no Starter tier of Revenue Hub (formerly Commerce Hub); its tiers: free, professional, enterprise';
  const p = thrown(() => ts.check('oauth', { profiles: ['commerce-starter'] }));
  assert.equal(p.code, 'bad-options');
  assert.equal(p.message, `options: profiles: no profile "commerce-starter": ${why}`);
  for (const hub of ['commerce', 'revenue']) {
    const a = thrown(() => ts.check('oauth', { account: { hubs: { [hub]: 'starter' } } }));
    assert.equal(a.code, 'bad-options');
    assert.equal(a.message, `options: account.hubs.${hub}: ${why}`);
  }
  assert.ok(!ts.catalog.profiles.some((x) => x.id === 'commerce-starter'));
  const r = ts.check('oauth automation');
  assert.ok(!r.profiles.some((x) => x.id === 'commerce-starter'));
  assert.deepEqual(Object.keys(r.coverage.by_hub.commerce), ['free', 'professional', 'enterprise']);
  assert.deepEqual(Object.keys(r.coverage.by_hub.sales), ['free', 'starter', 'professional', 'enterprise']);
  // every commerce level in the verify plans is one hs offers
  for (const v of r.verify) if (v.hs_test_account) assert.notEqual(v.hs_test_account.commerceLevel, 'STARTER', v.profile);
});

test('parse', async () => {
  const ts = await tierscope();
  const p = ts.parse('settings.users.team.write oauth oauth');
  for (const key of ['format', 'request', 'diagnostics']) assert.ok(key in p, key);
  assert.equal(p.format, 'list');
  assert.deepEqual(p.request.required, ['oauth', 'settings.users.teams.write']);
  assert.ok(p.diagnostics.some((d) => d.code === 'alias' && d.scope === 'settings.users.team.write'));
  assert.ok(p.diagnostics.some((d) => d.code === 'duplicate-scope'));
  const typo = ts.parse('crm.object.contacts.read');
  const d = typo.diagnostics.find((x) => x.code === 'unknown-scope');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.suggestion, { action: 'replace', scopes: ['crm.objects.contacts.read'] });
  const retired = ts.parse('contacts').diagnostics.find((x) => x.code === 'retired-scope');
  assert.ok(retired && retired.suggestion.action === 'replace' && retired.suggestion.scopes.length > 0);
  assert.equal(ts.parse(JSON.stringify({ scopes: ['oauth'] })).format, 'private-app');
});

test('scopes(filter)', async () => {
  const ts = await tierscope();
  const all = ts.scopes();
  assert.equal(all.length, catalogFile.scopes.length);
  assert.deepEqual(ts.scopes(''), all);
  for (const key of ['name', 'area', 'tier_text', 'requires', 'requires_any_source', 'confidence', 'evidence', 'sensitive', 'deprecated', 'replaced_by']) {
    assert.ok(key in all[0], key);
  }
  // Every piece of evidence of the file, with its link, through the compacted copy inside the module.
  for (const s of all) {
    const file = catalogFile.scopes.find((x) => x.name === s.name);
    assert.deepEqual(s.evidence, file.evidence, s.name);
    assert.deepEqual(s.requires_any_source, 'requires_any_source' in file ? file.requires_any_source : file.requires, s.name);
    assert.ok(['observed', 'docs-table', 'docs-guide', 'api-spec', 'docs-text', 'secondary', 'unverified'].includes(s.confidence), s.name);
  }
  const contacts = ts.scopes('CONTACTS');
  assert.ok(contacts.length > 3 && contacts.length < all.length);
  for (const s of contacts) assert.match(`${s.name} ${s.area} ${s.tier_text}`, /contacts/i);
  assert.ok(contacts.some((s) => s.name === 'crm.objects.contacts.read'));
  assert.deepEqual(ts.scopes('no scope has this text'), []);
  const auto = all.find((s) => s.name === 'automation');
  assert.deepEqual(auto.requires, catalogFile.scopes.find((s) => s.name === 'automation').requires);
});

const CONFIG = JSON.stringify({ config: { name: 'Demo', auth: { type: 'oauth', requiredScopes: ['oauth', 'automation'], optionalScopes: ['content'] } } });

test('checkPair: an app config and its install URL', async () => {
  const ts = await tierscope();
  const good = ts.checkPair(CONFIG, 'https://app.hubspot.com/oauth/authorize?client_id=x&scope=oauth%20automation&optional_scope=content');
  assert.equal(good.url_check.ok, true);
  assert.deepEqual(good.url_check.rules_failed, []);
  assert.equal(good.profiles.find((p) => p.id === 'marketing-professional').status, 'installs');
  const short = ts.checkPair(CONFIG, 'https://app.hubspot.com/oauth/authorize?client_id=x&scope=oauth&optional_scope=content');
  assert.equal(short.url_check.ok, false);
  assert.deepEqual(short.url_check.rules_failed, [1]);
  assert.match(short.url_check.fixed_url, /scope=oauth%20automation/);
  for (const p of short.profiles) assert.equal(p.status, 'insufficient-scopes', p.id);
  assert.ok(short.diagnostics.some((d) => d.code === 'url-config-mismatch'));
  const commas = ts.checkPair(CONFIG, 'https://app.hubspot.com/oauth/authorize?scope=oauth,automation&optional_scope=content');
  assert.ok(commas.diagnostics.some((d) => d.code === 'comma-separated'));
  assert.equal(ts.checkPairJson(CONFIG, 'https://app.hubspot.com/oauth/authorize?scope=oauth'), JSON.stringify(ts.checkPair(CONFIG, 'https://app.hubspot.com/oauth/authorize?scope=oauth'), null, 2));
  assert.equal(ts.check('oauth').url_check, null);
});

test('buildUrls, migrate, diff', async () => {
  const ts = await tierscope();
  const built = ts.buildUrls(CONFIG, { clientId: 'abc', redirectUri: 'https://example.com/cb', eu: true });
  assert.equal(built.app_name, 'Demo');
  assert.ok(built.urls.length >= 1);
  const url = new URL(built.urls[0].url);
  assert.equal(url.host, 'app-eu1.hubspot.com');
  assert.equal(url.searchParams.get('client_id'), 'abc');
  assert.equal(url.searchParams.get('redirect_uri'), 'https://example.com/cb');
  assert.equal(url.searchParams.get('scope'), 'oauth automation');
  assert.equal(url.searchParams.get('optional_scope'), 'content');

  const m = ts.migrate('contacts');
  assert.equal(m.scopes[0].scope, 'contacts');
  assert.ok(m.scopes[0].replaced_by.includes('crm.objects.contacts.read'));
  assert.ok(m.migrated.required.includes('crm.objects.contacts.read'));

  const d = ts.diff('oauth crm.objects.contacts.read', 'oauth crm.objects.contacts.read automation');
  assert.deepEqual(d.added.required, ['automation']);
  assert.equal(d.reauthorize, true);
  const free = d.profiles.find((p) => p.id === 'free');
  assert.equal(free.before, 'installs');
  assert.equal(free.after, 'permission-error');
  assert.equal(thrown(() => ts.diff('oauth', '{"scopes": [')).code, 'parse-error');
});

test('markdown(report)', async () => {
  const ts = await tierscope();
  const report = ts.check('oauth automation');
  const md = ts.markdown(report);
  assert.equal(typeof md, 'string');
  assert.match(md, /automation/);
  assert.match(md, /free/i);
  assert.equal(ts.markdown(ts.checkJson('oauth automation')), md, 'object and JSON text give the same Markdown');
  const e = thrown(() => ts.markdown('{"not": "a report"'));
  assert.ok(e instanceof Error && typeof e.code == 'string');
  assert.ok(thrown(() => ts.markdown(undefined)) instanceof TypeError);
});

test('errors: unreadable input throws an Error with message and code; the next call works', async () => {
  const ts = await tierscope();
  const cases = [
    ['{"scopes": [', 'parse-error', /line \d+/i],
    [new Uint8Array([0x6f, 0x61, 0x00, 0x75]), 'parse-error', /\b2\b/],
    [new Uint8Array([0x6f, 0x61, 0xff, 0x75]), 'parse-error', /\b2\b/],
    ['['.repeat(5000), 'parse-error', /./],
    ['oauth' + ' '.repeat(1024 * 1024), 'input-too-large', /./],
  ];
  for (const [input, code, where] of cases) {
    const e = thrown(() => ts.check(input));
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    assert.equal(e.code, code, e.message);
    assert.ok(!e.message.startsWith('tierscope: '), e.message);
    assert.match(e.message, where);
    assert.ok(!/^\d+$/.test(e.message), 'not a bare number');
    // The instance still works after the error.
    assert.equal(profile(ts.check('crm.objects.contacts.read'), 'free').status, 'installs');
  }
  const p = thrown(() => ts.parse('{"scopes": ['));
  assert.equal(p.code, 'parse-error');
});

test('errors: wrong argument types throw TypeError with a code', async () => {
  const ts = await tierscope();
  for (const bad of [undefined, null, 42, true]) {
    const e = thrown(() => ts.check(bad));
    assert.ok(e instanceof TypeError, String(bad));
    assert.equal(e.code, 'parse-error');
  }
  assert.ok(thrown(() => ts.parse(42)) instanceof TypeError);
  assert.ok(thrown(() => ts.scopes(42)) instanceof TypeError);
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(thrown(() => ts.check(cyclic)).code, 'parse-error');
  assert.equal(profile(ts.check('oauth'), 'free').status, 'installs');
});

test('results are fresh plain objects', async () => {
  const ts = await tierscope();
  const a = ts.check('oauth');
  a.profiles.length = 0;
  assert.equal(ts.check('oauth').profiles.length, PROFILE_IDS.length);
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
});
