// Parity corpus: a deterministic (fixed-seed) list of inputs for tests/node/parity.test.mjs.
// Every case is compared between the native CLI and the wasm module. Dump it for debugging with
//   node tests/parity/corpus.mjs [out-dir]      (one file per case + index.json)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED = 20261128;

// mulberry32: small, fast, deterministic.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Returns {text: [...], fields: [...]}.
 * text case:   {id, name, input: Buffer, options?: {withoutConditional: true}, cliArgs: [...]}
 *              CLI: tierscope check --format json ...cliArgs -  (input on stdin)
 * fields case: {id, name, fields: {required?, conditional?, optional?}, options?, cliArgs: [...]}
 *              CLI: tierscope check --format json ...cliArgs   (no stdin)
 * command case: {id, name, files: {name: Buffer}, cliArgs, method, args}: CLI `tierscope ...cliArgs`
 *              and ts[method](...args), where '@name' stands for the file (its path / its text).
 */
export function buildCorpus() {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'data', 'hubspot-scopes.json'), 'utf8'));
  const names = catalog.scopes.map((s) => s.name);
  const aliases = Object.keys(catalog.aliases || {});
  const variants = catalog.scopes.flatMap((s) => s.name_variants || []);
  const retired = catalog.scopes.filter((s) => s.deprecated || (s.replaced_by || []).length).map((s) => s.name);
  const undocumented = catalog.scopes.filter((s) => s.requires === null).map((s) => s.name);
  const rand = rng(SEED);
  const int = (n) => Math.floor(rand() * n);
  const pick = (arr) => arr[int(arr.length)];
  const sample = (arr, n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(pick(arr));
    return [...new Set(out)];
  };
  const text = [];
  const fields = [];
  const addText = (name, input, extra = {}) => {
    text.push({ id: `t${String(text.length).padStart(3, '0')}`, name, input: Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8'), cliArgs: [], ...extra });
  };
  const typo = (s) => {
    const i = 1 + int(Math.max(1, s.length - 2));
    switch (int(4)) {
      case 0: return s.slice(0, i) + s.slice(i + 1); // drop a char
      case 1: return s.slice(0, i) + s[i] + s.slice(i); // double a char
      case 2: return s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1); // swap two
      default: return s.toUpperCase();
    }
  };
  const seps = [' ', ',', ', ', '\n', '\r\n', '%20', '+', '\t', ' ,\n', ';'];
  const joinWith = (arr) => {
    const sep = pick(seps);
    return arr.join(sep);
  };
  const randomSet = (max = 12) => sample(names, 1 + int(max));
  const mix = () => {
    // required / conditional / optional from the catalog, sometimes with aliases and bad names mixed in
    const req = randomSet(8);
    const cond = rand() < 0.4 ? randomSet(3) : [];
    const opt = rand() < 0.6 ? randomSet(5) : [];
    if (rand() < 0.15) req.push(pick(aliases));
    if (rand() < 0.1) opt.push(typo(pick(names)));
    if (rand() < 0.1) req.push(pick(retired));
    if (rand() < 0.3) req.push('oauth');
    return { req, cond, opt };
  };

  // 1. Plain lists: random sets with every separator.
  for (let i = 0; i < 50; i++) {
    const set = randomSet(15);
    let s = joinWith(set);
    if (rand() < 0.2) s = '  ' + s + '\n';
    addText(`list: ${set.length} random scopes`, s);
  }
  for (const sep of seps) addText(`list: separator ${JSON.stringify(sep)}`, ['oauth', 'crm.objects.contacts.read', 'automation', 'content'].join(sep));
  addText('list: one scope', 'crm.objects.contacts.read');
  addText('list: automation', 'automation');
  addText('list: oauth only', 'oauth');
  addText('list: every catalog scope', names.join(' '));
  addText('list: every undocumented scope', undocumented.join('\n'));
  addText('list: quoted, JSON-ish array text', '["oauth", "crm.objects.contacts.read"]');
  addText('list: trailing separators', 'oauth,,crm.objects.contacts.read,, ,');

  // 2. Install URLs.
  const urlHosts = ['https://app.hubspot.com', 'https://app-eu1.hubspot.com', 'https://example.com', 'http://app.hubspot.com'];
  const urlPaths = ['/oauth/authorize', '/oauth/12345678/authorize', '/oauth/authorize/', '/some/other/path'];
  for (let i = 0; i < 40; i++) {
    const { req, cond, opt } = mix();
    const host = i < 20 ? urlHosts[i % 2] : pick(urlHosts);
    const path = i < 12 ? urlPaths[i % 2] : pick(urlPaths);
    const enc = (arr) => arr.map(encodeURIComponent).join(pick(['%20', '+', '%20', ' ']));
    let q = `client_id=0f1e2d3c-aaaa-bbbb-cccc-${String(i).padStart(12, '0')}&redirect_uri=${encodeURIComponent('https://example.com/oauth/callback?x=1')}`;
    q += `&scope=${enc(req.concat(cond))}`;
    if (opt.length) q += `&optional_scope=${enc(opt)}`;
    if (rand() < 0.2) q += '&state=abc%3D%3D';
    addText(`install-url: ${host}${path}`, `${host}${path}?${q}${rand() < 0.1 ? '#frag' : ''}`);
  }
  addText('install-url: no scope parameter', 'https://app.hubspot.com/oauth/authorize?client_id=x&redirect_uri=https%3A%2F%2Fexample.com');
  addText('install-url: empty scope', 'https://app.hubspot.com/oauth/authorize?client_id=x&scope=');
  addText('install-url: bad percent escape', 'https://app.hubspot.com/oauth/authorize?scope=oauth%2Gcrm.objects.contacts.read%');
  // URL templates (placeholders outside scope are read; inside scope they are placeholder-in-scope).
  const authz = 'https://app.hubspot.com/oauth/authorize?';
  for (const u of [
    'client_id={{{ client_id }}}&redirect_uri={{{ redirect_uri }}}&scope=oauth%20crm.objects.contacts.read&state={{{ state }}}',
    'client_id={{client_id}}&redirect_uri={{redirect_uri}}&scope={{scope}}',
    'client_id=<YOUR_CLIENT_ID>&scope=<YOUR_SCOPES>&redirect_uri=<YOUR_REDIRECT_URI>',
    'client_id=${CLIENT_ID}&redirect_uri=http://localhost:3000/cb&scope=oauth%20tickets&optional_scope=automation%20${EXTRA}',
    'client_id=%7Bclient_id%7D&scope=oauth+forms&redirect_uri=%7Bredirect_uri%7D',
    'client_id=YOUR_CLIENT_ID&redirect_uri=YOUR_REDIRECT_URI&scope=crm.objects.contacts.read%20YOUR_SCOPES',
    '{{ client_id_key }}={{ client_id_value }}&{{ scope_key }}={{ scope_value | urlencode }}&optional_scope={{ optional_scope | urlencode }}',
    'client_id={{ id }}&scope=oauth crm.objects.contacts.read',
  ]) addText(`install-url template: ${u.slice(0, 40)}`, authz + u);
  addText('install-url template: placeholder account id', 'https://app.hubspot.com/oauth/{portalId}/authorize?client_id={client_id}&scope=oauth');
  addText('install-url: with whitespace around', '\n  https://app-eu1.hubspot.com/oauth/authorize?scope=oauth+automation  \n');

  // 3. Configs.
  const hsmeta = (req, cond, opt, type = 'oauth', extra = {}) => JSON.stringify({
    uid: 'my_app', type: 'app',
    config: { description: 'x', name: `App ${text.length}`, distribution: 'marketplace',
      auth: { type, redirectUrls: ['http://localhost:3000/oauth-callback'], requiredScopes: req, optionalScopes: opt, conditionallyRequiredScopes: cond }, ...extra },
  }, null, pick([0, 2, '\t']));
  const publicApp = (req, cond, opt) => JSON.stringify({
    name: `Public ${text.length}`, description: '', uid: 'p',
    auth: { redirectUrls: ['https://example.com/cb'], requiredScopes: req, optionalScopes: opt, conditionallyRequiredScopes: cond },
  }, null, pick([0, 2]));
  const privateApp = (req) => JSON.stringify({ name: `Private ${text.length}`, uid: 'q', scopes: req, public: false }, null, pick([0, 2]));
  for (let i = 0; i < 30; i++) {
    const { req, cond, opt } = mix();
    addText('app-hsmeta.json', hsmeta(req, cond, opt));
  }
  addText('app-hsmeta.json: static auth with optional scopes', hsmeta(['oauth', 'crm.objects.contacts.read'], [], ['automation'], 'static'));
  addText('app-hsmeta.json: static auth, required only', hsmeta(['crm.objects.contacts.read'], [], [], 'static'));
  addText('app-hsmeta.json: no auth', JSON.stringify({ uid: 'a', type: 'app', config: { name: 'NoAuth' } }));
  addText('app-hsmeta.json: scopes not arrays', JSON.stringify({ config: { auth: { requiredScopes: 'oauth automation', optionalScopes: 5 } } }));
  for (let i = 0; i < 20; i++) {
    const { req, cond, opt } = mix();
    addText('public-app.json', publicApp(req, cond, opt));
  }
  for (let i = 0; i < 15; i++) addText('private app.json', privateApp(mix().req));
  addText('private app.json: empty scopes', privateApp([]));
  addText('conflicting keys: scopes + requiredScopes', JSON.stringify({ name: 'P', scopes: ['oauth', 'tickets'], requiredScopes: ['tickets', 'automation'] }));
  addText('conflicting keys: auth.scopes + top-level scopes', JSON.stringify({ name: 'Q', scopes: ['oauth'], auth: { requiredScopes: ['oauth', 'forms'], scopes: 'oauth forms' } }));
  addText('conflicting keys: config.auth + auth', JSON.stringify({ config: { auth: { type: 'static', requiredScopes: ['tickets'], scopes: ['automation'] } }, auth: { requiredScopes: ['x'] } }));
  addText('private app.json: numbers in scopes', JSON.stringify({ scopes: ['oauth', 1, null, true, { a: 1 }] }));

  // 4. Edge cases.
  for (let i = 0; i < 12; i++) addText('typo', [typo(pick(names)), 'oauth'].join(' '));
  addText('typo: crm.object.contacts.read', 'crm.object.contacts.read');
  addText('typo: uppercase', 'CRM.OBJECTS.CONTACTS.READ oauth');
  // Did-you-mean by scope grammar (docs/report.md): sure fixes, no-fix cases, guesses in words.
  for (const n of ['crm.objects.tickets.read', 'crm.objects.tickets.write', 'crm.schemas.line_items.write',
    'crm.objects.line_items.sensitive.read', 'crm.objects.contacts.read_write', 'crm.objects.contcts.read',
    'crm.objects.widgets.read', 'crm.contacts.read', 'tickets.sensitve', 'ecommerce', 'workflows', 'crm.lists',
    'crm.objects.companies.highly-sensitive.write.v2', 'files.raed contacts.read automaton']) addText(`did-you-mean: ${n}`, `oauth ${n}`);
  addText('retired: contacts', 'contacts');
  addText('retired: contacts + reports', 'oauth contacts reports');
  for (const a of aliases) addText(`alias: ${a}`, `oauth ${a}`);
  for (const v of variants.slice(0, 6)) addText(`name variant: ${v}`, `oauth ${v}`);
  addText('alias + canonical twice', 'settings.users.team.write settings.users.teams.write oauth');
  addText('duplicates', 'oauth oauth automation automation automation');
  addText('duplicate across kinds (hsmeta)', hsmeta(['automation', 'oauth'], ['automation'], ['automation', 'oauth']));
  addText('empty', '');
  addText('whitespace only', ' \n\t\r\n ');
  addText('empty JSON object', '{}');
  addText('empty JSON array', '[]');
  addText('JSON null', 'null');
  addText('JSON number', '42');
  addText('JSON string', '"oauth automation"');
  addText('invalid JSON: truncated', '{"scopes": ["oauth", ');
  addText('invalid JSON: trailing comma', '{"scopes": ["oauth",]}');
  addText('invalid JSON: second line error', '{\n  "config": {\n    "auth": {,\n  }\n}');
  addText('invalid JSON: single quotes', "{'scopes': ['oauth']}");
  addText('JSON with comments', '{\n // c\n "scopes": ["oauth"]\n}');
  addText('NUL byte in a list', Buffer.from('oauth\0automation'));
  addText('NUL byte in JSON', Buffer.from('{"scopes": ["oauth\0"]}'));
  addText('NUL byte at start', Buffer.from('\0'));
  addText('invalid UTF-8: 0xff', Buffer.from([0x6f, 0x61, 0x75, 0x74, 0x68, 0x20, 0xff, 0x61]));
  addText('invalid UTF-8: overlong NUL', Buffer.concat([Buffer.from('oauth '), Buffer.from([0xc0, 0x80])]));
  addText('invalid UTF-8: truncated sequence', Buffer.concat([Buffer.from('{"scopes":["oauth'), Buffer.from([0xe2, 0x82]), Buffer.from('"]}')]));
  addText('invalid UTF-8: lone continuation in JSON', Buffer.concat([Buffer.from('{"scopes":["'), Buffer.from([0x80]), Buffer.from('"]}')]));
  addText('invalid UTF-8: surrogate encoded', Buffer.concat([Buffer.from('oauth '), Buffer.from([0xed, 0xa0, 0x80])]));
  addText('UTF-8 BOM before a list', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('oauth automation')]));
  addText('UTF-8 BOM before JSON', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"scopes":["oauth"]}')]));
  addText('non-ASCII scope names', 'oauth crm.objects.contacts.réad 🙂 контакты');
  addText('nested [ x 63', '['.repeat(63) + ']'.repeat(63));
  addText('nested [ x 64', '['.repeat(64) + ']'.repeat(64));
  addText('nested [ x 65', '['.repeat(65) + ']'.repeat(65));
  addText('nested [ x 10000 (unclosed)', '['.repeat(10000));
  addText('nested objects in config', JSON.stringify({ config: { auth: { requiredScopes: [[[[['oauth']]]]] } } }));
  addText('scope name of 256 chars', 'oauth ' + 'a'.repeat(256));
  addText('scope name of 257 chars', 'oauth ' + 'a'.repeat(257));
  addText('2000 scopes', Array.from({ length: 2000 }, (_, i) => names[i % names.length]).join(' '));
  addText('2001 scopes', Array.from({ length: 2001 }, (_, i) => `x${i}`).join(' '));
  addText('exactly 1 MiB', 'oauth' + ' '.repeat(1024 * 1024 - 5));
  addText('1 MiB + 1 byte', 'oauth' + ' '.repeat(1024 * 1024 - 4));
  addText('HTML-ish text', '<script>alert(1)</script> oauth');
  addText('markdown list', '- oauth\n- crm.objects.contacts.read\n- automation\n');
  addText('CLI-style flags in text', '--required oauth');

  // 5. --without-conditional on text input.
  for (let i = 0; i < 6; i++) {
    const { req, opt } = mix();
    const cond = randomSet(4);
    addText('without-conditional: app-hsmeta.json', hsmeta(req, cond, opt), { options: { withoutConditional: true }, cliArgs: ['--without-conditional'] });
  }
  addText('without-conditional: list', 'oauth automation', { options: { withoutConditional: true }, cliArgs: ['--without-conditional'] });

  // 6. Field inputs (CLI --required/--conditional/--optional).
  const addFields = (name, f, options) => {
    const cliArgs = [];
    const obj = {};
    for (const kind of ['required', 'conditional', 'optional']) {
      if (f[kind] === undefined) continue;
      cliArgs.push(`--${kind}`, Array.isArray(f[kind]) ? f[kind].join(' ') : f[kind]);
      obj[kind] = f[kind];
    }
    if (options && options.withoutConditional) cliArgs.push('--without-conditional');
    fields.push({ id: `f${String(fields.length).padStart(3, '0')}`, name, fields: obj, options, cliArgs });
  };
  addFields('fields: required only', { required: 'oauth crm.objects.contacts.read' });
  addFields('fields: all three kinds (strings)', { required: 'oauth crm.objects.contacts.read', conditional: 'automation', optional: 'content forms' });
  addFields('fields: arrays', { required: ['oauth', 'crm.objects.deals.read'], conditional: ['automation'], optional: ['tickets'] });
  addFields('fields: commas', { required: 'oauth,crm.objects.contacts.write', optional: 'automation,content' });
  addFields('fields: typo + retired', { required: 'crm.object.contacts.read contacts' });
  addFields('fields: alias', { required: 'settings.users.team.write' });
  addFields('fields: empty required', { required: '' });
  addFields('fields: conflicting kinds', { required: 'automation', optional: 'automation oauth' });
  for (let i = 0; i < 6; i++) {
    const { req, cond, opt } = mix();
    addFields(`fields: random ${i}`, { required: req, conditional: cond.length ? cond : undefined, optional: opt.length ? opt.join(',') : undefined });
  }
  addFields('fields: without-conditional', { required: 'oauth', conditional: 'automation crm.objects.deals.read' }, { withoutConditional: true });
  addFields('fields: without-conditional, random', { required: randomSet(5), conditional: randomSet(5) }, { withoutConditional: true });
  // --url, --profile and --account next to their option/field equivalents.
  const withCli = (name, f, options, cliArgs) => fields.push({ id: `f${String(fields.length).padStart(3, '0')}`, name, fields: f, options, cliArgs });
  withCli('fields: url', { url: 'https://app.hubspot.com/oauth/authorize?client_id=x&scope=oauth%20automation&optional_scope=content' }, undefined,
    ['--url', 'https://app.hubspot.com/oauth/authorize?client_id=x&scope=oauth%20automation&optional_scope=content']);
  withCli('fields: url + required', { url: 'https://app-eu1.hubspot.com/oauth/99/authorize?scope=oauth', required: 'tickets' }, undefined,
    ['--url', 'https://app-eu1.hubspot.com/oauth/99/authorize?scope=oauth', '--required', 'tickets']);
  withCli('fields: profiles', { required: 'oauth automation' }, { profiles: ['free', 'marketing-professional'] },
    ['--required', 'oauth automation', '--profile', 'free', '--profile', 'marketing-professional']);
  withCli('fields: account', { required: 'oauth automation' }, { account: { hubs: { marketing: 'professional', sales: 'starter' }, features: ['sensitive_data'] } },
    ['--required', 'oauth automation', '--account', 'marketing=professional,sales=starter,sensitive_data']);
  withCli('fields: all-free account with a feature', { required: 'oauth automation', optional: 'content' }, { account: { hubs: {}, features: ['sensitive_data'] } },
    ['--required', 'oauth automation', '--optional', 'content', '--account', 'sensitive_data']);
  // The account model from the catalog: Smart CRM in the custom account; scopes whose sources disagree
  // (requires_any_source), where the custom account and the profiles are uncertain.
  withCli('fields: Smart CRM account', { required: 'oauth automation' }, { account: { hubs: { smart_crm: 'enterprise' } } },
    ['--required', 'oauth automation', '--account', 'smart_crm=enterprise']);
  const disputed = catalog.scopes.filter((s) => 'requires_any_source' in s).map((s) => s.name);
  withCli('fields: disputed scopes, a custom account where they disagree', { required: disputed.slice(0, 4).join(' '), optional: disputed.slice(4).join(' ') },
    { account: { hubs: { sales: 'professional', smart_crm: 'starter' }, features: ['website_addon'] } },
    ['--required', disputed.slice(0, 4).join(' '), '--optional', disputed.slice(4).join(' '), '--account', 'sales=professional,smart_crm=starter,website_addon']);
  for (const name of disputed) addFields(`fields: disputed ${name}`, { required: `oauth ${name}` });

  // 8. Pastes (issue 18): lists with comments, prose, keys and notes; input.ignored, json_path, the
  // suggestions past a bad name and a static-auth app's fixes must match byte for byte.
  addText('paste: README steps', '# Setup\n\n1. Create an app\n2. Add the following scopes:\n    - crm.objects.contacts.read\n    - oauth\n3. Add the redirect URI:\n    - http://localhost:8000/cb\n');
  addText('paste: JS array with comments', "const SCOPES = [\n  'oauth',\n  'crm.objects.contacts.read', // contacts\n  // 'business_units_view.read',\n  /* 'crm.objects.deals.read', */\n];\nconst CLIENT_ID = 'x';\n");
  addText('paste: .env', 'HUBSPOT_CLIENT_ID=abc\nHUBSPOT_SCOPES="crm.objects.contacts.read oauth"\nexport HUBSPOT_OPTIONAL_SCOPES=automation\n# HUBSPOT_SCOPES=contacts\n');
  addText('paste: YAML with notes and a duplicate', 'scopes:\n  # Read contacts\n  - crm.objects.contacts.read (standard scope)\n  - crm.objects.contacts.read\n  - automation (optional)\n  - Tickets\n');
  addText('paste: connector apiProperties.json', JSON.stringify({ properties: { connectionParameters: { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2', scopes: ['crm.objects.contacts.read tickets content oauth forms crm.schemas.line_items.write'] } } } } }, null, 2));
  addText('paste: a bad name, then make-optional', 'oauth crm.objects.contacts.read tickets content actions timeline forms files crm.objects.custom.read crm.schemas.line_items.write');
  addText('paste: install URL without oauth', 'https://app.hubspot.com/oauth/authorize?client_id=x&redirect_uri=https%3A%2F%2Fa.example%2Fcb&scope=crm.objects.contacts.read%20automation');
  addText('paste: JSON with one scope list', '{"integration": {"hubspot": {"oauth_scopes": "oauth crm.lists.read", "optionalScopes": []}}}');
  addText('paste: JSON with one scope list under another key', '{"integration": {"hubspot": {"oauth_scopes": "oauth crm.lists.read"}}}');
  addText('paste: static-auth app', JSON.stringify({ config: { name: 'Static', auth: { type: 'static', requiredScopes: ['oauth', 'crm.objects.contacts.read', 'automation', 'content'] } } }));

  // 7. The other commands: an app config with its install URL (check CONFIG URL-FILE vs checkPair),
  // install URLs built from a config (url vs buildUrls), migrate, diff. '@name' = the file `name`.
  const commands = [];
  const addCommand = (name, files, cliArgs, method, args) => {
    const buf = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8')]));
    commands.push({ id: `c${String(commands.length).padStart(3, '0')}`, name, files: buf, cliArgs, method, args });
  };
  const cfgOf = (req, cond, opt) => hsmeta(req, cond, opt);
  const urlOf = (req, opt, sep = '%20') => `https://app.hubspot.com/oauth/authorize?client_id=abc&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&scope=${req.join(sep)}${opt.length ? `&optional_scope=${opt.join(sep)}` : ''}`;
  {
    const req = ['oauth', 'crm.objects.contacts.read', 'automation'];
    const opt = ['content', 'forms'];
    const pairs = [
      ['pair: matching URL', cfgOf(req, [], opt), urlOf(req, opt)],
      ['pair: URL missing a required scope (rule 1)', cfgOf(req, [], opt), urlOf(['oauth', 'automation'], opt)],
      ['pair: optional scope in scope=', cfgOf(req, [], opt), urlOf([...req, 'content'], ['forms'])],
      ['pair: extra scope in URL', cfgOf(req, [], opt), urlOf([...req, 'tickets'], opt)],
      ['pair: commas', cfgOf(req, [], opt), urlOf(req, opt, ',')],
      ['pair: conditional scopes left out', cfgOf(req, ['tickets'], opt), urlOf(req, opt)],
      ['pair: public-app.json', publicApp(req, [], opt), urlOf(req, opt, '+')],
      ['pair: eu host', cfgOf(req, [], []), urlOf(req, []).replace('app.hubspot.com', 'app-eu1.hubspot.com')],
    ];
    for (const [name, cfg, url] of pairs) {
      addCommand(name, { config: cfg, url }, ['check', '--format', 'json', '@config', '@url'], 'checkPairJson', ['@config', '@url']);
    }
    addCommand('pair: --without-conditional', { config: cfgOf(req, ['tickets'], opt), url: urlOf(req, opt) },
      ['check', '--format', 'json', '--without-conditional', '@config', '@url'], 'checkPairJson', ['@config', '@url', { withoutConditional: true }]);
    for (let i = 0; i < 4; i++) {
      const m = mix();
      addCommand(`pair: random ${i}`, { config: cfgOf(m.req, m.cond, m.opt), url: urlOf(m.req.map(encodeURIComponent), m.opt.map(encodeURIComponent)) },
        ['check', '--format', 'json', '@config', '@url'], 'checkPairJson', ['@config', '@url']);
    }
    addCommand('url: defaults', { config: cfgOf(req, ['tickets'], opt) }, ['url', '@config', '--format', 'json'], 'buildUrls', ['@config']);
    addCommand('url: every option', { config: cfgOf(req, [], opt) },
      ['url', '@config', '--format', 'json', '--client-id', 'my-client', '--redirect-uri', 'https://example.com/cb?x=1', '--eu', '--account-id', '123456'],
      'buildUrls', ['@config', { clientId: 'my-client', redirectUri: 'https://example.com/cb?x=1', eu: true, accountId: '123456' }]);
    addCommand('url: private app', { config: privateApp(req) }, ['url', '@config', '--format', 'json'], 'buildUrls', ['@config']);
    addCommand('migrate: contacts', { list: 'contacts' }, ['migrate', '@list', '--format', 'json'], 'migrate', ['@list']);
    addCommand('migrate: OAuth 1 list', { list: 'contacts reports automation content oauth' }, ['migrate', '@list', '--format', 'json'], 'migrate', ['@list']);
    addCommand('migrate: bad JSON', { list: '{"scopes": [' }, ['migrate', '@list', '--format', 'json'], 'migrate', ['@list']);
    // The scope listing with its evidence (the core's compacted copy in the module vs the CLI's).
    addCommand('scopes: all, with evidence', {}, ['scopes', '--format', 'json'], 'scopes', ['']);
    addCommand('scopes: search', {}, ['scopes', '--format', 'json', '--search', 'automation'], 'scopes', ['automation']);
    addCommand('diff: add a scope', { a: 'oauth crm.objects.contacts.read', b: 'oauth crm.objects.contacts.read automation' },
      ['diff', '@a', '@b', '--format', 'json'], 'diff', ['@a', '@b']);
    addCommand('diff: required → optional', { a: cfgOf(req, [], []), b: cfgOf(['oauth'], [], ['automation', 'crm.objects.contacts.read']) },
      ['diff', '@a', '@b', '--format', 'json'], 'diff', ['@a', '@b']);
    addCommand('diff: --without-conditional', { a: cfgOf(req, ['tickets'], []), b: cfgOf(req, ['tickets', 'forms'], []) },
      ['diff', '@a', '@b', '--format', 'json', '--without-conditional'], 'diff', ['@a', '@b', { withoutConditional: true }]);
    // explain: every sample of tests/explain (alone and with the sample config), and hostile input.
    const samples = join(ROOT, 'tests', 'explain');
    const config = readFileSync(join(samples, 'config.json'));
    const expected = JSON.parse(readFileSync(join(samples, 'expect.json'), 'utf8'));
    for (const name of Object.keys(expected)) {
      const error = readFileSync(join(samples, name));
      addCommand(`explain: ${name}`, { error }, ['explain', '@error', '--format', 'json'], 'explainJson', ['@error']);
      addCommand(`explain: ${name} with a config`, { error, config }, ['explain', '@error', '@config', '--format', 'json'], 'explainJson', ['@error', '@config']);
    }
    addCommand('explain: nested reprs', { error: "{'body': \"{\\\"".repeat(100) }, ['explain', '@error', '--format', 'json'], 'explainJson', ['@error']);
    // (A body over 1 MiB: the CLI's bounded reader names the file, ts.explain "the error text"; both
    // are tested on their own in tests/cli and tests/node/explain.test.mjs.)
    addCommand('explain: bad config', { error: readFileSync(join(samples, '403.json')), config: '{"auth": [' },
      ['explain', '@error', '@config', '--format', 'json'], 'explainJson', ['@error', '@config']);
  }
  return { text, fields, commands };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] || join(ROOT, 'build', 'parity-corpus');
  mkdirSync(out, { recursive: true });
  const { text, fields, commands } = buildCorpus();
  for (const c of text) writeFileSync(join(out, `${c.id}.txt`), c.input);
  writeFileSync(join(out, 'index.json'), JSON.stringify({
    seed: SEED,
    text: text.map(({ id, name, options, cliArgs, input }) => ({ id, name, options, cliArgs, bytes: input.length })),
    fields,
    commands: commands.map(({ id, name, cliArgs, method, args, files }) => {
      for (const [k, v] of Object.entries(files)) writeFileSync(join(out, `${id}-${k}.txt`), v);
      return { id, name, cliArgs, method, args };
    }),
  }, null, 2));
  console.log(`${text.length} text + ${fields.length} field + ${commands.length} command cases written to ${out}`);
}
