// One version for the CLI, the wasm module and the npm package (source: project(VERSION) in
// CMakeLists.txt), a changelog entry for it, the licence and the package metadata.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, WASM_DIR, CLI, tierscope } from './helpers.mjs';

const cmakeVersion = /project\(tierscope VERSION (\d+\.\d+\.\d+)/.exec(readFileSync(join(ROOT, 'CMakeLists.txt'), 'utf8'))?.[1];
const pkg = JSON.parse(readFileSync(join(ROOT, 'web', 'package.json'), 'utf8'));

test('CMake, web/package.json, the CLI, the module and the built package agree on the version', async () => {
  assert.match(cmakeVersion ?? '', /^\d+\.\d+\.\d+$/, 'project(tierscope VERSION x.y.z) in CMakeLists.txt');
  assert.equal(pkg.version, cmakeVersion, 'web/package.json "version" must be the VERSION of project() in CMakeLists.txt');
  assert.equal(JSON.parse(readFileSync(join(WASM_DIR, 'package.json'), 'utf8')).version, cmakeVersion);
  assert.equal((await tierscope()).version, cmakeVersion);
  if (existsSync(CLI)) assert.match(execFileSync(CLI, ['--version'], { encoding: 'utf8' }), new RegExp(`^tierscope ${cmakeVersion.replaceAll('.', '\\.')} `));
});

test('CHANGELOG.md has an entry for the version and an Unreleased section', () => {
  const log = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  assert.match(log, /^## \[Unreleased\]$/m);
  assert.match(log, new RegExp(`^## \\[${cmakeVersion.replaceAll('.', '\\.')}\\] - \\d{4}-\\d\\d-\\d\\d$`, 'm'));
});

test('Apache-2.0: LICENSE, the package field, and both in the package', () => {
  const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  assert.match(license, /Apache License\s+Version 2\.0, January 2004/);
  assert.match(license, /END OF TERMS AND CONDITIONS/);
  assert.equal(pkg.license, 'Apache-2.0');
  for (const f of ['LICENSE', 'CHANGELOG.md']) {
    assert.ok(pkg.files.includes(f), `${f} in "files"`);
    assert.equal(readFileSync(join(WASM_DIR, f), 'utf8'), readFileSync(join(ROOT, f), 'utf8'), `${f} copied into the package folder`);
  }
});

test('package metadata: repository, homepage, bugs, keywords', () => {
  assert.equal(pkg.repository.type, 'git');
  assert.match(pkg.repository.url, /^git\+https:\/\/.+\.git$/);
  assert.match(pkg.homepage, /^https:\/\//);
  assert.match(pkg.bugs.url, /^https:\/\/.+\/issues$/);
  for (const k of ['hubspot', 'oauth', 'scopes', 'webassembly']) assert.ok(pkg.keywords.includes(k), k);
});
