// The "Speed" section of BENCHMARKS.md from bench/run.mjs's results.
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3)) : 'n/a');
const us = (x) => (Number.isFinite(x) ? `${(x * 1000).toFixed(x < 0.01 ? 1 : 0)} µs` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

export function section(r, { date, node }) {
  const names = Object.keys(r.targets);
  const both = names.length > 1;
  const A = r.targets.after; const B = r.targets.before;
  const pair = (f) => (both ? `${f(B)} → ${f(A)}` : f(A));
  const lines = [];
  const p = (s = '') => lines.push(s);
  p('## Speed');
  p();
  p(`Command: \`node bench/run.mjs${both ? ' --before DIR' : ''} --write\`${r.smoke ? ' (**smoke run**: tiny counts, the figures mean nothing)' : ''}. ` +
    `${date}; node ${node}; Chromium headless; ${r.configurations.toLocaleString('en-US')} account configurations per scope set${r.bits ? ` (sets of ${r.bits.toLocaleString('en-US')} bits)` : ''}. ` +
    `Run took ${r.seconds.toFixed(0)} s.`);
  p(both ? `Before = commit ${B.commit} (built in its own folder), after = commit ${A.commit}; both measured in this run, alternating where it matters.` : `Commit ${A.commit}.`);
  p('The machine has 2 cores shared with other developers\' builds: every figure is a median (of 15 timing samples, or of the runs stated) and still noisy; ' +
    'compare before and after within this run, not with other runs.');
  p();
  p('### check() by request size (median ms per call)');
  p();
  p('Input: N current catalog scopes as a pasted list (300: the catalog\'s 285 current scopes, then 15 repeated). ' +
    'Native: `tierscope::check_text` in process (g++ -O3). Wasm: `check()` of the JS API (JSON text + `JSON.parse`), ' +
    `measured after a warm-up of every size, full and lean (${r.warmMs ?? 0} ms in node and in the page), so that no size is timed on V8's baseline code.`);
  p();
  p(`| scopes | native${both ? ' before → after' : ''} | wasm, node${both ? ' before → after' : ''} | wasm, Chromium${both ? ' before → after' : ''} | wasm node / native | wasm Chromium / native |`);
  p('|---:|---:|---:|---:|---:|---:|');
  r.sizes.forEach((n, i) => {
    p(`| ${n} | ${pair((t) => ms(t.native.check[i]))} | ${pair((t) => ms(t.node.check[i]))} | ${pair((t) => ms(t.chromium.check[i]))} | ` +
      `${pair((t) => ratio(t.node.check[i], t.native.check[i]))} | ${pair((t) => ratio(t.chromium.check[i], t.native.check[i]))} |`);
  });
  p();
  p('### check() with `{lean: true}` (no granted lists), median ms per call');
  p();
  p('The same inputs with the `lean` option (issue 12 item 2: the compact result a page takes when it does not need the whole report; ' +
    '"n/a": the build has no such option). The budget column: 5× the wasm floor in node for this configuration count (below).');
  p();
  p('| scopes | native | wasm, node | wasm, Chromium | wasm node / native | budget (5× floor, node) |');
  p('|---:|---:|---:|---:|---:|---:|');
  r.sizes.forEach((n, i) => {
    p(`| ${n} | ${pair((t) => ms(t.native.lean[i]))} | ${pair((t) => ms(t.node.lean[i]))} | ${pair((t) => ms(t.chromium.lean[i]))} | ` +
      `${pair((t) => ratio(t.node.lean[i], t.native.lean[i]))} | ${ms(5 * r.floor.node[i])} |`);
  });
  p();
  p('### The bitset floor, same run');
  p();
  p('bench/floor.cpp: the least work a check can do as bitsets: AND of N sets of ' +
    `${(r.bits || r.configurations).toLocaleString('en-US')} bits and 28 masked popcounts; natively g++ -O3 -march=native, as wasm emcc -O3 -msimd128 (no imports). ` +
    '"check / floor" = wasm check() in node over the wasm floor in node.');
  p();
  p(`| scopes | floor native | floor wasm, node | floor wasm, Chromium | check / floor (wasm, node)${both ? ' before → after' : ''} |`);
  p('|---:|---:|---:|---:|---:|');
  r.sizes.forEach((n, i) => {
    p(`| ${n} | ${us(r.floor.native[i])} | ${us(r.floor.node[i])} | ${us(r.floor.chromium[i])} | ${pair((t) => ratio(t.node.check[i], r.floor.node[i]))} |`);
  });
  p();
  p('### Start-up and first result (median ms)');
  p();
  p(`| measurement | ${both ? 'before | after' : 'after'} |`);
  p(`|---|${both ? '---:|---:' : '---:'}|`);
  const row = (label, f) => p(`| ${label} | ${names.map((nm) => (nm === 'before' ? ms(f(B)) : null)).filter(Boolean).concat([ms(f(A))]).join(' | ')} |`);
  row(`node: import tierscope.mjs (fresh process, median of ${r.runs})`, (t) => t.node.import);
  row('node: createTierscope()', (t) => t.node.create);
  row('node: first check() (10 scopes)', (t) => t.node.first);
  row('native: first check_text() in process (loads the catalog)', (t) => t.native.firstCall);
  row('Chromium, bare page: import tierscope.mjs', (t) => t.chromium.startup.import);
  row('Chromium, bare page: createTierscope() (fetch + compile + catalog)', (t) => t.chromium.startup.create);
  row('Chromium, bare page: first check() (10 scopes)', (t) => t.chromium.startup.first);
  row('Chromium, bare page: import → first result', (t) => t.chromium.startup.total);
  row(`**the page: navigation → first real status in the matrix** (median of ${r.runs} cold visits)`, (t) => t.chromium.nav.result);
  row('the page: navigation → first real status, 75th percentile', (t) => t.chromium.nav.resultP75);
  row('the page: navigation → that frame painted', (t) => t.chromium.nav.painted);
  p();
  p('Every start-up and navigation run is a cold visit (a fresh browser context: empty HTTP and code caches) from a local static server. ' +
    'Navigation is timed in the page (ms since navigation start) by a MutationObserver installed before the page\'s scripts: the same ' +
    'definition for both pages.');
  p();
  p(`### Keystroke → frame (ms, ${A.chromium.keys[0].next.n} keys per scenario)`);
  p();
  p('Each key: one character appended to the field and an `input` event, then the next painted frame ("next frame": does the page ' +
    'block?) and the painted frame that shows the key\'s result in the matrix ("result"). The page\'s own measure ' +
    '`tierscope:keystroke-to-frame` (performance marks) gives the result frame where the page has it; a page that renders in the ' +
    `frame after the input (before) shows its result in the next frame. ${r.smoke ? '' : '50 ms pause between keys.'} ` +
    '"First frame" (issue 21) compares frames, not milliseconds: a `requestAnimationFrame` scheduled at the key gives the first ' +
    'frame\'s timestamp, one scheduled when the matrix changes (a mutation in `#matrix` or the page\'s `tierscope:matrix` mark) gives ' +
    'the painting frame\'s; equal timestamps = the result is in the first frame after the key. "Main thread, longest": the longest ' +
    'evaluation the page ran on its main thread while typing (`tierscope:main-thread-evaluation`; "–": none there).');
  p();
  p(`| scenario | next frame p50 / p95${both ? ' before → after' : ''} | result p50 / p95${both ? ' before → after' : ''} | result in the first frame after the key${both ? ' before → after' : ''} | main thread, longest${both ? ' before → after' : ''} |`);
  p('|---|---:|---:|---:|---:|');
  A.chromium.keys.forEach((k, i) => {
    const q = (t, w) => `${ms(t.chromium.keys[i][w].p50)} / ${ms(t.chromium.keys[i][w].p95)}`;
    const share = (t) => `${Math.round(100 * t.chromium.keys[i].first)} %`;
    const main = (t) => (t.chromium.keys[i].mainCount ? `${ms(t.chromium.keys[i].mainMax)} ms` : '–');
    p(`| ${k.scenario} | ${pair((t) => q(t, 'next'))} | ${pair((t) => q(t, 'result'))} | ${pair(share)} | ${pair(main)} |`);
  });
  p();
  p('Blocked frames while typing (issue 21: never a frame blocked > 8 ms on any input up to the limits). "Input task": the ' +
    'input event\'s own task (what the key blocks at once: a main-thread evaluation and its paint), p95 / longest. "Frame late": ' +
    'a `requestAnimationFrame` loop runs while typing; each gap between two frames less the median gap (the frame interval), ' +
    'longest, and how many frames came > 8 ms late. "CPU per key": the renderer\'s main thread / the whole renderer process ' +
    '(worker and compiler threads included) from the first key to the last, over the keys (CDP `Performance.getMetrics`): ' +
    'the figure to read on a loaded machine.');
  p();
  p(`| scenario | input task p95 / longest${both ? ' before → after' : ''} | frame late, longest${both ? ' before → after' : ''} | frames > 8 ms late${both ? ' before → after' : ''} | CPU per key, main / renderer${both ? ' before → after' : ''} |`);
  p('|---|---:|---:|---:|---:|');
  A.chromium.keys.forEach((k, i) => {
    const has = (t) => t.chromium.keys[i] && t.chromium.keys[i].task;
    const task = (t) => (has(t) ? `${ms(t.chromium.keys[i].task.p95)} / ${ms(t.chromium.keys[i].taskMax)}` : 'n/a');
    const late = (t) => (has(t) ? ms(t.chromium.keys[i].frameLateMax) : 'n/a');
    const n8 = (t) => (has(t) ? `${t.chromium.keys[i].framesLate8} of ${t.chromium.keys[i].frameCount}` : 'n/a');
    const cpu = (t) => (has(t) && t.chromium.keys[i].cpuMain != null ? `${ms(t.chromium.keys[i].cpuMain)} / ${ms(t.chromium.keys[i].cpuRenderer)} ms` : 'n/a');
    p(`| ${k.scenario} | ${pair(task)} | ${pair(late)} | ${pair(n8)} | ${pair(cpu)} |`);
  });
  p();
  if (r.cli) {
    const c = r.cli;
    const fig = (key, w) => (c[key] ? ms(c[key][w]) : 'n/a');
    const cmd = (nm) => (both ? `${fig(`before:${nm}`, 'wall')} → ${fig(`after:${nm}`, 'wall')}` : fig(`after:${nm}`, 'wall'));
    const cpu = (nm) => (both ? `${fig(`before:${nm}`, 'cpu')} → ${fig(`after:${nm}`, 'cpu')}` : fig(`after:${nm}`, 'cpu'));
    const mb = (nm) => (both ? `${fig(`before:${nm}`, 'mb')} → ${fig(`after:${nm}`, 'mb')}` : fig(`after:${nm}`, 'mb'));
    const over = (nm, w) => (c[`after:${nm}`] && c.node ? ratio(c[`after:${nm}`][w], c.node[w]) : 'n/a');
    const overB = (nm, w) => (c[`before:${nm}`] && c.node ? ratio(c[`before:${nm}`][w], c.node[w]) : 'n/a');
    p(`### The CLI: one \`check\` of ${r.sizes[Math.min(1, r.sizes.length - 1)]} scopes from a file (median of ${c.node.runs} fresh processes)`);
    p();
    p('`node tierscope-bin.cjs check FILE` (what `npx tierscope check FILE` runs once npx has found the package), the native ' +
      '`build/cli/tierscope check FILE`, and `node -e 0` (node\'s own start), alternating; /usr/bin/time per run. The ratio to ' +
      '`node -e 0` of the same run cancels most of the machine\'s load.');
    p();
    p(`| command | wall ms${both ? ' before → after' : ''} | CPU ms${both ? ' before → after' : ''} | peak MB${both ? ' before → after' : ''} | wall / node -e 0${both ? ' before → after' : ''} |`);
    p('|---|---:|---:|---:|---:|');
    p(`| wasm CLI in node (\`tierscope-bin.cjs\`) | ${cmd('wasm')} | ${cpu('wasm')} | ${mb('wasm')} | ${both ? `${overB('wasm', 'wall')} → ` : ''}${over('wasm', 'wall')} |`);
    p(`| native CLI | ${cmd('native')} | ${cpu('native')} | ${mb('native')} | ${both ? `${overB('native', 'wall')} → ` : ''}${over('native', 'wall')} |`);
    p(`| \`node -e 0\` | ${fig('node', 'wall')} | ${fig('node', 'cpu')} | ${fig('node', 'mb')} | 1.0× |`);
    p();
  }
  p('### Bytes of a first visit (the files the page loaded)');
  p();
  for (const nm of names) {
    const t = r.targets[nm];
    const sum = (k, f = () => true) => t.bytes.filter(f).reduce((a, x) => a + x[k], 0);
    const code = (x) => /\.(m?js|wasm)$/.test(x.file);
    if (both) p(`${nm === 'before' ? 'Before' : 'After'} (${t.commit}):`);
    if (both) p();
    p('| file | raw | gzip -9 | brotli 11 |');
    p('|---|---:|---:|---:|');
    for (const x of t.bytes) p(`| ${x.file} | ${kb(x.raw)} | ${kb(x.gzip)} | ${kb(x.brotli)} |`);
    p(`| **all ${t.bytes.length} files** | **${kb(sum('raw'))}** | **${kb(sum('gzip'))}** | **${kb(sum('brotli'))}** |`);
    p(`| js + wasm | ${kb(sum('raw', code))} | ${kb(sum('gzip', code))} | ${kb(sum('brotli', code))} |`);
    p();
  }
  return lines.join('\n');
}
