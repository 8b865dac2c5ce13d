// CI's short run of the benchmark command (node bench/run.mjs --smoke): it must build its native and
// wasm probes, drive headless Chromium and produce a complete, sane report. No figure is compared
// with a time limit: speed itself is measured by the full run, into BENCHMARKS.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('bench/run.mjs --smoke measures everything and writes a sane Speed section', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierscope-bench-smoke-'));
  try {
    const md = join(dir, 'BENCHMARKS.md'); const json = join(dir, 'bench.json');
    const r = spawnSync(process.execPath, ['bench/run.mjs', '--smoke', '--out', md, '--json', json], { cwd: ROOT, encoding: 'utf8', timeout: 240000 });
    assert.equal(r.status, 0, `bench failed: ${r.stderr}`);
    const res = JSON.parse(readFileSync(json, 'utf8'));
    const positive = (x, what) => assert.ok(Number.isFinite(x) && x > 0, `${what} is a positive number (${x})`);
    assert.deepEqual(res.sizes, [1, 10]);
    assert.ok(res.configurations >= 65536, 'configurations from the catalog');
    for (const side of ['native', 'node', 'chromium']) res.floor[side].forEach((x, i) => positive(x, `floor ${side} ${res.sizes[i]}`));
    const a = res.targets.after;
    for (const side of ['native', 'node', 'chromium']) {
      assert.equal(a[side].check.length, 2);
      a[side].check.forEach((x, i) => positive(x, `${side} check ${res.sizes[i]}`));
    }
    // The floor is a lower bound of the real work.
    assert.ok(res.floor.native[1] < a.native.check[1], 'the native floor is below the native check');
    for (const k of ['import', 'create', 'first']) positive(a.node[k], `node start-up ${k}`);
    for (const k of ['import', 'create', 'first', 'total']) positive(a.chromium.startup[k], `Chromium start-up ${k}`);
    positive(a.chromium.nav.result, 'navigation → first result');
    assert.ok(a.chromium.nav.painted >= a.chromium.nav.result, 'painted after the result is in the DOM');
    assert.ok(a.chromium.nav.resultP75 >= a.chromium.nav.result, 'the 75th percentile is at least the median');
    assert.equal(a.chromium.keys.length, 3, 'three typing scenarios: the example app, 100 scopes, 300 unknown names');
    for (const k of a.chromium.keys) {
      assert.ok(k.marked, 'the page has its performance marks');
      assert.equal(k.next.n, 8);
      assert.ok(k.first >= 0 && k.first <= 1, `${k.scenario}: the share of results in the first frame is a fraction`);
      for (const w of ['next', 'result']) {
        positive(k[w].p50, `${k.scenario} ${w} p50`);
        assert.ok(k[w].p95 >= k[w].p50, `${k.scenario} ${w}: p95 ≥ p50`);
      }
    }
    const files = a.bytes.map((b) => b.file);
    for (const f of ['index.html', 'boot.js', 'app.js', 'worker.js', 'tierscope.wasm']) assert.ok(files.includes(f), `a first visit loads ${f} (${files})`);
    assert.ok(!files.includes('tierscope.mjs') && !files.includes('dom.js'), 'the page loads its bundles, not the modules');
    for (const b of a.bytes) assert.ok(b.gzip < b.raw && b.brotli < b.raw, `${b.file} compresses`);
    const text = readFileSync(md, 'utf8');
    assert.match(text, /^## Speed$/m);
    assert.match(text, /^\| 10 \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+× \| [\d.]+× \|$/m, 'a row of figures per size');
    assert.match(text, /navigation → first real status in the matrix\*\*[^|]* \| [\d.]+ \|/);
    assert.match(text, /\| \*\*all \d+ files\*\* \|/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
