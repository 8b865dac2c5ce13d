// Loading tierscope.mjs in node: from a copied package folder (the .wasm beside the .mjs), with
// locateFile / wasmBinary, through the package.json exports map, and a readable error for a missing .wasm.
import test from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { PROFILE_IDS, WASM_DIR } from './helpers.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'tierscope-load-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

function copyPackage(to) {
  mkdirSync(to, { recursive: true });
  for (const f of ['tierscope.mjs', 'tierscope.node.mjs', 'tierscope.inline.mjs', 'tierscope.wasm', 'tierscope.d.ts', 'package.json', 'README.md']) {
    cpSync(join(WASM_DIR, f), join(to, f));
  }
  return to;
}

test('the package folder is complete', () => {
  const pkg = JSON.parse(readFileSync(join(WASM_DIR, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'tierscope');
  assert.equal(pkg.version, '0.1.0');
  assert.equal(pkg.type, 'module');
  // node gets the entry that reads files with node:fs; browsers and bundlers the module that imports no node module.
  assert.deepEqual(pkg.exports['.'], { types: './tierscope.d.ts', node: './tierscope.node.mjs', default: './tierscope.mjs' });
  assert.deepEqual(pkg.exports['./inline'], { types: './tierscope.d.ts', default: './tierscope.inline.mjs' });
  for (const target of Object.values(pkg.exports).flatMap((e) => (typeof e == 'string' ? [e] : Object.values(e)))) {
    assert.ok(existsSync(join(WASM_DIR, target)), `exports target ${target} exists`);
    if (target !== './package.json') assert.ok(pkg.files.includes(target.slice(2)), `${target} in "files"`);
  }
  assert.equal(pkg.exports['./tierscope.wasm'], './tierscope.wasm');
  for (const f of ['tierscope.mjs', 'tierscope.wasm', 'tierscope.d.ts', 'README.md']) assert.ok(existsSync(join(WASM_DIR, f)), f);
  const dts = readFileSync(join(WASM_DIR, 'tierscope.d.ts'), 'utf8');
  assert.match(dts, /export function createTierscope\(/);
});

test('a copy in another folder finds its .wasm beside the .mjs', async () => {
  const dir = copyPackage(join(tmp, 'a', 'deep path', 'pkg'));
  const { createTierscope } = await import(pathToFileURL(join(dir, 'tierscope.mjs')).href);
  const ts = await createTierscope();
  assert.equal(ts.catalog.scopes > 0, true);
  assert.equal(typeof ts.checkJson('oauth'), 'string');
});

test('a child node process loads it with no options (cwd elsewhere)', () => {
  const script = `import('${pathToFileURL(join(WASM_DIR, 'tierscope.mjs')).href}').then(async (m) => {
    const ts = await m.createTierscope(); process.stdout.write(ts.version); })`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tmp, encoding: 'utf8' });
  assert.match(out, /^\d+\.\d+\.\d+$/);
});

test('resolves as the npm package "tierscope" through its exports map', () => {
  const app = join(tmp, 'app');
  copyPackage(join(app, 'node_modules', 'tierscope'));
  writeFileSync(join(app, 'package.json'), '{"type": "module"}');
  writeFileSync(join(app, 'main.js'), `import { createTierscope } from 'tierscope';
const ts = await createTierscope();
const r = ts.check('crm.objects.contacts.read');
console.log(JSON.stringify({ version: ts.version, n: r.profiles.length }));
import { createRequire } from 'node:module';
console.log(createRequire(import.meta.url).resolve('tierscope/tierscope.wasm'));`);
  const out = execFileSync(process.execPath, ['main.js'], { cwd: app, encoding: 'utf8' }).trim().split('\n');
  assert.deepEqual(JSON.parse(out[0]), { version: '0.1.0', n: PROFILE_IDS.length });
  assert.ok(out[1].endsWith(join('node_modules', 'tierscope', 'tierscope.wasm')));
});

test('the browser module imports no node module and writes the .wasm URL in the form bundlers recognise', () => {
  const mjs = readFileSync(join(WASM_DIR, 'tierscope.mjs'), 'utf8');
  assert.doesNotMatch(mjs, /import\s*\(?\s*[^)]*['"]node:|from\s*['"]node:|require\(/);
  assert.ok(mjs.includes("new URL('tierscope.wasm', import.meta.url)"));
});

test('node without process.getBuiltinModule (node 18): the package node entry reads the .wasm; tierscope/inline needs no file', () => {
  const app = join(tmp, 'app18');
  copyPackage(join(app, 'node_modules', 'tierscope'));
  writeFileSync(join(app, 'package.json'), '{"type": "module"}');
  const run = (code) => execFileSync(process.execPath, ['--input-type=module', '-e', `delete process.getBuiltinModule;\n${code}`],
    { cwd: app, encoding: 'utf8' }).trim();
  assert.equal(run(`const { createTierscope } = await import('tierscope'); process.stdout.write((await createTierscope()).version);`), '0.1.0');
  rmSync(join(app, 'node_modules', 'tierscope', 'tierscope.wasm'));
  assert.equal(run(`const { createTierscope } = await import('tierscope/inline');
    process.stdout.write(String((await createTierscope()).check('oauth').profiles.length));`), String(PROFILE_IDS.length));
  assert.match(run(`const { createTierscope } = await import('tierscope');
    await createTierscope().then(() => process.stdout.write('loaded'), (e) => process.stdout.write(e.message));`), /ENOENT|no such file/);
});

test('locateFile and wasmBinary are honoured', async () => {
  const dir = copyPackage(join(tmp, 'moved'));
  const elsewhere = join(tmp, 'assets');
  mkdirSync(elsewhere, { recursive: true });
  renameSync(join(dir, 'tierscope.wasm'), join(elsewhere, 'renamed.wasm'));
  const { createTierscope } = await import(pathToFileURL(join(dir, 'tierscope.mjs')).href);

  const seen = [];
  const viaPath = await createTierscope({ locateFile: (name, base) => { seen.push([name, base]); return join(elsewhere, 'renamed.wasm'); } });
  assert.equal(viaPath.version, '0.1.0');
  assert.deepEqual(seen, [['tierscope.wasm', pathToFileURL(dir).href + '/']]);
  const viaUrl = await createTierscope({ locateFile: () => pathToFileURL(join(elsewhere, 'renamed.wasm')) });
  assert.equal(viaUrl.version, '0.1.0');
  const viaBytes = await createTierscope({ wasmBinary: readFileSync(join(elsewhere, 'renamed.wasm')) });
  assert.equal(viaBytes.version, '0.1.0');

  // Without the .wasm beside it: a rejected promise with a readable error, not a hang.
  await assert.rejects(createTierscope(), (e) => e instanceof Error && /tierscope\.wasm|ENOENT/.test(e.message));
});
