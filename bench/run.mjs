// Every speed figure of BENCHMARKS.md in one command (issue 12), for this tree ("after") and, with
// --before DIR, another built checkout ("before", e.g. main as of an earlier commit), in the same run:
// check() of 1…300 scopes natively, as wasm in node and as wasm in headless Chromium; the bitset floor
// (bench/floor.cpp, native and wasm) for the same sizes; start-up; navigation → first result;
// keystroke → frame over 200 keys; bytes raw / gzip / brotli per file of a first visit.
//   node bench/run.mjs [--before DIR] [--write] [--smoke] [--out FILE] [--json FILE]
// --write replaces the "Speed" section of BENCHMARKS.md (--out: another file); --smoke: a short run
// with small counts (CI runs it to check the bench works; its figures mean nothing).
// A DIR (this tree too) must be built: DIR/build/core/libtierscope_core.a, DIR/build-wasm/web,
// DIR/build/site (scripts/build.sh).
import { spawnSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { browserFigures } from './browser.mjs';
import { cliFigures } from './cli.mjs';
import { median, sample, quantile, siteBytes } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, def) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : def; };
const SMOKE = flag('--smoke');
const CFG = SMOKE
  ? { sizes: [1, 10], samples: 3, minMs: 2, warmMs: 50, keys: 8, runs: 1, gap: 10 }
  : { sizes: [1, 10, 30, 100, 300], samples: 15, minMs: 5, warmMs: 1000, keys: 200, runs: 15, gap: 50 };
const tmp = mkdtempSync(join(tmpdir(), 'tierscope-bench-'));
const log = (...a) => console.error('bench:', ...a);

function target(name, dir) {
  const t = { name, dir, lib: join(dir, 'build/core/libtierscope_core.a'), include: join(dir, 'core/include'),
    wasmDir: join(dir, 'build-wasm/web'), site: join(dir, 'build/site') };
  for (const need of [t.lib, join(t.wasmDir, 'tierscope.mjs'), join(t.site, 'index.html')]) {
    if (!existsSync(need)) throw new Error(`${need} is missing: build ${dir} first (bash scripts/build.sh)`);
  }
  t.commit = option(`--${name}-label`) || spawnSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  return t;
}

const targets = [];
if (option('--before')) targets.push(target('before', resolve(option('--before'))));
targets.push(target('after', ROOT));

// Inputs: N catalog scopes (current ones, catalog order) as a pasted list; past the catalog's end
// the list starts over (duplicates), which the report flags like any pasted duplicate.
const catalog = JSON.parse(readFileSync(join(ROOT, 'data/hubspot-scopes.json'), 'utf8'));
const names = catalog.scopes.filter((s) => !s.deprecated && !s.retired_on).map((s) => s.name);
// Bits per set: the model's configuration indexes (each hub's tier in ceil(log2 tiers) bits, one bit per
// feature), as the evaluator's sets hold them; configurations: the product of the tiers HubSpot sells of
// each hub, times 2 per feature (the coverage count).
const tierBits = Math.ceil(Math.log2(catalog.tiers.length));
const bits = 2 ** (tierBits * catalog.hubs.length + (catalog.features || []).length);
const configurations = catalog.hubs.reduce((n, h) => n * (h.tiers || catalog.tiers).length, 2 ** (catalog.features || []).length);
const inputs = CFG.sizes.map((n) => Array.from({ length: n }, (_, i) => names[i % names.length]).join(' '));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.error || '').toString().slice(0, 800)}`);
  return r.stdout;
}

// --- native: check_text per size, in process, against each target's core library
function nativeFigures(t) {
  const bin = join(tmp, `native-${t.name}`);
  run('g++', ['-O3', '-DNDEBUG', '-std=c++17', '-I', t.include, join(ROOT, 'bench/native.cpp'), t.lib, '-o', bin]);
  const lines = run(bin, [], { input: inputs.join('\n') + '\n' }).trim().split('\n');
  return { check: lines.map((l) => Number(l.split(' ')[0])), firstCall: Number(lines[0].split(' ')[1]),
    lean: lines.map((l) => Number(l.split(' ')[2])) };
}

// --- the floor: natively and as wasm (run in node here, in Chromium by browser.mjs)
function buildFloor() {
  const bin = join(tmp, 'floor');
  run('g++', ['-O3', '-march=native', '-std=c++17', join(ROOT, 'bench/floor.cpp'), '-o', bin]);
  const wasm = join(tmp, 'floor.wasm');
  run('emcc', ['-O3', '-msimd128', '--no-entry', '-sSTANDALONE_WASM', '-sINITIAL_MEMORY=33554432',
    '-sEXPORTED_FUNCTIONS=_floor_init,_floor_pass', join(ROOT, 'bench/floor.cpp'), '-o', wasm],
  { env: { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' } });
  const native = run(bin, [String(bits), ...CFG.sizes.map(String)]).trim().split('\n').map((l) => Number(l.split(' ')[1]) / 1000);
  return { bin, wasm, native };
}

async function floorInNode(wasmPath) {
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
  const { floor_init: init, floor_pass: pass } = instance.exports;
  const words = bits / 64;
  init(words, 300, 42n);
  return CFG.sizes.map((n) => sample(() => pass(words, n), CFG));
}

// --- wasm in node: check() per size; start-up in fresh processes
async function nodeFigures(t) {
  const url = pathToFileURL(join(t.wasmDir, 'tierscope.mjs')).href;
  const mod = await import(url);
  const ts = await mod.createTierscope();
  // Steady state first: every size, full and lean, for CFG.warmMs, so that no size is measured while V8 still
  // runs the module's baseline code (whichever series came first was slower, BENCHMARKS.md, s31-boundary).
  for (const t0 = performance.now(); performance.now() - t0 < CFG.warmMs;) {
    for (const input of inputs) { ts.check(input); try { ts.check(input, { lean: true }); } catch { /* no lean */ } }
  }
  const check = inputs.map((input) => sample(() => ts.check(input), CFG));
  const hasLean = (() => { try { ts.check('oauth', { lean: true }); return true; } catch { return false; } })();
  const lean = inputs.map((input) => (hasLean ? sample(() => ts.check(input, { lean: true }), CFG) : NaN));
  const probe = `const t0 = performance.now(); const m = await import(${JSON.stringify(url)}); const t1 = performance.now();
const ts = await m.createTierscope(); const t2 = performance.now(); ts.check(${JSON.stringify(inputs[Math.min(1, inputs.length - 1)])});
console.log(JSON.stringify([t1 - t0, t2 - t1, performance.now() - t2]));`;
  const starts = [];
  for (let i = 0; i < CFG.runs; i++) starts.push(JSON.parse(run(process.execPath, ['--input-type=module', '-e', probe])));
  return { check, lean, import: median(starts.map((s) => s[0])), create: median(starts.map((s) => s[1])), first: median(starts.map((s) => s[2])) };
}

const started = performance.now();
const results = { configurations, bits, sizes: CFG.sizes, smoke: SMOKE, runs: CFG.runs, warmMs: CFG.warmMs, targets: {} };
log(`targets: ${targets.map((t) => `${t.name} ${t.commit}`).join(', ')}; ${configurations} configurations in ${bits}-bit sets; sizes ${CFG.sizes.join(' ')}`);
const floor = buildFloor();
results.floor = { native: floor.native, node: await floorInNode(floor.wasm) };
for (const t of targets) {
  log(`${t.name}: native`);
  const native = nativeFigures(t);
  log(`${t.name}: wasm in node`);
  const node = await nodeFigures(t);
  results.targets[t.name] = { commit: t.commit, native, node, bytes: null };
}
log('the CLI: fresh processes (wasm in node, native, node -e 0)');
results.cli = cliFigures({ targets, input: inputs[Math.min(1, inputs.length - 1)], runs: SMOKE ? 2 : 20, tmp });
log('headless Chromium: wasm, floor, start-up, navigation, keystrokes');
const browser = await browserFigures({ targets, inputs, floorWasm: floor.wasm, configurations: bits, cfg: CFG, tmp });
results.floor.chromium = browser.floor;
for (const t of targets) {
  Object.assign(results.targets[t.name], { chromium: browser.targets[t.name] });
  results.targets[t.name].bytes = siteBytes(t.site, browser.targets[t.name].loaded);
}
results.seconds = (performance.now() - started) / 1000;
rmSync(tmp, { recursive: true, force: true });

// --- the report
const { section } = await import('./report.mjs');
const md = section(results, { date: execSync('date -u +%Y-%m-%d', { encoding: 'utf8' }).trim(), node: process.version, quantile });
console.log(md);
if (option('--json')) writeFileSync(option('--json'), JSON.stringify(results, null, 1));
if (flag('--write') || option('--out')) {
  const file = option('--out', join(ROOT, 'BENCHMARKS.md'));
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = /\n## Speed\n[\s\S]*?(?=\n## |$)/; // replaced where it stands, else appended
  text = section.test(text) ? text.replace(section, () => `\n${md.trimEnd()}\n`) : `${text.trimEnd()}\n\n${md}`;
  writeFileSync(file, text.trimEnd() + '\n');
  log(`wrote ${file}`);
}
log(`done in ${results.seconds.toFixed(1)} s`);
