// Browser test of the "Whole project" panel (site/project.js, issue 20; build/site, real wasm modules):
// a project folder chosen (<input webkitdirectory>, setInputFiles of a folder), a .zip chosen through the
// file chooser, and a folder dropped (DataTransferItem.webkitGetAsEntry) give the project's features,
// the calls in its code, over- and under-asking, the least-privilege auth block and the tiers; node_modules
// is not read; no user text becomes HTML; axe-clean; 360 px; no request leaves 127.0.0.1.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { axeViolationsUnderCsp, artifactPath } from './lib.mjs';
import { useSite } from './setup.mjs';

const site = useSite({ needs: ['tierscope-calls.wasm'] });
const { open, waitText, problems } = site;
const scratch = mkdtempSync(join(tmpdir(), 'tierscope-project-page-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const HOSTILE = '<img src=x onerror="window.pwned=1">';
const FILES = {
  'hsproject.json': JSON.stringify({ name: `demo ${HOSTILE}`, srcDir: 'src', platformVersion: '2025.2' }),
  'src/app/app-hsmeta.json': JSON.stringify({ uid: 'demo_app', type: 'app', config: { name: `Demo ${HOSTILE}`, distribution: 'marketplace',
    auth: { type: 'oauth', redirectUrls: ['http://localhost:3000/cb'], requiredScopes: ['oauth', 'crm.objects.contacts.read', 'automation'] } } }, null, 2),
  'src/app/cards/deal-card-hsmeta.json': JSON.stringify({ uid: 'deal_card', type: 'card', config: { name: 'Deals', location: 'crm.record.tab', objectTypes: ['deals', HOSTILE] } }, null, 2),
  'src/app/functions/sync.js': "const page = await hubspotClient.crm.contacts.basicApi.getPage(10);\nawait axios.post(`https://api.hubapi.com/crm/v3/objects/tickets/${id}`);\n",
  'node_modules/evil/index.js': 'await hubspotClient.crm.quotes.basicApi.getPage();\n',
  'src/logo.png': '\u0000PNG',
};

/** The project as a folder on disk. */
function writeFolder(name) {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const CRC = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };

/** A .zip of {path: text} under a top folder (deflated, one stored), as a zip tool writes it. */
function writeZip(name, top) {
  const locals = []; const centrals = []; let offset = 0;
  Object.entries(FILES).forEach(([path, text], i) => {
    const nameBytes = Buffer.from(`${top}/${path}`);
    const raw = Buffer.from(text);
    const stored = i === 0;
    const data = stored ? raw : deflateRawSync(raw);
    const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(raw.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(stored ? 0 : 8, 10); central.writeUInt32LE(crc32(raw), 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  });
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(FILES).length, 8); end.writeUInt16LE(Object.keys(FILES).length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  const file = join(scratch, name);
  writeFileSync(file, Buffer.concat([...locals, dir, end]));
  return file;
}

async function openPanel(page) {
  await page.click('#project-panel summary');
  await page.waitForSelector('#project-folder', { state: 'visible' });
}

/** What every way of reading the project must show. */
async function assertAnswer(page, how) {
  await waitText(page, '#project-answer', 'Installs on', 20000);
  const r = await page.evaluate(() => ({
    answer: document.getElementById('project-answer').textContent,
    about: document.getElementById('project-about').textContent,
    features: [...document.querySelectorAll('#project-features tbody tr')].map((tr) => tr.dataset.kind),
    calls: [...document.querySelectorAll('#project-calls tbody th')].map((th) => th.textContent),
    unused: [...document.querySelectorAll('#project-unused li')].map((li) => li.dataset.scope),
    findings: [...document.querySelectorAll('#project-findings li')].map((li) => li.dataset.code),
    block: document.getElementById('project-auth-block').textContent,
    cells: document.querySelectorAll('#project-matrix td[data-status]').length,
    imgs: document.querySelectorAll('#project-panel img').length,
    pwned: window.pwned === 1,
    status: document.getElementById('project-status').textContent,
  }));
  assert.match(r.answer, /problem/, `${how}: the card's missing deals scope is a problem to fix`);
  assert.match(r.about, /platform version 2025\.2/, how);
  assert.ok(r.about.includes(HOSTILE), `${how}: the project's name is shown as text`);
  assert.deepEqual(r.features, ['card'], how);
  assert.deepEqual(r.calls.sort(), ['src/app/functions/sync.js:1', 'src/app/functions/sync.js:2'], `${how}: node_modules is not read`);
  assert.deepEqual(r.unused, ['automation'], how);
  assert.ok(r.findings.includes('feature-scope-missing'), how);
  assert.ok(r.findings.includes('unknown-object-type'), how);
  const block = JSON.parse(r.block);
  assert.ok(block.auth.requiredScopes.includes('crm.objects.deals.read'), how);
  assert.ok(!block.auth.requiredScopes.includes('automation'), how);
  assert.ok(r.cells > 0, how);
  assert.equal(r.imgs, 0, `${how}: no user text as HTML`);
  assert.equal(r.pwned, false, how);
  assert.match(r.status, /files? read in this page/, how);
  return r;
}

test('a project folder chosen with the folder picker: features, calls, over-asking, auth block, tiers', async () => {
  const page = await open();
  await openPanel(page);
  await page.setInputFiles('#project-folder', writeFolder('demo'));
  const r = await assertAnswer(page, 'folder');
  // The tiers: one cell per standard profile of the report (counted, not assumed).
  const total = Number(/of (\d+) standard tiers/.exec(r.answer)[1]);
  assert.equal(r.cells, total);
  // "Use these scopes above" loads the least-privilege request into the page's fields.
  await page.click('#project-use');
  await page.waitForFunction(() => document.getElementById('required').value.includes('crm.objects.deals.read'));
  await page.close();
  assert.deepEqual(site.browser.blocked, []);
  assert.deepEqual(problems, []);
});

test('a .zip chosen through the file chooser (a top folder, stored and deflated entries)', async () => {
  const page = await open();
  await openPanel(page);
  const chooser = page.waitForEvent('filechooser');
  await page.click('#project-zip');
  await (await chooser).setFiles(writeZip('demo.zip', 'demo-main'));
  await assertAnswer(page, 'zip');
  // Not a zip: said, and no answer shown for it.
  const again = page.waitForEvent('filechooser');
  await page.click('#project-zip');
  const notZip = join(scratch, 'not.zip');
  writeFileSync(notZip, 'hello');
  await (await again).setFiles(notZip);
  await waitText(page, '#project-error', 'not a .zip');
  assert.equal(await page.$('#project-answer'), null);
  await page.close();
  assert.deepEqual(site.browser.blocked, []);
  assert.deepEqual(problems, []);
});

test('a folder dropped on the panel (webkitGetAsEntry) is walked without entering node_modules', async () => {
  const page = await open();
  await openPanel(page);
  const entered = await page.evaluate((files) => {
    // A FileSystemDirectoryEntry as the browser gives for a dropped folder (readEntries in two batches).
    const entered = [];
    const tree = {};
    for (const [path, text] of Object.entries(files)) {
      const parts = path.split('/'); let node = tree;
      for (const p of parts.slice(0, -1)) node = node[p] ||= {};
      node[parts.at(-1)] = new File([text], parts.at(-1));
    }
    const entry = (name, node) => (node instanceof File
      ? { name, isFile: true, isDirectory: false, file: (ok) => ok(node) }
      : { name, isFile: false, isDirectory: true, createReader: () => {
        entered.push(name);
        const all = Object.entries(node).map(([n, v]) => entry(n, v)); let batch = 0;
        return { readEntries: (ok) => { const out = batch === 0 ? all.slice(0, 2) : batch === 1 ? all.slice(2) : []; batch += 1; ok(out); } };
      } });
    const root = entry('demo', tree);
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    drop.dataTransfer = { items: [{ webkitGetAsEntry: () => root }], files: [] };
    document.getElementById('project-drop').dispatchEvent(drop);
    window.entered = entered;
    return entered;
  }, FILES);
  assert.ok(Array.isArray(entered));
  await assertAnswer(page, 'drop');
  const walked = await page.evaluate(() => window.entered);
  assert.ok(walked.includes('functions'));
  assert.ok(!walked.includes('node_modules'), 'node_modules is never entered');
  await page.close();
  assert.deepEqual(site.browser.blocked, []);
  assert.deepEqual(problems, []);
});

test('a folder without hsproject.json: an error that says what was looked for, no verdict', async () => {
  const page = await open();
  await openPanel(page);
  const dir = join(scratch, 'plain');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.js'), 'console.log(1)\n');
  await page.setInputFiles('#project-folder', dir);
  await waitText(page, '#project-error', 'hsproject.json', 20000);
  assert.equal(await page.$('#project-answer'), null);
  await page.close();
  assert.deepEqual(problems, []);
});

test('axe-clean with an answer, light and dark; usable at 360 px', async () => {
  const dir = writeFolder('demo-axe');
  for (const dark of [false, true]) {
    const page = await open('', { dark });
    await openPanel(page);
    await page.setInputFiles('#project-folder', dir);
    await waitText(page, '#project-answer', 'Installs on', 20000);
    const violations = await axeViolationsUnderCsp(page);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], dark ? 'dark' : 'light');
    await page.close();
  }
  const page = await open('', { width: 360, height: 780 });
  await openPanel(page);
  await page.setInputFiles('#project-folder', dir);
  await waitText(page, '#project-answer', 'Installs on', 20000);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `page is ${scroll} px wide in a ${client} px viewport`);
  await page.screenshot({ path: artifactPath('project-360.png'), fullPage: true });
  await page.close();
  assert.deepEqual(site.browser.blocked, []);
  assert.deepEqual(problems, []);
});
