// The CLI half of bench/run.mjs (issue 21: `npx tierscope check` ≤ 100 ms per run): fresh processes of
// the package's bin (node tierscope-bin.cjs, the wasm CLI) and of the native CLI on the same file, and
// `node -e 0` (node's own start, the part no change of ours can remove), alternating, each run timed by
// /usr/bin/time: wall-clock ms, CPU ms (user + sys) and peak memory. On a shared machine the CPU column
// and the ratios to `node -e 0` of the same run are the steadier figures.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats.mjs';

function timed(argv) {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = (r.stderr || '').split('\n').reverse().find((l) => l.startsWith('TIME '));
  if (!line) throw new Error(`${argv.join(' ')}: no timing (${(r.stderr || '').slice(0, 400)})`);
  const [wall, user, sys, kb] = line.split(' ').slice(1).map(Number);
  return { status: r.status, wall: wall * 1000, cpu: (user + sys) * 1000, mb: kb / 1024 };
}

// targets: [{name, dir, wasmDir}]; input: the scope list the check reads. Returns per command
// {wall, cpu, mb} medians over `runs` runs, and the exit status seen.
export function cliFigures({ targets, input, runs, tmp }) {
  const file = join(tmp, 'cli-input.txt');
  writeFileSync(file, input + '\n');
  const commands = [{ key: 'node', argv: [process.execPath, '-e', '0'] }];
  for (const t of targets) {
    const bin = join(t.wasmDir, 'tierscope-bin.cjs');
    if (existsSync(bin)) commands.push({ key: `${t.name}:wasm`, argv: [process.execPath, bin, 'check', file] });
    const native = join(t.dir, 'build/cli/tierscope');
    if (existsSync(native)) commands.push({ key: `${t.name}:native`, argv: [native, 'check', file] });
  }
  const seen = Object.fromEntries(commands.map((c) => [c.key, []]));
  for (const c of commands) timed(c.argv); // one warm-up each: the file cache
  for (let i = 0; i < runs; i++) {
    for (const c of i % 2 ? [...commands].reverse() : commands) seen[c.key].push(timed(c.argv));
  }
  const out = {};
  for (const c of commands) {
    const s = seen[c.key];
    out[c.key] = { wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)), mb: median(s.map((x) => x.mb)),
      status: s[0].status, runs: s.length };
  }
  return out;
}
