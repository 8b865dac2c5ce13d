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
  // ...and the project reader beside it, imported only when a project is given (issue 20).
  assert.deepEqual(imports, ["'../tierscope.mjs'", "'./tierscope-project-files.js'"]);
  assert.ok(existsSync(join(WASM_DIR, 'element', '..', 'tierscope.mjs')));
  assert.equal(readFileSync(join(WASM_DIR, 'element', 'tierscope-project-files.js'), 'utf8'),
    readFileSync(join(ROOT, 'site', 'element', 'tierscope-project-files.js'), 'utf8'));
  assert.doesNotMatch(source, /^\s*import\s[^(]/m, 'no static import: the engine is loaded only when no engine is given');
});

test('package.json: the tierscope/element export with its types, in "files", kept as a side effect', () => {
  assert.deepEqual(pkg.exports['./element'], { types: './element/tierscope-preview.d.ts', default: './element/tierscope-preview.js' });
  for (const f of ['element/tierscope-preview.js', 'element/tierscope-project-files.js', 'element/tierscope-preview.d.ts']) assert.ok(pkg.files.includes(f), `${f} in "files"`);
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
  assert.ok(props.includes('engine') && props.includes('strings') && props.includes('report'));
  for (const p of props) {
    assert.ok(new RegExp(`(get ${p}\\(|'${p}'|static get ${p}\\()`).test(source), `the element has ${p}`);
  }
  assert.match(dts, /'tierscope-change': CustomEvent<Report>/);
  assert.match(dts, /import type \{[^}]*\bReport\b[^}]*\} from '\.\.\/tierscope\.js'/);
  assert.ok(existsSync(join(WASM_DIR, 'tierscope.d.ts')), '../tierscope.js resolves to the package types');
});

const manifest = JSON.parse(readFileSync(join(WASM_DIR, 'custom-elements.json'), 'utf8'));
const declaration = manifest.modules[0].declarations.find((d) => d.customElement);

test('custom-elements.json: valid against the Custom Elements Manifest schema, found through package.json', async () => {
  const { default: Ajv } = await import('ajv');
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'custom-elements-manifest', 'schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 1));
  assert.equal(manifest.schemaVersion, '2.1.0');
  assert.equal(readFileSync(join(WASM_DIR, 'custom-elements.json'), 'utf8'), readFileSync(join(ROOT, 'web', 'custom-elements.json'), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'));
  assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
  // The module path is the file the package ships; the definition names the tag.
  assert.equal(manifest.modules.length, 1);
  assert.equal(manifest.modules[0].path, 'element/tierscope-preview.js');
  assert.ok(existsSync(join(WASM_DIR, manifest.modules[0].path)));
  assert.equal(declaration.tagName, 'tierscope-preview');
  assert.deepEqual(manifest.modules[0].exports.find((e) => e.kind === 'custom-element-definition'),
    { kind: 'custom-element-definition', name: 'tierscope-preview', declaration: { name: 'TierscopePreview', module: 'element/tierscope-preview.js' } });
  // Each js export is exported by the module.
  for (const e of manifest.modules[0].exports.filter((x) => x.kind === 'js')) {
    assert.match(source, new RegExp(`export (class|function) ${e.name}\\b`), `the module exports ${e.name}`);
  }
});

test('custom-elements.json agrees with the element source: attributes, events, CSS custom properties', () => {
  // observedAttributes: ATTRS + compact + theme (the browser test checks the running element too).
  const attrs = JSON.parse(/const ATTRS = (\[[^\]]*\]);/.exec(source)[1].replace(/'/g, '"'));
  assert.match(source, /observedAttributes\(\) \{ return \[\.\.\.ATTRS, 'compact', 'theme', 'project-src'\]; \}/);
  assert.deepEqual(declaration.attributes.map((a) => a.name).sort(), [...attrs, 'compact', 'theme', 'project-src'].sort());
  for (const a of declaration.attributes) {
    assert.ok(declaration.members.some((m) => m.name === a.fieldName && !m.static), `attribute ${a.name} names its property`);
  }
  const events = [...new Set([...source.matchAll(/new CustomEvent\('([\w-]+)'/g)].map((m) => m[1]))].sort();
  assert.deepEqual(declaration.events.map((e) => e.name).sort(), events);
  const cssProps = [...new Set([...source.matchAll(/var\((--tierscope-[\w-]+)/g)].map((m) => m[1]))].sort();
  assert.deepEqual(declaration.cssProperties.map((p) => p.name).sort(), cssProps);
});

test('the element CSS uses logical properties only (it mirrors under dir="rtl")', () => {
  const css = /const CSS = `([\s\S]*?)`;/.exec(source)[1];
  assert.ok(css.includes(':host'), 'found the CSS');
  const physical = [
    /\b(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right|top|bottom)\b/,
    /(^|[\s;{])(left|right|top|bottom)\s*:/,
    /\b(text-align|float|clear)\s*:\s*(left|right)\b/,
    /(^|[\s;{])(width|height|min-width|max-width|min-height|max-height)\s*:/,
    /\bborder-(top|bottom|left|right)-(left|right)-radius\b/,
    // A margin/padding/inset shorthand with 3 or 4 values has a left and a right of its own.
    /(^|[\s;{])(margin|padding|inset)\s*:\s*[^;{}()]+\s[^;{}()]+\s[^;{}()]+;/,
  ];
  for (const line of css.split('\n')) {
    for (const re of physical) assert.doesNotMatch(line, re, `physical property in: ${line.trim()}`);
  }
});
