// `tierscope/element` in the npm package (build-wasm/web): the file is the site's element byte for byte,
// at the path its relative engine import expects; the exports map, "files", "sideEffects" and the types.
// The element's behaviour is tested in a browser (tests/browser/element.test.mjs, embed.test.mjs,
// bundlers.test.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, WASM_DIR } from './helpers.mjs';

const SOURCE = join(ROOT, 'site', 'element', 'tierscope-preview.js');
const PACKAGED = join(WASM_DIR, 'element', 'tierscope-preview.js');
const pkg = JSON.parse(readFileSync(join(WASM_DIR, 'package.json'), 'utf8'));
const source = readFileSync(SOURCE, 'utf8');

test('the package ships the site element file unchanged, beside ../tierscope.mjs', () => {
  assert.ok(existsSync(PACKAGED), `${PACKAGED} is missing: build the wasm module (cmake --build build-wasm)`);
  assert.equal(readFileSync(PACKAGED, 'utf8'), source, 'element/tierscope-preview.js is a copy of site/element/tierscope-preview.js');
  assert.equal(readFileSync(join(WASM_DIR, 'element', 'tierscope-preview.d.ts'), 'utf8'),
    readFileSync(join(ROOT, 'web', 'element', 'tierscope-preview.d.ts'), 'utf8'));
  // The engine import is one literal relative specifier (bundlers resolve it) that points at the package's module.
  const imports = [...source.matchAll(/\bimport\s*\(\s*([^)]*)\)/g)].map((m) => m[1].trim());
  assert.deepEqual(imports, ["'../tierscope.mjs'"]);
  assert.ok(existsSync(join(WASM_DIR, 'element', '..', 'tierscope.mjs')));
  assert.doesNotMatch(source, /^\s*import\s[^(]/m, 'no static import: the engine is loaded only when no engine is given');
});

test('package.json: the tierscope/element export with its types, in "files", kept as a side effect', () => {
  assert.deepEqual(pkg.exports['./element'], { types: './element/tierscope-preview.d.ts', default: './element/tierscope-preview.js' });
  for (const f of ['element/tierscope-preview.js', 'element/tierscope-preview.d.ts']) assert.ok(pkg.files.includes(f), `${f} in "files"`);
  // `import 'tierscope/element'` is imported for its side effect (customElements.define): a bundler must keep it.
  assert.deepEqual(pkg.sideEffects, ['./element/tierscope-preview.js']);
});

test('the types declare the element class and augment HTMLElementTagNameMap with it', () => {
  const dts = readFileSync(join(WASM_DIR, 'element', 'tierscope-preview.d.ts'), 'utf8');
  const exported = /export declare class (\w+) extends HTMLElement/.exec(dts);
  assert.ok(exported, 'an exported class declaration');
  assert.match(source, new RegExp(`export class ${exported[1]} extends HTMLElement`), 'the same class name as the element module');
  assert.match(dts, new RegExp(`declare global \\{[\\s\\S]*interface HTMLElementTagNameMap \\{\\s*'tierscope-preview': ${exported[1]};`));
  assert.match(source, /customElements\.define\('tierscope-preview', TierscopePreview\)/);
  // Every property the d.ts declares exists in the module (names taken from the declaration).
  const body = dts.slice(exported.index, dts.indexOf('\n}', exported.index));
  const props = [...body.matchAll(/^\s+(?:static\s+)?(?:readonly\s+)?(\w+):/gm)].map((m) => m[1]);
  assert.ok(props.includes('engine') && props.includes('report'));
  for (const p of props) {
    assert.ok(new RegExp(`(get ${p}\\(|'${p}'|static get ${p}\\()`).test(source), `the element has ${p}`);
  }
  assert.match(dts, /'tierscope-change': CustomEvent<Report>/);
  assert.match(dts, /import type \{[^}]*\bReport\b[^}]*\} from '\.\.\/tierscope\.js'/);
  assert.ok(existsSync(join(WASM_DIR, 'tierscope.d.ts')), '../tierscope.js resolves to the package types');
});
