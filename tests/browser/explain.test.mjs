// Browser test of the explanation panel (site/explain.js, build/site, real wasm): a pasted HubSpot
// error shows its cause and fix ABOVE the matrix; with the app config pasted before it, the fix
// applies in one click; a translated page and a 403 repr are read; user text never becomes HTML;
// axe-clean; 360 px; no request leaves 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolationsUnderCsp, artifactPath, N_PROFILES } from './lib.mjs';
import { useSite } from './setup.mjs';

const SAMPLES = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'explain');
const sample = (name) => readFileSync(join(SAMPLES, name), 'utf8');
const site = useSite();
const { open, waitText, problems } = site;

test('a pasted install error: cause and fix above the matrix; the fix applies to the config pasted before', async () => {
  const page = await open();
  await page.fill('#paste', sample('config.json'));
  await waitText(page, '#matrix', 'Installs');
  assert.equal(await page.isHidden('#explain'), true, 'a config is not an error: no panel');
  await page.fill('#paste', sample('install-2026.txt'));
  await waitText(page, '#explain', 'The account’s tier lacks a required scope');
  const text = await page.textContent('#explain');
  assert.match(text, /automation/);
  assert.ok(text.includes(`locks out ${N_PROFILES - 14} of ${N_PROFILES} standard tiers`), text);  // 4 install, 10 uncertain
  assert.match(text, /make-optional/);
  // Above the matrix, in document order.
  const above = await page.evaluate(() => !!(document.querySelector('#explain').compareDocumentPosition(document.querySelector('#matrix')) & Node.DOCUMENT_POSITION_FOLLOWING));
  assert.ok(above, 'the panel comes before the matrix');
  await page.click('#explain button[data-action=apply-explain-fix]');
  await page.waitForFunction(() => document.querySelector('#optional')?.value.includes('automation'), null, { timeout: 10000 });
  assert.doesNotMatch(await page.inputValue('#required'), /automation/);
  await page.close();
  assert.deepEqual(problems, []);
});

test('a 403 repr, a Japanese page, token info; an unrecognised language is named', async () => {
  const page = await open();
  await page.fill('#paste', sample('403-python.txt'));
  await waitText(page, '#explain', 'The token lacks a scope this call needs');
  // The scopes line itself (an array child once became ",[object HTMLElement]" there).
  assert.match(await page.textContent('#explain .explain-scopes'), /^All of: (?:[a-z.]+, )*crm\.objects\.deals\.read(?:, [a-z.]+)*$/);
  await page.fill('#paste', sample('install-2026-ja.txt'));
  await waitText(page, '#explain', 'Japanese');
  await page.fill('#paste', sample('token-access.json'));
  await waitText(page, '#explain', 'Granted: oauth, crm.objects.contacts.read');
  await page.fill('#paste', sample('install-it.txt'));
  await page.waitForSelector('#explain', { state: 'hidden', timeout: 5000 });
  await page.close();
  assert.deepEqual(problems, []);
});

test('an error text that names no scope gives no verdict, not "installs everywhere"', async () => {
  const page = await open();
  await page.fill('#paste', 'Couldn’t complete the connection\n\nSomething went wrong. Please try again later.\n');
  await page.waitForFunction(() => /No verdict: no scopes found/.test(document.querySelector('#verdict')?.textContent || ''), null, { timeout: 10000 });
  const bar = await page.textContent('#verdict');
  assert.doesNotMatch(bar, /Installs on|✓/, bar);
  assert.equal(await page.locator('#verdict-fix').count(), 0);
  // Scopes pasted after it: a verdict again.
  await page.fill('#paste', 'crm.objects.contacts.read');
  await page.waitForFunction(() => /Installs on/.test(document.querySelector('#verdict')?.textContent || ''), null, { timeout: 10000 });
  await page.close();
  assert.deepEqual(problems, []);
});

test('user text in an error never becomes HTML', async () => {
  const page = await open();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.fill('#paste', '{"category":"MISSING_SCOPES","errors":[{"message":"One or more of the following scopes are required.","context":{"requiredScopes":["<img src=x onerror=alert(1)>", "tickets"]}}]}');
  await waitText(page, '#explain', 'tickets');
  assert.equal(await page.locator('#explain img').count(), 0);
  assert.equal(dialogs, 0);
  await page.close();
  assert.deepEqual(problems, []);
});

test('axe-clean with the panel, light and dark; usable at 360 px', async () => {
  for (const dark of [false, true]) {
    const page = await open('', { dark });
    await page.fill('#paste', sample('403.json'));
    await waitText(page, '#explain', 'Any one of');
    const violations = await axeViolationsUnderCsp(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    await page.close();
  }
  const page = await open('', { width: 360, height: 780 });
  await page.fill('#paste', sample('install-2026.txt'));
  await waitText(page, '#explain', 'make-optional');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px (${overflow} px)`);
  await page.screenshot({ path: artifactPath('explain-360.png'), fullPage: true });
  await page.close();
  assert.deepEqual(problems, []);
});
