// Browser test of the "From API calls" panel (build/site, real wasm modules): the calls module loads
// only when the panel opens, a pasted list and a dropped HAR file (with other hosts, and cut off)
// give the least-privilege set, the comparison with the app's config, "Use these scopes", no user
// text as HTML, axe-clean, 360 px, and no request leaving 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { axeViolationsUnderCsp, artifactPath } from './lib.mjs';
import { useSite } from './setup.mjs';

const site = useSite({ needs: ['tierscope-calls.wasm'] });
const { open, waitText, problems } = site;

const CONFIG = JSON.stringify({ name: 'Demo', auth: { requiredScopes: ['oauth', 'crm.objects.contacts.read', 'automation'], optionalScopes: ['content'] } }, null, 2);
const HAR = JSON.stringify({ log: { version: '1.2', creator: { name: 't' }, entries: [
  { request: { method: 'GET', url: 'https://api.hubapi.com/crm/v3/objects/contacts/1?properties=email' } },
  { request: { method: 'GET', url: 'https://cdn.example.com/<img src=x onerror=alert(1)>.js' } },
  { request: { method: 'POST', url: 'https://api.hubapi.com/crm/v3/objects/deals' } },
  { request: { method: 'GET', url: 'https://api.hubapi.com/<b>bold</b>/v1/x' } },
] } }, null, 2);

async function openPanel(page) {
  await page.click('#calls-panel summary');
  await page.waitForSelector('#calls-table', { state: 'attached', timeout: 15000 });
}

async function dropFile(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    document.querySelector('#calls-input').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}

test('the calls module loads only when needed (the panel, or the error wordings of the consent preview), once; the example gives the least-privilege set', async () => {
  // Watched from before the page loads: the calls module also carries HubSpot's error wordings, which
  // the consent preview fetches when it shows a tier's error page (the example's selected tier fails).
  const page = await site.browser.newPage();
  site.watch(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(site.base);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await page.waitForTimeout(300);
  const callsWasm = () => fetched.filter((u) => u.endsWith('tierscope-calls.wasm')).length;
  if (callsWasm()) assert.ok(await page.$('.error-pages'), 'loaded before the panel is used only for an error page mock-up');
  await page.fill('#paste', 'oauth crm.objects.contacts.read');
  await openPanel(page);
  assert.equal(callsWasm(), 1, 'loaded once the panel opened, and only once');
  await waitText(page, '#calls-required', 'crm.objects.contacts.write');
  // Least privilege: every call works, so automation is required; installing everywhere is the second answer.
  assert.ok((await page.textContent('#calls-required')).includes('automation'));
  assert.equal(await page.textContent('#calls-optional'), 'Optional: none');
  await waitText(page, '#calls-everywhere', '403 on');
  assert.ok((await page.textContent('#calls-everywhere')).includes('automation'));
  assert.equal(await page.$$eval('#calls-table tbody tr', (rows) => rows.length), 4);
  assert.equal(await page.$eval('#calls-table tbody tr:nth-child(4)', (r) => r.dataset.allTiers), 'false');
  // Against the pasted list: contacts.write, deals.write, automation are missing -> 403.
  await waitText(page, '#calls-uncovered', 'Will fail with 403');
  await page.close();
  assert.deepEqual(site.browser.blocked, []);
  assert.deepEqual(problems, []);
});

test('a dropped HAR: other hosts left out, user text stays text, unused scopes, Use these scopes', async () => {
  const page = await open();
  await page.fill('#paste', CONFIG);
  await page.click('#calls-panel summary');
  await dropFile(page, 'session.har', HAR);
  await waitText(page, '#calls-status', 'session.har');
  await waitText(page, '#calls-notes', 'hosts other than HubSpot');
  assert.equal(await page.$$eval('#calls-table tbody tr', (rows) => rows.length), 3);
  assert.equal(await page.$$eval('#calls-out img, #calls-out b', (els) => els.length), 0, 'no user text parsed as HTML');
  assert.ok((await page.textContent('#calls-table')).includes('/<b>bold</b>/v1/x'));
  await waitText(page, '#calls-unused', 'automation');
  assert.ok((await page.textContent('#calls-unused')).includes('locks out'));
  await waitText(page, '#calls-uncovered', '/crm/v3/objects/deals');
  await page.click('#calls-use');
  await page.waitForFunction(() => document.querySelector('#required').value.includes('crm.objects.deals.write'));
  assert.ok(!(await page.inputValue('#required')).includes('automation'));
  await page.close();
  assert.deepEqual(site.browser.blocked, []);
  assert.deepEqual(problems, []);
});

// A HAR made in the page (a few MB, so nothing large crosses the test's pipe): headers, cookies,
// query tokens and bodies that must never show, and a progress bar while it is read.
async function dropGeneratedHar(page, name, entries, { cut = false, notHar = false } = {}) {
  await page.evaluate(([n, count, cut, notHar]) => {
    const body = JSON.stringify({ results: Array.from({ length: 200 }, (_, i) => ({ id: i, email: `SECRETBODY${i}@example.com` })) });
    const parts = ['{"log": {"version": "1.2", "entries": ['];
    for (let i = 0; i < count; i += 1) {
      const url = i % 3 === 2 ? 'https://cdn.example.com/app.js' : `https://api.hubapi.com/crm/v3/objects/${i % 3 ? 'deals' : 'contacts'}/${i}?hapikey=SECRETQUERY&limit=5`;
      parts.push(`${i ? ',' : ''}${JSON.stringify({ request: { method: 'GET', url, headers: [{ name: 'Authorization', value: 'Bearer SECRETTOKEN' }, { name: 'Cookie', value: 'SECRETCOOKIE' }] }, response: { content: { text: body } } })}`);
    }
    parts.push(']}}');
    let blob = new Blob(notHar ? ['{"hello": [1, 2, 3]}'] : parts, { type: 'application/json' });
    if (cut) blob = blob.slice(0, blob.size - 2000);
    const dt = new DataTransfer();
    dt.items.add(new File([blob], n, { type: 'application/json' }));
    document.querySelector('#calls-input').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, entries, cut, notHar]);
}

test('a HAR is read in chunks with a progress bar: N calls to HubSpot, M to other hosts, no secret shown, stored or shared', async () => {
  const page = await open();
  await page.click('#calls-panel summary');
  await page.waitForSelector('#calls-table', { timeout: 15000 });
  const before = await page.inputValue('#calls-input');
  await dropGeneratedHar(page, 'big.har', 1500); // ~9 MB
  await waitText(page, '#calls-status', 'to other hosts', 60000); // the machine is shared: time is bench/har-page.mjs's
  assert.match(await page.textContent('#calls-status'), /big\.har: 1000 calls to HubSpot's API, 500 to other hosts, read in this page/);
  await waitText(page, '#calls-table', '/crm/v3/objects/deals');
  assert.equal(await page.inputValue('#calls-input'), before, 'the HAR is never pasted into the box');
  const everything = await page.evaluate(() => [document.documentElement.outerHTML, location.href, JSON.stringify(localStorage),
    JSON.stringify(sessionStorage)].join('\n'));
  for (const secret of ['SECRETTOKEN', 'SECRETCOOKIE', 'SECRETQUERY', 'SECRETBODY', 'hapikey']) assert.ok(!everything.includes(secret), secret);
  assert.equal(await page.$('#calls-progress'), null, 'the progress bar goes once the file is read');
  // Not a HAR, and cut off: clear words, no verdict from the file.
  await dropGeneratedHar(page, 'wrong.har', 1, { notHar: true });
  await waitText(page, '#calls-error', 'must be a HAR file', 30000); // the core's words, as the CLI's
  await dropGeneratedHar(page, 'cut.har', 300, { cut: true });
  await waitText(page, '#calls-notes', 'cut off');
  await page.close();
  assert.deepEqual(site.browser.blocked, []);
  assert.deepEqual(problems, []);
});

test('reading a HAR can be cancelled', async () => {
  const page = await open();
  await page.click('#calls-panel summary');
  await page.waitForSelector('#calls-table', { timeout: 15000 });
  // The Cancel button is pressed the moment it appears: on a quiet machine 36 MB are read before a
  // click from outside the page could land (the button is then gone and the click times out).
  await page.evaluate(() => {
    new MutationObserver((_, seen) => {
      const cancel = document.getElementById('calls-cancel');
      if (cancel) { seen.disconnect(); queueMicrotask(() => cancel.click()); }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await dropGeneratedHar(page, 'huge.har', 6000); // ~36 MB
  await waitText(page, '#calls-status', 'Stopped reading huge.har');
  assert.equal(await page.$('#calls-progress'), null);
  await page.close();
  assert.deepEqual(problems, []);
});

test('a cut-off HAR is reported; input that is not a HAR says so', async () => {
  const page = await open();
  await page.click('#calls-panel summary');
  await dropFile(page, 'cut.har', HAR.slice(0, HAR.indexOf('deals')));
  await waitText(page, '#calls-notes', 'cut off');
  await page.fill('#calls-input', '{"scopes": []}');
  await waitText(page, '#calls-error', 'must be a HAR file');
  assert.equal(await page.$eval('#calls-error', (e) => e.hidden), false);
  await page.close();
  assert.deepEqual(problems, []);
});

test('axe-clean with the panel open, light and dark; usable at 360 px', async () => {
  for (const dark of [false, true]) {
    const page = await open('', { dark });
    await page.fill('#paste', CONFIG);
    await openPanel(page);
    await waitText(page, '#calls-unused', 'content');
    const violations = await axeViolationsUnderCsp(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], dark ? 'dark' : 'light');
    await page.close();
  }
  const page = await open('', { width: 360, height: 780 });
  await openPanel(page);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `page is ${scroll} px wide in a ${client} px viewport`);
  await page.screenshot({ path: artifactPath('calls-360.png'), fullPage: true });
  await page.close();
  assert.deepEqual(problems, []);
});
