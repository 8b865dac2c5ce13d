// Speed of the wasm module in node: median time of check() for a typical 10-scope input, the same
// core natively in process (bench/native_check.cpp) and the wasm/native ratio, and the CLI as a process.
//   node bench/speed.mjs [--wasm-dir DIR] [--cli PATH] [--runs N] [--write]   (--write updates BENCHMARKS.md)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { execSync } from 'node:child_process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : def;
};
const wasmDir = resolve(arg('--wasm-dir', process.env.TIERSCOPE_WASM_DIR || join(ROOT, 'build-wasm', 'web')));
const cli = resolve(arg('--cli', process.env.TIERSCOPE_CLI || join(ROOT, 'build', 'cli', 'tierscope')));
const runs = Number(arg('--runs', 200));

// A typical app: 10 scopes, required + optional, as a user pastes them.
export const TYPICAL = [
  'oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read',
  'crm.objects.deals.read', 'crm.schemas.contacts.read', 'tickets', 'automation', 'forms', 'content',
].join(' ');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function timeIt(fn, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

const t0 = performance.now();
const { createTierscope } = await import(pathToFileURL(join(wasmDir, 'tierscope.mjs')).href);
const ts = await createTierscope();
const loadMs = performance.now() - t0; // includes compiling the wasm and loading the catalog
timeIt(() => ts.check(TYPICAL), 20); // warm-up
const check = median(timeIt(() => ts.check(TYPICAL), runs));
const checkJson = median(timeIt(() => ts.checkJson(TYPICAL), runs));
const parse = median(timeIt(() => ts.parse(TYPICAL), runs));

// Native: the same core in process (bench/native_check.cpp against build/core/libtierscope_core.a),
// and the CLI as a whole process (start-up and catalog loading included).
let native = null;
let nativeFirst = null;
let nativeProcess = null;
const lib = join(ROOT, 'build', 'core', 'libtierscope_core.a');
const nativeBin = join(ROOT, 'build', 'bench-native-check');
if (existsSync(lib)) {
  const cc = spawnSync('g++', ['-O3', '-DNDEBUG', '-std=c++17', '-I', join(ROOT, 'core', 'include'),
    join(ROOT, 'bench', 'native_check.cpp'), lib, '-o', nativeBin], { encoding: 'utf8' });
  if (cc.status === 0) {
    const r = spawnSync(nativeBin, [String(runs)], { input: TYPICAL, encoding: 'utf8' });
    if (r.status === 0) [native, nativeFirst] = r.stdout.trim().split(' ').map(Number);
    else console.error(`native_check failed: ${r.stderr}`);
  } else {
    console.error(`could not build the native benchmark: ${cc.stderr.slice(0, 500)}`);
  }
}
if (existsSync(cli)) {
  const once = () => spawnSync(cli, ['check', '--format', 'json', '-'], { input: TYPICAL });
  const ok = once();
  if (ok.status === 0 || ok.status === 1) nativeProcess = median(timeIt(once, Math.min(runs, 60)));
}

const f = (ms) => (ms === null ? 'n/a' : `${ms.toFixed(3)} ms`);
const lines = [
  `| measurement (median of ${runs} runs unless noted) | time |`,
  '|---|---|',
  `| wasm: createTierscope() (first load, single run) | ${f(loadMs)} |`,
  `| wasm: check(10 scopes) → object | ${f(check)} |`,
  `| wasm: checkJson(10 scopes) → text | ${f(checkJson)} |`,
  `| wasm: parse(10 scopes) | ${f(parse)} |`,
  `| native (g++ -O3, in process): check_text(10 scopes), first call (loads the catalog) | ${f(nativeFirst)} |`,
  `| native (g++ -O3, in process): check_text(10 scopes) | ${f(native)} |`,
  `| wasm checkJson / native check_text | ${native ? (checkJson / native).toFixed(2) + '×' : 'n/a'} |`,
  `| native CLI: whole process, \`check --format json -\` (median of ${Math.min(runs, 60)}) | ${f(nativeProcess)} |`,
];
console.log(lines.join('\n'));

if (process.argv.includes('--write')) {
  const date = execSync('date -u +%Y-%m-%d', { encoding: 'utf8' }).trim();
  const body = `## Speed\n\nMachine: 2 cores, Debian 12; node ${process.version}; ${date}. Input: \`${TYPICAL}\`.\n` +
    `Command: \`node bench/speed.mjs --write\`.\n\n${lines.join('\n')}\n`;
  const file = join(ROOT, 'BENCHMARKS.md');
  let md = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  md = md.replace(/## Speed\n[\s\S]*?(?=\n## |$)/, '').trimEnd() + '\n\n' + body;
  writeFileSync(file, md);
  console.log(`updated ${file}`);
}
