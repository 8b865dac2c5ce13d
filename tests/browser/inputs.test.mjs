// Browser tests of what the page shows for real-world inputs: did-you-mean fixes (only sure ones are
// buttons), install URL templates (placeholder-in-scope), conflicting config keys and single-account apps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolationsUnderCsp } from './lib.mjs';
import { useSite } from './setup.mjs';

const site = useSite({ needs: ['index.html'] });
const { open, waitAttr, problems } = site;

/**
 * The diagnostics list items of one code: [{text, line, button}] once the list shows the code.
 * text is the whole message (behind "Show evidence" when the one-line .msg is shortened); line the .msg.
 */
async function diagnostics(page, code) {
  await page.waitForSelector(`#diagnostics li[data-code="${code}"]`, { timeout: 5000 });
  const items = await page.$$eval(`#diagnostics li[data-code="${code}"]`, (els) => els.map((e) => ({
    text: (e.querySelector('.evidence p') || e.querySelector('.msg')).textContent,
    line: e.querySelector('.msg').textContent,
    badge: e.querySelector('.badge').textContent,
    button: e.querySelector('button.fix')?.textContent || null,
  })));
  for (const d of items) assert.ok(d.text.startsWith(d.line.replace(/…$/, '')), `the one-line message starts the whole one: ${JSON.stringify(d)}`);
  return items;
}

test('a private app and a static-auth app say they install into one account; the matrix stays', async () => {
  const page = await open();
  await page.fill('#paste', JSON.stringify({ name: 'Internal sync', scopes: ['crm.objects.contacts.read', 'tickets'] }, null, 2));
  await waitAttr(page, '#format', 'data-format', 'private-app');
  const [d] = await diagnostics(page, 'single-account-app');
  assert.match(d.text, /installed in one HubSpot account only/);
  assert.equal(d.button, null, 'a note, not a fix');
  assert.ok(d.badge.length > 0);
  await waitAttr(page, '[data-profile=free]', 'data-status', 'installs');
  await page.fill('#paste', JSON.stringify({ config: { auth: { type: 'static', requiredScopes: ['oauth', 'tickets'] } } }));
  await waitAttr(page, '#format', 'data-format', 'app-hsmeta');
  assert.match((await diagnostics(page, 'single-account-app'))[0].text, /static-auth/);
  assert.deepEqual(await axeViolationsUnderCsp(page).then((v) => v.map((x) => x.id)), []);
  await page.close();
  assert.deepEqual(problems, []);
});

test('conflicting config keys: a warning that names both keys', async () => {
  const page = await open();
  await page.fill('#paste', JSON.stringify({ name: 'P', scopes: ['oauth', 'tickets'], requiredScopes: ['tickets', 'automation'] }));
  await waitAttr(page, '#format', 'data-format', 'private-app');
  const [d] = await diagnostics(page, 'conflicting-keys');
  assert.match(d.text, /both scopes and requiredScopes: tierscope read scopes/);
  assert.match(d.text, /ignored requiredScopes \(scopes only there are not evaluated\)/);
  await page.close();
  assert.deepEqual(problems, []);
});

test('install URL templates: placeholders outside scope are read; one in scope is named and blocks every tier', async () => {
  const page = await open();
  await page.fill('#paste', 'https://app.hubspot.com/oauth/authorize?client_id={{{ client_id }}}&redirect_uri={{{ redirect_uri }}}&scope=oauth%20tickets');
  await waitAttr(page, '#format', 'data-format', 'install-url');
  assert.match((await diagnostics(page, 'url-placeholder'))[0].text, /template/);
  await waitAttr(page, '[data-profile=free]', 'data-status', 'installs');

  await page.fill('#paste', 'https://app.hubspot.com/oauth/authorize?client_id={{client_id}}&redirect_uri={{redirect_uri}}&scope={{scope}}');
  await waitAttr(page, '[data-profile=free]', 'data-status', 'invalid-scope');
  const [d] = await diagnostics(page, 'placeholder-in-scope');
  assert.match(d.text, /"\{\{scope\}\}"/);
  assert.equal(d.button, null);
  assert.match(await page.textContent('[data-profile=free]'), /\{\{scope\}\}/, 'the cell names what HubSpot would reject');
  await page.close();
  assert.deepEqual(problems, []);
});

test('did-you-mean: a sure fix is a button that works; a missing write scope is words only', async () => {
  const page = await open();
  await page.fill('#paste', 'oauth crm.objects.tickets.read crm.schemas.line_items.write');
  await waitAttr(page, '#format', 'data-format', 'list');
  const items = await diagnostics(page, 'unknown-scope');
  const tickets = items.find((x) => x.text.includes('"crm.objects.tickets.read"'));
  const schemas = items.find((x) => x.text.includes('"crm.schemas.line_items.write"'));
  assert.equal(tickets.button, 'Replace crm.objects.tickets.read with tickets');
  assert.doesNotMatch(tickets.text, /carts/);
  assert.equal(schemas.button, null);
  assert.match(schemas.text, /no write scope/);
  await page.click('#diagnostics li[data-code="unknown-scope"] button.fix');
  await page.waitForFunction(() => document.querySelector('#paste').value.includes(' tickets '), null, { timeout: 5000 });
  assert.doesNotMatch(await page.inputValue('#paste'), /crm\.objects\.tickets\.read/);
  await page.close();
  assert.deepEqual(problems, []);
});
