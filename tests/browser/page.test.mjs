// Browser tests of the page as a product (issue #22): honest states, the answer first, readable and
// navigable cells, undo, the URL check's one story, texts from the catalog's model, share links that
// restore the tool panels, embeds that follow their host's colour scheme, layout shift on a phone,
// axe in both schemes. The last test writes screenshots of the main journeys to test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolationsUnderCsp, artifactPath, ROOT, N_PROFILES, CONFIGURATIONS } from './lib.mjs';
import { useSite } from './setup.mjs';

const site = useSite();
const { open, attr, waitAttr, waitText, noProblems, problems } = site;

const statuses = (page) => page.$$eval('#matrix [data-profile]', (els) => els.map((e) => e.dataset.status));
/** Whether sel is wholly inside the viewport (the first screen, no scrolling). */
const onFirstScreen = (page, sel) => page.$eval(sel, (e) => {
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.width > 0;
});

test('empty input: no verdict, every cell says "paste scopes"', async () => {
  const page = await open();
  await page.fill('#paste', '');
  await page.waitForFunction(() => [...document.querySelectorAll('#matrix [data-profile]')].every((b) => b.dataset.status === 'none'));
  const texts = await page.$$eval('#matrix [data-profile] .cell-status', (els) => [...new Set(els.map((e) => e.textContent.trim()))]);
  assert.deepEqual(texts, ['– paste scopes']);
  assert.equal(await attr(page, '#verdict', 'data-state'), 'none');
  assert.doesNotMatch(await page.textContent('#verdict'), /Installs on/);
  assert.doesNotMatch(await page.textContent('#reach-summary'), /Installs on/);
  // Typing scopes brings the verdict back.
  await page.fill('#paste', 'oauth crm.objects.contacts.read');
  await waitAttr(page, '#verdict', 'data-state', 'installs');
  assert.ok((await statuses(page)).every((s) => s === 'installs'));
  await page.close();
  noProblems();
});

test('unreadable input: the matrix is marked stale (last readable input) and the error names line and column', async () => {
  const page = await open();
  await waitAttr(page, '#verdict', 'data-state', 'partial');
  await page.fill('#paste', '{\n  "auth": {\n    "requiredScopes": ["oauth",],\n  }\n}');
  await waitAttr(page, '#verdict', 'data-state', 'stale');
  assert.equal(await page.$eval('#matrix', (t) => t.hasAttribute('data-stale')), true);
  assert.match(await page.textContent('#stale-note'), /last readable input/);
  assert.match(await page.textContent('#paste-error'), /line 3, column \d+/);
  assert.match((await page.textContent('#verdict .verdict-line')).trim(), /^No verdict: .*line 3, column \d+/);
  assert.equal(await page.$eval('#matrix', (t) => getComputedStyle(t).filter), 'grayscale(1)');
  // Readable again: the mark goes, the verdict is back.
  await page.fill('#paste', 'oauth automation');
  await page.waitForFunction(() => !document.querySelector('#matrix').hasAttribute('data-stale'));
  assert.notEqual(await attr(page, '#verdict', 'data-state'), 'stale');
  assert.equal(await page.isHidden('#stale-note'), true);
  await page.close();
  noProblems();
});

for (const [name, width, height] of [['laptop', 1366, 900], ['phone', 390, 844]]) {
  test(`the answer first on a ${name} (${width}×${height}): verdict line and first fix on the first screen`, async () => {
    const page = await open('', { width, height });
    await waitAttr(page, '#verdict', 'data-state', 'partial');
    assert.match(await page.textContent('#verdict .verdict-line'), new RegExp(`Installs on 4 of ${N_PROFILES} standard tiers · 10 uncertain · ${N_PROFILES - 14} fail, most for lack of automation\\.`));
    assert.equal(await page.textContent('#verdict-fix'), 'Make automation optional');
    assert.ok(await onFirstScreen(page, '#verdict .verdict-line'), 'the verdict line is on the first screen');
    assert.ok(await onFirstScreen(page, '#verdict-fix'), 'the first fix is on the first screen');
    // Sticky: still in view after scrolling to the catalog.
    await page.$eval('#catalog-heading', (e) => e.scrollIntoView());
    assert.ok(await onFirstScreen(page, '#verdict-fix'), 'the bar stays in view');
    if (width < 960) {
      const m = await page.$eval('.matrix-panel', (e) => e.getBoundingClientRect().top);
      const i = await page.$eval('.input-panel', (e) => e.getBoundingClientRect().top);
      assert.ok(m < i, 'on a narrow screen the results come before the inputs');
    }
    await page.close();
    noProblems();
  });
}

test('one line per diagnostic, evidence behind "Show evidence", tier lists summarised', async () => {
  const page = await open();
  await page.fill('#paste', 'oauth behavioral_events.event_definitions.read_write');
  await page.waitForSelector('#diagnostics [data-code="sources-disagree"] details.evidence');
  // The example's own disagreement (automation) is there until the paste is evaluated: wait for the new one.
  await page.waitForFunction(() => /behavioral_events/.test(document.querySelector('#diagnostics [data-code="sources-disagree"] .msg')?.textContent || ''), null, { timeout: 15000 });
  const line = await page.textContent('#diagnostics [data-code="sources-disagree"] .msg');
  assert.match(line, /^Sources disagree on behavioral_events\.event_definitions\.read_write for 5 tiers: Enterprise of Sales, Service, Content, Data, Revenue Hub \(formerly Commerce Hub\): the install there may get the permission error\.$/);
  assert.equal(await page.isVisible('#diagnostics [data-code="sources-disagree"] details.evidence p'), false, 'the evidence is collapsed');
  await page.click('#diagnostics [data-code="sources-disagree"] details.evidence summary');
  assert.match(await page.textContent('#diagnostics [data-code="sources-disagree"] details.evidence p'), /HubSpot API spec/);
  await page.close();
  noProblems();
});

test('every tier fails for one reason: one banner with the fix above the matrix, cells show their status only', async () => {
  const page = await open();
  // A name outside the scope grammar (upper case) is invalid-scope on every tier; a well-formed name
  // the catalog lacks is unknown-scope instead (no banner: HubSpot may know it).
  await page.fill('#paste', 'oauth crm.objects.contacts.read contacts.Bogus_scope');
  await page.waitForSelector('#matrix-banner:not([hidden])');
  assert.match(await page.textContent('#matrix-banner'), /An invalid scope: HubSpot refuses the install on every account: contacts\.Bogus_scope/);
  assert.equal(await page.$eval('#matrix', (t) => t.hasAttribute('data-same')), true);
  assert.equal(await page.isVisible('[data-profile=free] .cell-detail'), false);
  await page.click('#matrix-banner button.fix');
  await waitAttr(page, '#verdict', 'data-state', 'installs');
  assert.equal(await page.isHidden('#matrix-banner'), true);
  await page.close();
  noProblems();
});

test('cells: names break only after "." or "_", long lists show a count with the names in the title', async () => {
  const page = await open();
  await page.fill('#paste', 'oauth behavioral_events.event_definitions.read_write crm.objects.contacts.read');
  await waitAttr(page, '[data-profile=free]', 'data-status', 'permission-error');
  const html = await page.$eval('[data-profile=free] .cell-detail', (d) => d.innerHTML);
  assert.match(html, /behavioral_<wbr>events\.<wbr>event_<wbr>definitions\.<wbr>read_<wbr>write/);
  // Break points are only after . and _: no word is split elsewhere at a narrow width.
  await page.fill('#paste', 'oauth automation crm.objects.custom.read crm.objects.custom.write crm.schemas.custom.read');
  await page.waitForFunction(() => document.querySelector('#matrix .line[data-count]'), null, { timeout: 8000 });
  const l = await page.$eval('#matrix .line[data-count]', (e) => [e.textContent, e.title, e.dataset.count]);
  assert.match(l[0], /^[a-z ]+ \d+ scopes$/);
  assert.ok(Number(l[2]) > 2);
  const key = l[0].replace(/\d+ scopes$/, '');
  assert.ok(l[1].startsWith(key));
  assert.equal(l[1].slice(key.length).split(' ').length, Number(l[2]));
  await page.close();
  noProblems();
});

test('matrix: one tab stop, arrow keys move (grid pattern), Enter moves focus to the preview', async () => {
  const page = await open();
  assert.equal(await page.$$eval('#matrix [data-profile][tabindex="0"]', (e) => e.length), 1);
  assert.equal(await attr(page, '#matrix', 'role'), 'grid');
  await page.focus('#matrix [data-profile][tabindex="0"]');
  const focused = () => page.evaluate(() => document.activeElement.dataset.profile || document.activeElement.id);
  assert.equal(await focused(), 'free');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'marketing-starter');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'marketing-professional');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'sales-professional');
  await page.keyboard.press('End');
  assert.equal(await focused(), 'sales-enterprise');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'marketing-enterprise');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'free');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'marketing-enterprise', 'down from the spanning cell returns to the column');
  assert.equal(await page.$$eval('#matrix [data-profile][tabindex="0"]', (e) => e.map((b) => b.dataset.profile)).then((x) => x.join()), 'marketing-enterprise');
  // Tab leaves the grid in one step.
  await page.keyboard.press('Tab');
  assert.ok(!(await page.evaluate(() => document.querySelector('#matrix').contains(document.activeElement))), 'one Tab leaves the matrix');
  await page.focus('[data-profile=marketing-enterprise]');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), 'preview-heading');
  assert.equal(await attr(page, '[data-profile=marketing-enterprise]', 'aria-pressed'), 'true');
  await page.close();
  noProblems();
});

test('every applied fix can be undone: the Undo button and Ctrl+Z', async () => {
  const page = await open();
  await waitAttr(page, '#verdict', 'data-state', 'partial');
  const before = await page.inputValue('#paste');
  assert.equal(await page.isHidden('#undo'), true);
  await page.click('#verdict-fix');
  await page.waitForFunction((b) => document.querySelector('#paste').value !== b, before);
  assert.equal(await page.textContent('#undo'), 'Undo: Make automation optional');
  await page.click('#undo');
  await page.waitForFunction((b) => document.querySelector('#paste').value === b, before);
  await waitAttr(page, '#verdict', 'data-state', 'partial');
  // Ctrl+Z outside a text box.
  await page.click('#verdict-fix');
  await page.waitForFunction((b) => document.querySelector('#paste').value !== b, before);
  await page.focus('#matrix-heading');
  await page.keyboard.press('Control+z');
  await page.waitForFunction((b) => document.querySelector('#paste').value === b, before);
  assert.equal(await page.isHidden('#undo'), true);
  await page.close();
  noProblems();
});

test('static auth: fixes never say "make optional"', async () => {
  const page = await open();
  await page.fill('#paste', JSON.stringify({ config: { name: 'Static', auth: { type: 'static', requiredScopes: ['oauth', 'automation'], optionalScopes: ['content'] } } }));
  await waitText(page, '#diagnostics', 'static auth');
  await page.click('[data-profile=free]');
  await waitText(page, '#consent', 'switch the app to OAuth');
  const labels = await page.$$eval('button.fix', (bs) => bs.filter((b) => b.offsetParent).map((b) => b.textContent));
  assert.ok(labels.every((t) => !/optional/i.test(t)), `no make-optional fix: ${labels}`);
  assert.ok(labels.includes('Remove automation'));
  // The optional scopes static auth ignores are named and struck through.
  assert.deepEqual(await page.$$eval('#diagnostics [data-code="static-auth-optional"] del', (d) => d.map((x) => x.textContent)), ['content']);
  // The suggestions say remove or switch to OAuth, never "No scope change would unlock more tiers".
  await waitText(page, '#suggestions', 'Switch the app to OAuth with automation optional');
  const suggestions = await page.textContent('#suggestions');
  assert.match(suggestions, /Remove automation: \+\d+ standard tiers/);
  assert.doesNotMatch(suggestions, /No scope change|as optional:/);
  await page.click('#suggestions [data-action="remove"] button.fix');
  await page.waitForFunction(() => !document.querySelector('#paste').value.includes('"automation"'));
  await page.close();
  noProblems();
});

test('the URL check tells one story: rules in words, the overall verdict and its fix', async () => {
  const page = await open();
  await page.fill('#install-url', 'https://app.hubspot.com/oauth/authorize?client_id=x&redirect_uri=https://app.acme.example/hubspot/oauth/callback&scope=oauth%20crm.objects.contacts.read%20crm.objects.contacts.write%20automation%20content');
  await page.waitForSelector('#url-check[data-state=mismatch]');
  await waitText(page, '#url-check-summary', 'Overall:');
  const text = await page.textContent('#url-check-summary');
  assert.match(text, /Rule 5: optional scopes are in the scope parameter/);
  assert.match(text, /Overall: Installs on no standard tier\./);
  assert.ok(await page.$('#url-check-summary button.fix'), 'the overall fix is a button');
  assert.match(await page.textContent('#matrix-banner'), /The install URL breaks rule 5 \(optional scopes are in the scope parameter/);
  await page.close();
  noProblems();
});

// The example config's own URL with an optional scope (content) in scope: rule 5.
const EXAMPLE_URL = 'https://app.hubspot.com/oauth/authorize?client_id=x&redirect_uri=https://app.acme.example/hubspot/oauth/callback&scope=oauth%20crm.objects.contacts.read%20crm.objects.contacts.write%20automation';
const RULE5_URL = `${EXAMPLE_URL}%20content`;

test('cells state the broken install URL rule in words (the core\'s words); the banner describes every cell', async () => {
  const page = await open();
  await waitAttr(page, '#verdict', 'data-state', 'partial');
  await page.fill('#install-url', RULE5_URL);
  await page.waitForSelector('#url-check[data-state=mismatch]');
  await waitAttr(page, '[data-profile=free]', 'data-status', 'url-mismatch');
  const cells = await page.$$eval('#matrix [data-profile]', (els) => els.map((e) => [e.querySelector('.cell-detail').textContent, e.getAttribute('aria-describedby')]));
  for (const [detail, described] of cells) {
    assert.equal(detail, 'rule 5: optional scopes are in the scope parameter');
    assert.equal(described, 'matrix-banner', 'the banner (reason and fix) describes the cell');
  }
  assert.doesNotMatch(cells.map((c) => c[0]).join(' '), /^rule \d+$/);
  // The words are the report's (one place: the core's url-config-mismatch diagnostic).
  const diag = await page.textContent('#diagnostics [data-code="url-config-mismatch"]');
  assert.match(diag, /Rule 5: optional scopes are in the scope parameter \(content\)/);
  assert.match(await page.textContent('#matrix-banner'), /^The install URL breaks rule 5 \(optional scopes are in the scope parameter\): HubSpot refuses it on every account: content\./);
  // Two rules: each in words, in every cell and as a list in the banner.
  await page.fill('#install-url', RULE5_URL.replace('%20crm.objects.contacts.write', ''));
  await page.waitForFunction(() => document.querySelectorAll('#matrix-banner li[data-rule]').length === 2);
  assert.deepEqual(await page.$$eval('#matrix-banner li[data-rule]', (els) => els.map((e) => e.textContent)), [
    'Rule 1: the app config requires scopes the URL\'s scope parameter leaves out (crm.objects.contacts.write).',
    'Rule 5: optional scopes are in the scope parameter (content).',
  ]);
  assert.match(await page.textContent('#matrix-banner p'), /^The install URL breaks rules 1 and 5: HubSpot refuses it on every account\./);
  assert.deepEqual(await page.$$eval('[data-profile=sales-enterprise] .line.rule', (els) => els.map((e) => e.textContent)), [
    'rule 1: the app config requires scopes the URL\'s scope parameter leaves out',
    'rule 5: optional scopes are in the scope parameter',
  ]);
  // The custom account's card says the same.
  await waitAttr(page, '#account-result', 'data-status', 'url-mismatch');
  assert.match(await page.textContent('#account-result .cell-detail'), /rule 5: optional scopes are in the scope parameter/);
  // The URL fixed: no rule, no description left on the cells.
  await page.fill('#install-url', EXAMPLE_URL + '&optional_scope=content%20tickets');
  await page.waitForSelector('#url-check[data-state=ok]');
  await page.waitForFunction(() => !document.querySelector('#matrix [data-profile][aria-describedby]'));
  assert.equal(await page.$$eval('#matrix .line.rule', (els) => els.length), 0);
  await page.close();
  noProblems();
});

test('an invalid scope and a broken install URL: the banner, verdict and URL check name both, with both fixes', async () => {
  const page = await open();
  await page.fill('#paste', JSON.stringify({ name: 'Both', auth: { redirectUrls: ['https://x.example/cb'], requiredScopes: ['oauth', 'crm.objects.contacts.read', 'contacts.Bogus'], optionalScopes: ['automation'] } }, null, 2));
  await waitAttr(page, '#format', 'data-format', 'public-app');
  await page.fill('#install-url', 'https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https%3A%2F%2Fx.example%2Fcb&scope=oauth%20crm.objects.contacts.read%20contacts.Bogus%20automation');
  await page.waitForSelector('#url-check[data-state=mismatch]');
  await waitText(page, '#matrix-banner', 'also breaks');
  assert.equal(await page.textContent('#matrix-banner p'), 'An invalid scope: HubSpot refuses the install on every account: contacts.Bogus; the install URL also breaks rule 5 (optional scopes are in the scope parameter).');
  assert.deepEqual(await page.$$eval('#matrix-banner button.fix', (b) => b.map((x) => x.textContent)), ['Remove contacts.Bogus', 'Use the corrected install URL']);
  assert.match(await page.textContent('#verdict .verdict-line'), /An invalid scope: .*; the install URL also breaks rule 5/);
  const summary = await page.textContent('#url-check-summary');
  assert.match(summary, /Rule 5: optional scopes are in the scope parameter \(automation\)/);
  assert.match(summary, /The scopes have problems of their own: an invalid scope contacts\.Bogus/);
  // The scope's fix: the config loses the name; the URL's rule is still listed.
  await page.click('#matrix-banner button.fix >> nth=0');
  await page.waitForFunction(() => !document.querySelector('#paste').value.includes('contacts.Bogus'));
  await page.close();
  noProblems();
});

test('export with a config, its install URL and a custom account: Markdown and JSON name the input, the URL check and the account', async () => {
  await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
  const page = await open();
  await waitAttr(page, '#verdict', 'data-state', 'partial');
  await page.fill('#install-url', RULE5_URL);
  await page.waitForSelector('#url-check[data-state=mismatch]');
  await page.selectOption('#acct-marketing', 'professional');
  await page.waitForTimeout(300);
  await page.click('#copy-markdown');
  await waitText(page, '#export-status', 'Markdown report copied');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(report.input.format, 'config+url');
  assert.deepEqual(report.url_check.rules_failed, [5]);
  assert.equal(report.account.account.hubs.marketing, 'professional');
  const lines = md.split('\n');
  assert.ok(lines.includes('- Input: app config + install URL (the scopes below are the URL\'s)'), md);
  assert.doesNotMatch(md, /install-url/);
  assert.ok(lines.includes('**Install URL check**: the install URL breaks rule 5 (see the diagnostics); HubSpot refuses it on every account.'), md);
  assert.ok(lines.includes(report.url_check.fixed_url), 'the corrected install URL');
  const hubs = Object.entries(report.account.account.hubs).map(([hub, tier]) => `${hub.replace(/_/g, '\\_')} ${tier}`).join(', ');
  assert.ok(lines.some((l) => l.startsWith(`**Your custom account** (${hubs}): ⛔ URL mismatch · missing `)), md);
  // The URL fixed: the check says it matches.
  await page.fill('#install-url', EXAMPLE_URL + '&optional_scope=content%20tickets');
  await page.waitForSelector('#url-check[data-state=ok]');
  await page.click('#copy-markdown');
  // The exact line, waited for (the copy is asynchronous); on a time-out the assertion shows what was copied.
  const matched = '**Install URL check**: the install URL matches the app config.';
  await page.waitForFunction(async (line) => (await navigator.clipboard.readText()).split('\n').includes(line), matched, { timeout: 5000 }).catch(() => {});
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const status = await page.textContent('#export-status');
  assert.ok(copied.split('\n').includes(matched), `export status: ${JSON.stringify(status)}\ncopied:\n${copied}`);
  await page.close();
  noProblems();
});

test('builder: a URL that fails on every tier says so; its errors name the fields, never option names', async () => {
  const page = await open();
  await page.fill('#paste', JSON.stringify({ name: 'Broken', auth: { redirectUrls: ['https://x.example/cb'], requiredScopes: ['oauth', 'contacts.Bogus_scope'] } }));
  await waitAttr(page, '#format', 'data-format', 'public-app');
  await page.click('#builder-panel summary');
  await page.waitForSelector('#build-urls .url-item');
  const items = await page.$$eval('#build-urls .url-item', (els) => els.map((e) => [e.querySelector('.url-reach').textContent, e.querySelector('.url-fails')?.textContent || '']));
  assert.ok(items.length >= 1);
  for (const [reach, note] of items) {
    assert.match(reach, /^Installs on 0 of \d+ tiers/);
    assert.match(note, /^This URL fails on every standard tier/);
  }
  assert.ok(await page.isVisible('#build-urls .url-fails'));
  // A config whose URL installs somewhere has no such note.
  await page.fill('#paste', JSON.stringify({ name: 'Fine', auth: { redirectUrls: ['https://x.example/cb'], requiredScopes: ['oauth', 'crm.objects.contacts.read'] } }));
  await page.waitForFunction(() => /Installs on [1-9]/.test(document.querySelector('#build-urls .url-reach')?.textContent || ''));
  assert.equal(await page.$$eval('#build-urls .url-fails', (els) => els.length), 0);
  // Errors: the field's label, no "options:" and no option name.
  const optionNames = /redirectUri|accountId|clientId|options?:/;
  await page.fill('#build-redirect', 'javascript:alert(1)');
  await waitText(page, '#build-error', 'Redirect URI must be an https:// URL');
  assert.doesNotMatch(await page.textContent('#build-error'), optionNames);
  assert.equal(await attr(page, '#build-redirect', 'aria-invalid'), 'true');
  assert.equal(await page.$$eval('#build-urls li', (els) => els.length), 0, 'no URL is offered while a field is refused');
  await page.fill('#build-redirect', 'https://x.example/cb');
  await page.fill('#build-account', '12a');
  await waitText(page, '#build-error', 'Account ID must be digits');
  assert.doesNotMatch(await page.textContent('#build-error'), optionNames);
  assert.equal(await attr(page, '#build-account', 'aria-invalid'), 'true');
  assert.equal(await page.$eval('#build-redirect', (e) => e.hasAttribute('aria-invalid')), false);
  await page.fill('#build-account', '42');
  await page.waitForSelector('#build-error', { state: 'hidden' });
  assert.equal(await page.$eval('#build-account', (e) => e.hasAttribute('aria-invalid')), false);
  await page.close();
  noProblems();
});

test('texts from the model: counts, product names, no "null"', async () => {
  const page = await open();
  assert.equal(await page.textContent('#matrix caption'), `Install result for each of the ${N_PROFILES} standard HubSpot portal profiles`);
  // From the model: Revenue Hub (formerly Commerce Hub) is sold without Starter (issue 24 item 10).
  assert.equal(await page.textContent('#reach-count'), '6 hubs, each at one of 4 tiers, Revenue Hub (formerly Commerce Hub) at one of 3 (no Starter), and 4 add-ons or settings, each on or off: ' +
    `${CONFIGURATIONS.toLocaleString('en-US')} configurations.`);
  assert.equal(CONFIGURATIONS, 196608);
  assert.equal(await page.textContent('#matrix tr:has(th:text-is("Revenue Hub (formerly Commerce Hub)")) td.unsold'), 'not sold');
  assert.equal(await page.$('#matrix [data-profile="commerce-starter"]'), null);
  await page.fill('#catalog-search', 'content');
  await page.waitForFunction(() => document.querySelectorAll('#catalog-list li').length > 3);
  await page.waitForTimeout(300);
  const body = await page.textContent('main');
  assert.doesNotMatch(body, /\bnull\b/);
  assert.doesNotMatch(body, /CMS Hub/);
  assert.doesNotMatch(body, /65,536|19 standard/);
  await page.close();
  noProblems();
});

test('the share link restores the tool panels (secrets left out)', async () => {
  const page = await open();
  await page.click('#diff-panel summary');
  await page.fill('#diff-before', 'oauth automation');
  await page.click('#migrate-panel summary');
  await page.fill('#migrate-input', 'contacts-ro forms');
  await page.click('#builder-panel summary');
  await page.fill('#build-client-id', 'secret-client-id');
  await page.fill('#build-account', '123456');
  // The link follows once typing pauses (app.js shareSoon).
  await page.waitForFunction(() => /123456/.test(atob(location.hash.slice(3).replace(/-/g, '+').replace(/_/g, '/'))));
  const url = await page.evaluate(() => location.href);
  const hash = url.slice(url.indexOf('#'));
  const data = JSON.parse(Buffer.from(hash.slice(3).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  assert.equal(data.tools['diff-before'], 'oauth automation');
  assert.equal(data.tools['build-client-id'], undefined, 'the client ID is a secret');
  await page.close();
  const again = await open(hash);
  assert.equal(await again.inputValue('#diff-before'), 'oauth automation');
  assert.equal(await again.inputValue('#migrate-input'), 'contacts-ro forms');
  assert.equal(await again.inputValue('#build-account'), '123456');
  assert.equal(await again.inputValue('#build-client-id'), '');
  assert.deepEqual(await again.$$eval('details.tool[open]', (d) => d.map((x) => x.id).sort()), ['builder-panel', 'diff-panel', 'migrate-panel']);
  await again.close();
  noProblems();
});

test('"From API calls": the least-privilege answer first, the per-call table collapsed', async () => {
  const page = await open();
  await page.click('#calls-panel summary');
  await page.waitForSelector('#calls-table', { state: 'attached', timeout: 15000 });
  const order = await page.$$eval('#calls-out > *', (els) => els.map((e) => e.id || e.tagName));
  assert.ok(order.indexOf('calls-required') < order.indexOf('calls-each'), `answer before the table: ${order}`);
  // The per-call table sits in a <details> below the answer: open for a short list (the example),
  // collapsed once the list is long.
  assert.equal(await page.$eval('#calls-each', (d) => d.tagName), 'DETAILS');
  const objects = ['contacts', 'companies', 'deals', 'tickets', 'products', 'line_items', 'quotes'];
  await page.fill('#calls-input', objects.flatMap((o) => [`GET /crm/v3/objects/${o}`, `POST /crm/v3/objects/${o}`]).join('\n'));
  await page.waitForFunction(() => /Each call \((1[3-9]|[2-9]\d)\)/.test(document.querySelector('#calls-each-heading')?.textContent || ''), null, { timeout: 15000 });
  assert.equal(await page.isVisible('#calls-table'), false, 'a long per-call table is collapsed');
  const longOrder = await page.$$eval('#calls-out > *', (els) => els.map((e) => e.id || e.tagName));
  assert.ok(longOrder.indexOf('calls-required') < longOrder.indexOf('calls-each'), `answer before the table: ${longOrder}`);
  await page.close();
  noProblems();
});

test('the embed follows its host: theme from the fragment; the app-settings example raises no sandbox warning', async () => {
  const p = await site.browser.newPage();
  const warnings = [];
  p.on('console', (m) => warnings.push(m.text()));
  await p.emulateMedia({ colorScheme: 'dark' });
  await p.goto(`${site.server.origin}/examples/app-settings.html`);
  await p.waitForFunction(() => /Installs on/.test(document.getElementById('last-report').textContent), null, { timeout: 15000 });
  assert.equal(warnings.filter((w) => /sandbox/i.test(w)).length, 0, warnings.join('\n'));
  await p.goto(`${site.server.origin}/embed.html#required=oauth&theme=light`);
  await p.waitForFunction(() => document.getElementById('preview')?.dataset.scheme === 'light');
  assert.equal(await p.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  await p.goto(`${site.server.origin}/embed.html#required=oauth&theme=dark`);
  await p.reload();
  await p.waitForFunction(() => document.getElementById('preview')?.dataset.scheme === 'dark');
  await p.close();
});

test('theme="auto": the element and the iframe follow a dark host on a light OS and a light host on a dark OS, not the OS', async () => {
  const page = await site.browser.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const host = (scheme) => `<!doctype html><html lang="en" style="color-scheme: ${scheme}"><head><title>Host</title></head><body>
<iframe id="frame" title="Install preview" src="embed.html#required=oauth%20automation"></iframe>
<tierscope-preview id="el" required="oauth automation"></tierscope-preview>
<script type="module" src="element/tierscope-preview.js"></script></body></html>`;
  let scheme = 'dark';
  await page.route(`${site.server.origin}/host.html`, (r) => r.fulfill({ contentType: 'text/html', body: host(scheme) }));
  const read = async () => {
    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    await frame.waitForFunction(() => document.getElementById('preview')?.report);
    await page.waitForFunction(() => document.getElementById('el')?.report);
    return {
      frame: await frame.evaluate(() => [document.getElementById('preview').dataset.scheme, getComputedStyle(document.body).backgroundColor]),
      element: await page.$eval('#el', (e) => [e.dataset.scheme, getComputedStyle(e).backgroundColor]),
      os: await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
    };
  };
  const light = 'rgb(255, 255, 255)';
  // A dark host (color-scheme: dark) on a light OS: both dark.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${site.server.origin}/host.html`);
  let r = await read();
  assert.equal(r.os, 'light');
  assert.equal(r.frame[0], 'dark'); assert.notEqual(r.frame[1], light);
  assert.equal(r.element[0], 'dark'); assert.notEqual(r.element[1], light);
  // A light host on a dark OS: both light (no black box in a light page).
  scheme = 'light';
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${site.server.origin}/host.html`);
  r = await read();
  assert.equal(r.os, 'dark');
  assert.deepEqual(r.frame, ['light', light]);
  assert.deepEqual(r.element, ['light', light]);
  // The host switches to dark at run time: the frame follows.
  await page.evaluate(() => { document.documentElement.style.colorScheme = 'dark'; });
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  await frame.waitForFunction(() => document.getElementById('preview').dataset.scheme === 'dark');
  // A host that offers both follows the visitor.
  scheme = 'light dark';
  await page.goto(`${site.server.origin}/host.html`);
  r = await read();
  assert.equal(r.frame[0], 'dark');
  assert.equal(r.element[0], 'dark');
  await page.close();
  noProblems();
});

test('layout shift on a phone stays at or below 0.1', async () => {
  const page = await site.browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${site.server.origin}/`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await page.waitForTimeout(1500);
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls <= 0.1, `cumulative layout shift ${cls}`);
  await page.close();
});

test('axe-clean in light and dark: empty, stale and failing states', async () => {
  for (const dark of [false, true]) {
    const page = await open('', { dark });
    for (const text of ['', 'oauth crm.objects.contacts.read contacts.bogus_scope', '{ "auth": ']) {
      await page.fill('#paste', text);
      await page.waitForTimeout(600);
      const v = await axeViolationsUnderCsp(page);
      assert.deepEqual(v.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${dark ? 'dark' : 'light'}, ${JSON.stringify(text)}`);
    }
    await page.close();
  }
  noProblems();
});

test('screenshots of the main journeys (laptop, phone, 360 px, dark) in test-artifacts/', async () => {
  const paste = (text) => async (page) => { await page.fill('#paste', text); await page.waitForTimeout(600); };
  const journeys = [
    ['example', async () => {}],
    // The example's config with its install URL (rule 5), then the first fix applied (the corrected URL).
    ['url-mismatch', async (page) => { await page.fill('#install-url', RULE5_URL); await page.waitForSelector('#url-check[data-state=mismatch]'); await page.waitForTimeout(400); await page.$eval('#verdict', (e) => e.scrollIntoView()); }],
    ['url-fixed', async (page) => { await page.click('#verdict-fix'); await page.waitForSelector('#url-check[data-state=ok]'); await page.waitForTimeout(400); await page.$eval('#verdict', (e) => e.scrollIntoView()); }],
    ['first-fix-applied', async (page) => { await page.fill('#install-url', ''); await page.waitForTimeout(300); await page.click('#verdict-fix'); await page.waitForTimeout(600); await page.$eval('#verdict', (e) => e.scrollIntoView()); }],
    ['empty', paste('')],
    ['invalid-scope', paste('oauth crm.objects.contacts.read contacts.bogus_scope')],
    ['stale', paste('{\n  "auth": {\n    "requiredScopes": ["oauth",],\n  }\n}')],
    ['calls', async (page) => { await page.fill('#paste', 'oauth crm.objects.contacts.read'); await page.click('#calls-panel summary'); await page.waitForSelector('#calls-required', { timeout: 15000 }); await page.waitForTimeout(400); await page.$eval('#calls-panel', (e) => e.scrollIntoView()); }],
  ];
  for (const [device, width, height, dark] of [['laptop', 1366, 900, false], ['phone', 390, 844, false], ['narrow-360', 360, 740, false], ['laptop-dark', 1366, 900, true], ['phone-dark', 390, 844, true]]) {
    const page = await open('', { width, height, dark });
    for (const [name, step] of journeys) {
      await step(page);
      await page.screenshot({ path: artifactPath(`page-${name}-${device}.png`) });
    }
    await page.close();
  }
  noProblems();
});

test('OAuth 1 panel: *-ro scopes are recognised and map to read scopes only', async () => {
  const page = await open();
  await page.click('#migrate-panel summary');
  await page.fill('#migrate-input', 'contacts-ro forms-ro tickets-ro files-ro');
  await waitText(page, '#migrate-out', 'read-only form of contacts'); // the new list's answer, not the one before it
  const text = await page.textContent('#migrate-out');
  assert.match(text, /crm\.objects\.contacts\.read/);
  assert.doesNotMatch(text, /crm\.objects\.(contacts|companies|deals)\.write/);
  assert.doesNotMatch(text, /Not a scope tierscope knows/);
  assert.match(text, /read-only form of contacts/);
  await page.close();
  noProblems();
});

test('an uncertain tier shows its test-account plan (issue 24 item 8); Smart CRM says hs cannot', async () => {
  const page = await open();
  await page.fill('#paste', 'oauth automation');
  await waitAttr(page, '[data-profile=sales-professional]', 'data-status', 'uncertain');
  assert.match(await page.textContent('[data-profile=sales-professional] .cell-detail'), /verify/);
  await page.click('[data-profile=sales-professional]');
  await waitText(page, '#consent', 'Verify this tier');
  assert.deepEqual(JSON.parse(await page.textContent('#consent .verify-config')), { accountName: 'tierscope sales-professional',
    marketingLevel: 'FREE', salesLevel: 'PROFESSIONAL', serviceLevel: 'FREE', contentLevel: 'FREE', opsLevel: 'FREE', commerceLevel: 'FREE' });
  assert.match(await page.textContent('#consent .verify-url'), /scope=automation%20oauth/);
  await page.click('[data-profile=commerce-professional]');
  await waitText(page, '#consent', '"commerceLevel": "PROFESSIONAL"');
  // Smart CRM: automation installs there (only the 2026 spec speaks of it); cms.functions.read is uncertain
  // (only the 2023 table speaks, and it predates Smart CRM).
  await page.fill('#paste', 'oauth cms.functions.read');
  await waitAttr(page, '[data-profile=smart_crm-professional]', 'data-status', 'uncertain');
  await page.click('[data-profile=smart_crm-professional]');
  await waitText(page, '#consent', 'cannot set Smart CRM');
  assert.equal(await page.$('#consent .verify-config'), null);
  await page.click('[data-profile=free]');  // permission-error: no plan
  await waitText(page, '#consent', 'How to fix it');
  assert.equal(await page.$('#consent .verify'), null);
  await page.close();
  noProblems();
});

test('a catalog older than 180 days: the page says so beside its date (issue 24 item 9)', async () => {
  const asOf = Date.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'hubspot-scopes.json'), 'utf8')).as_of);
  const at = async (days) => {
    const page = await site.browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.addInitScript((now) => { Date.now = () => now; }, asOf + days * 864e5 + 36e5);
    await page.goto(`${site.server.origin}/`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
    const text = await page.$eval('#catalog-date', (e) => e.parentElement.textContent);
    await page.close();
    return text;
  };
  assert.match(await at(181), /\(181 days old: HubSpot may have added scopes or changed tiers since\)/);
  assert.doesNotMatch(await at(180), /days old/);
  noProblems();
});

test('panels are contained once the page is ready, the ones below the first screen skipped off screen (not at the first layout)', async () => {
  const page = await open();
  const styles = await page.evaluate(() => [...document.querySelectorAll('section.panel')].map((p) => ({
    cls: p.className, contain: getComputedStyle(p).contain, cv: getComputedStyle(p).contentVisibility })));
  assert.ok(styles.length >= 3);
  for (const s of styles) {
    assert.match(s.contain, /content|layout/, `${s.cls}: contain ${s.contain}`);
    const top = /\b(input-panel|matrix-panel)\b/.test(s.cls);
    assert.equal(s.cv, top ? 'visible' : 'auto', `${s.cls}: content-visibility`);
  }
  // Before the page is ready nothing is contained: the same page without data-ready.
  const before = await page.evaluate(() => {
    document.documentElement.removeAttribute('data-ready');
    const p = document.querySelector('section.panel:not(.input-panel):not(.matrix-panel)');
    return { contain: getComputedStyle(p).contain, cv: getComputedStyle(p).contentVisibility };
  });
  assert.deepEqual(before, { contain: 'none', cv: 'visible' });
  await page.close();
  noProblems();
});
