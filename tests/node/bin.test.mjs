// `npx tierscope` (the package's bin: cli/*.cpp compiled to wasm for node, web/cli.cmake) against
// the native CLI: the whole CLI test suite passes on it, and the same arguments give the same
// stdout, stderr and exit code byte for byte; the packed tarball installs a working bin.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, WASM_DIR, CLI } from './helpers.mjs';

const BIN = join(WASM_DIR, 'tierscope-bin.cjs');
const tmp = mkdtempSync(join(tmpdir(), 'tierscope-bin-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name, text) => { const p = join(tmp, name); writeFileSync(p, text); return p; };
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR' && k !== 'FORCE_COLOR'));

// In shards run side by side (test_cli.py's TIERSCOPE_TEST_SHARD), one per core: each test spawns the bin.
test('the CLI test suite (tests/cli/test_cli.py) passes on the bin', async () => {
  const n = Math.min(4, Math.max(2, availableParallelism()));
  const shard = (k) => new Promise((done) => {
    const p = spawn('python3', [join(ROOT, 'tests', 'cli', 'test_cli.py'), BIN], { env: { ...env, TIERSCOPE_TEST_SHARD: `${k}/${n}` } });
    let err = '';
    p.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
    p.on('close', (status) => done({ status, err }));
  });
  const runs = await Promise.all(Array.from({ length: n }, (_, i) => shard(i + 1)));
  let ran = 0;
  for (const r of runs) {
    assert.equal(r.status, 0, r.err.slice(-3000));
    assert.match(r.err, /\nOK\n?$/);
    ran += Number(/\nRan (\d+) tests? in/.exec(r.err)?.[1] ?? NaN);
  }
  // Every test of the suite ran once over the shards.
  const count = 'import sys, unittest; sys.argv = ["", "-"]; import test_cli; '
    + 'print(unittest.defaultTestLoader.loadTestsFromModule(test_cli).countTestCases())';
  const all = spawnSync('python3', ['-c', count], { encoding: 'utf8', cwd: join(ROOT, 'tests', 'cli'), env });
  assert.equal(ran, Number(all.stdout.trim()));
});

test('same stdout, stderr and exit code as the native CLI', { skip: !existsSync(CLI) && 'no native CLI' }, () => {
  const cfg = file('public-app.json', JSON.stringify({ name: 'Demo', auth: { redirectUrls: ['https://x.example/cb'],
    requiredScopes: ['oauth', 'crm.objects.contacts.read'], optionalScopes: ['automation'], conditionallyRequiredScopes: ['tickets'] } }));
  const old = file('old.txt', 'oauth contacts'), neu = file('new.txt', 'oauth automation crm.objects.contacts.read');
  const bad = file('bad.json', '{\n  "auth": {"requiredScopes": ["oauth",]}\n}');
  const calls = file('calls.txt', 'GET /crm/v3/objects/contacts\nPOST /crm/v3/objects/deals/batch/read\n');
  const cases = [
    [['--help']], [['-V']], [['check', '--help']], [['help', 'diff']], [[]], [['frobnicate']],
    [['check', '--required', 'oauth automation', '--optional', 'tickets']],
    [['check', '--format=json', '--required=oauth automation', '--require-install-on', 'free']],
    [['check', '--format', 'markdown', '--required', 'oauth automation', '--require-install-on', 'marketing-professional']],
    [['check', '--format', 'json', '-'], 'https://app.hubspot.com/oauth/authorize?client_id=1&scope=oauth%20automation'],
    [['check', '--require-install-on', 'free', '-'], ''],
    [['check', bad]], [['check', '/no/such/file']], [['check', '--format', 'xml', '--required', 'oauth']],
    [['check', cfg, '--url', 'https://app.hubspot.com/oauth/authorize?client_id=1&scope=oauth']],
    [['check', '--format', 'json', cfg, '--account', 'marketing=professional,sensitive_data', '--profile', 'free']],
    [['url', cfg, '--client-id', 'abc', '--eu']], [['url', cfg, '--format', 'json']],
    [['migrate', '--scopes', 'contacts content reports social automation']], [['migrate', '--format', 'markdown', '-'], 'contacts automation'],
    [['diff', old, neu]], [['diff', neu, old, '--format', 'json']], [['diff', old, neu, '--format', 'markdown']],
    [['scopes', '--search', 'sensitive']], [['scopes', '--format', 'json', '--search', 'tickets']],
    [['calls', calls, cfg]], [['calls', calls, '--format', 'json']],
  ];
  const diffs = [];
  for (const [args, stdin] of cases) {
    const run = (cmd) => spawnSync(cmd, args, { input: stdin ?? '', env, maxBuffer: 1 << 26 });
    const a = run(CLI), b = run(BIN);
    for (const k of ['status', 'stdout', 'stderr']) {
      const x = String(a[k]), y = String(b[k]);
      if (x !== y) diffs.push(`tierscope ${args.join(' ')}: ${k} differs\n  native: ${x.slice(0, 300)}\n  bin:    ${y.slice(0, 300)}`);
    }
  }
  assert.deepEqual(diffs, []);
});

test('npm pack: the tarball installs a bin that runs', () => {
  const out = execFileSync('npm', ['pack', '--pack-destination', tmp, '--silent'], { cwd: WASM_DIR, encoding: 'utf8' }).trim();
  const app = join(tmp, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{"name": "app", "private": true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(tmp, out.split('\n').pop())], { cwd: app, stdio: 'ignore' });
  const version = JSON.parse(readFileSync(join(WASM_DIR, 'package.json'), 'utf8')).version;
  assert.match(execFileSync(join(app, 'node_modules', '.bin', 'tierscope'), ['--version'], { encoding: 'utf8' }), new RegExp(`^tierscope ${version} `));
  const r = spawnSync(join(app, 'node_modules', '.bin', 'tierscope'), ['check', '--require-install-on', 'free', '--required', 'automation']);
  assert.equal(r.status, 1);
});

// The native CLI in the package (scripts/build-native-bin.sh puts tierscope-linux-x64 in the package
// folder; web/install.cjs, the postinstall, puts it in place of the bin where it runs).
const NATIVE_IN_PKG = join(WASM_DIR, `tierscope-${process.platform}-${process.arch}`);
test('npm pack with the native CLI: installed, the bin is the native CLI; with --ignore-scripts or TIERSCOPE_WASM_CLI, the wasm CLI',
  { skip: !existsSync(NATIVE_IN_PKG) && 'no native CLI in the package folder (scripts/build-native-bin.sh)' }, () => {
    const out = execFileSync('npm', ['pack', '--pack-destination', tmp, '--silent'], { cwd: WASM_DIR, encoding: 'utf8' }).trim();
    const tarball = join(tmp, out.split('\n').pop());
    const cfg = file('native-app.json', JSON.stringify({ name: 'Demo', auth: { redirectUrls: ['https://x.example/cb'],
      requiredScopes: ['oauth', 'automation'], optionalScopes: ['tickets'] } }));
    const isElf = (p) => readFileSync(p).subarray(0, 4).toString('latin1') === '\x7fELF';
    const runs = {};
    for (const [name, args, extraEnv] of [['native', [], {}], ['ignore-scripts', ['--ignore-scripts'], {}],
      ['opt-out', [], { TIERSCOPE_WASM_CLI: '1' }]]) {
      const app = join(tmp, `app-${name}`);
      execFileSync('mkdir', ['-p', app]);
      writeFileSync(join(app, 'package.json'), '{"name": "app", "private": true}');
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', ...args, tarball],
        { cwd: app, stdio: 'ignore', env: { ...env, ...extraEnv } });
      const bin = join(app, 'node_modules', 'tierscope', 'tierscope-bin.cjs');
      runs[name] = { elf: isElf(bin), run: spawnSync(join(app, 'node_modules', '.bin', 'tierscope'), ['check', '--format', 'json', cfg], { env }) };
    }
    assert.equal(runs.native.elf, true, 'the postinstall put the native CLI in place');
    assert.equal(runs['ignore-scripts'].elf, false);
    assert.equal(runs['opt-out'].elf, false);
    const want = spawnSync(CLI, ['check', '--format', 'json', cfg], { env });
    for (const [name, { run }] of Object.entries(runs)) {
      assert.equal(run.status, want.status, name);
      assert.equal(String(run.stdout), String(want.stdout), name);
    }
  });
