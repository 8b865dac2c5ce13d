// Native CLI vs wasm parity: for every corpus input (tests/parity/corpus.mjs, fixed seed) the CLI's
// `tierscope check --format json -` stdout must equal checkJson(input) + "\n" byte for byte; where the CLI
// rejects the input (exit 2, `tierscope: <message>` on stderr) the wasm must throw an Error with that
// message. Field inputs compare `--required/--conditional/--optional` with checkJson({required, ...}),
// and the other commands (check CONFIG URL, url, migrate, diff) their JS counterparts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, openSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../parity/corpus.mjs';
import { CLI, tierscope } from './helpers.mjs';

const corpus = buildCorpus();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function utf8OrNull(buf) {
  try {
    return strictUtf8.decode(buf);
  } catch {
    return null;
  }
}

// stdin comes from a file, so a CLI that stops reading early (e.g. input-too-large) cannot cause EPIPE.
const scratch = mkdtempSync(join(tmpdir(), 'tierscope-parity-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

function runCli(args, input, prefix = ['check', '--format', 'json']) {
  const file = join(scratch, 'stdin');
  writeFileSync(file, input ?? Buffer.alloc(0));
  const fd = openSync(file, 'r');
  try {
    const r = spawnSync(CLI, [...prefix, ...args], {
      stdio: [fd, 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, timeout: 60000,
    });
    if (r.error) throw r.error;
    return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

function runWasm(fn) {
  try {
    return { out: fn() };
  } catch (error) {
    return { error };
  }
}

function show(buf, max = 200) {
  const s = utf8OrNull(buf) ?? buf.toString('latin1');
  return JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s) + (s.length > max ? ` (${buf.length} bytes)` : '');
}

/** First differing line with 3 lines of context from each side. */
function diffExcerpt(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 3);
  const lines = [`first difference at line ${i + 1}:`];
  for (let k = from; k < i; k++) lines.push(`    ${a[k]}`);
  for (let k = i; k < Math.min(a.length, i + 4); k++) lines.push(`  - ${a[k]}`);
  for (let k = i; k < Math.min(b.length, i + 4); k++) lines.push(`  + ${b[k]}`);
  return lines.join('\n');
}

/** Compares one case; returns null or a readable mismatch description. */
function compare(cli, wasm) {
  if (cli.status === 2) {
    const stderr = cli.stderr.toString('utf8');
    const expected = stderr.replace(/^tierscope: /, '').replace(/\n$/, '');
    if (!stderr.startsWith('tierscope: ')) return `CLI exit 2 but stderr does not start with "tierscope: ": ${JSON.stringify(stderr)}`;
    if (cli.stdout.length) return `CLI exit 2 but wrote stdout: ${show(cli.stdout)}`;
    if (!wasm.error) return `CLI rejected the input (${JSON.stringify(expected)}) but the wasm returned a report:\n${wasm.out.slice(0, 300)}`;
    if (!(wasm.error instanceof Error)) return `wasm threw a non-Error: ${String(wasm.error)}`;
    if (wasm.error.message !== expected) {
      return `error messages differ:\n  - CLI:  ${JSON.stringify(expected)}\n  + wasm: ${JSON.stringify(wasm.error.message)}`;
    }
    if (!['parse-error', 'input-too-large'].includes(wasm.error.code)) return `wasm error .code is ${JSON.stringify(wasm.error.code)}`;
    return null;
  }
  if (cli.status !== 0 && cli.status !== 1) {
    return `CLI exited ${cli.status ?? cli.signal}; stderr: ${JSON.stringify(cli.stderr.toString('utf8').slice(0, 500))}`;
  }
  if (wasm.error) {
    return `CLI printed a report (exit ${cli.status}) but the wasm threw ${wasm.error && wasm.error.code}: ${wasm.error && wasm.error.message}`;
  }
  const expected = cli.stdout;
  const actual = Buffer.from(wasm.out + '\n', 'utf8');
  if (expected.equals(actual)) return null;
  return `stdout differs (CLI ${expected.length} bytes, wasm ${actual.length} bytes)\n` +
    diffExcerpt(expected.toString('utf8'), actual.toString('utf8'));
}

function report(kind, mismatches, total) {
  if (!mismatches.length) return;
  const first = mismatches[0];
  const others = mismatches.slice(1, 15).map((m) => `  ${m.id} ${m.name}`).join('\n');
  assert.fail(`${mismatches.length} of ${total} ${kind} inputs differ between the CLI and the wasm.\n` +
    `First: ${first.id} "${first.name}"\n  input: ${first.input}\n  CLI:   ${first.command}\n${first.why}` +
    (others ? `\nAlso:\n${others}${mismatches.length > 15 ? '\n  …' : ''}` : ''));
}

function requireCli() {
  assert.ok(existsSync(CLI), `native CLI ${CLI} is missing: build it with cmake -S . -B build -G Ninja && cmake --build build`);
}

test('the corpus has at least 200 inputs', () => {
  const n = corpus.text.length + corpus.fields.length + corpus.commands.length;
  assert.ok(n >= 200, `${n} inputs`);
});

test('text inputs: CLI stdin vs checkJson(text)', async () => {
  requireCli();
  const ts = await tierscope();
  const mismatches = [];
  for (const c of corpus.text) {
    const cli = runCli([...c.cliArgs, '-'], c.input);
    // Valid UTF-8 goes in as a JS string (the usual path), anything else as bytes.
    const asText = utf8OrNull(c.input);
    const wasm = runWasm(() => ts.checkJson(asText ?? c.input, c.options));
    const why = compare(cli, wasm);
    if (why) {
      mismatches.push({ id: c.id, name: c.name, input: show(c.input), why,
        command: `node tests/parity/corpus.mjs /tmp/corpus && build/cli/tierscope check --format json ${[...c.cliArgs, '-'].join(' ')} < /tmp/corpus/${c.id}.txt` });
    }
  }
  report('text', mismatches, corpus.text.length);
});

test('field inputs: CLI --required/--conditional/--optional vs checkJson({...})', async () => {
  requireCli();
  const ts = await tierscope();
  const mismatches = [];
  for (const c of corpus.fields) {
    const cli = runCli(c.cliArgs);
    const wasm = runWasm(() => ts.checkJson(c.fields, c.options));
    const why = compare(cli, wasm);
    if (why) {
      mismatches.push({ id: c.id, name: c.name, input: JSON.stringify(c.fields) + (c.options ? ' ' + JSON.stringify(c.options) : ''), why,
        command: `tierscope check --format json ${c.cliArgs.map((a) => JSON.stringify(a)).join(' ')}` });
    }
  }
  report('field', mismatches, corpus.fields.length);
});

test('other commands: check CONFIG URL, url, migrate, diff vs checkPairJson, buildUrls, migrate, diff', async () => {
  requireCli();
  const ts = await tierscope();
  const mismatches = [];
  for (const c of corpus.commands) {
    const paths = {};
    for (const [name, buf] of Object.entries(c.files)) {
      paths[name] = join(scratch, `${c.id}-${name}.txt`);
      writeFileSync(paths[name], buf);
    }
    const at = (a, f) => (typeof a == 'string' && a.startsWith('@') ? f(a.slice(1)) : a);
    const cli = runCli(c.cliArgs.map((a) => at(a, (n) => paths[n])), null, []);
    const args = c.args.map((a) => at(a, (n) => c.files[n].toString('utf8')));
    let wasm;
    try { // explainJson answers with a promise (it loads the calls module)
      const out = await ts[c.method](...args);
      wasm = { out: typeof out == 'string' ? out : JSON.stringify(out, null, 2) };
    } catch (error) {
      wasm = { error };
    }
    const why = compare(cli, wasm);
    if (why) {
      mismatches.push({ id: c.id, name: c.name, input: Object.entries(c.files).map(([k, v]) => `${k}=${show(v, 120)}`).join(' '), why,
        command: `tierscope ${c.cliArgs.join(' ')}  vs  ${c.method}(${c.args.map((a) => JSON.stringify(a)).join(', ')})` });
    }
  }
  report('command', mismatches, corpus.commands.length);
});

test('a string and its UTF-8 bytes give the same result', async () => {
  const ts = await tierscope();
  for (const c of corpus.text) {
    const asText = utf8OrNull(c.input);
    if (asText === null) continue;
    const a = runWasm(() => ts.checkJson(asText, c.options));
    const b = runWasm(() => ts.checkJson(new Uint8Array(c.input), c.options));
    assert.deepEqual(a.error ? [a.error.code, a.error.message] : a.out, b.error ? [b.error.code, b.error.message] : b.out, `${c.id} ${c.name}`);
  }
});

test('the corpus reaches every input format', async () => {
  const ts = await tierscope();
  const formats = new Set();
  for (const c of corpus.text) {
    const r = runWasm(() => ts.check(utf8OrNull(c.input) ?? c.input, c.options));
    if (!r.error) formats.add(r.out.input.format);
  }
  for (const c of corpus.fields) {
    const r = runWasm(() => ts.check(c.fields, c.options));
    if (!r.error) formats.add(r.out.input.format);
  }
  assert.deepEqual([...formats].sort(), ['app-hsmeta', 'connector', 'install-url', 'json-scopes', 'list', 'private-app', 'public-app']);
});

// check() and checkPair() read the module's coded answer (the name lists as numbers, web/tierscope.js),
// checkJson() and checkPairJson() its plain text: the same report, for every corpus input and option set.
test('check() is checkJson() parsed, for every corpus input: full, lean, with an account, without conditional', async () => {
  const ts = await tierscope();
  const sets = [undefined, { lean: true }, { account: { hubs: { marketing: 'professional', sales: 'starter' }, features: [] } },
    { lean: true, account: { hubs: { service: 'enterprise' } } }, { withoutConditional: true }];
  let compared = 0;
  const same = (id, a, b) => {
    if (a.error || b.error) {
      assert.deepEqual(a.error && [a.error.code, a.error.message], b.error && [b.error.code, b.error.message], id);
      return;
    }
    assert.equal(JSON.stringify(a.out, null, 2), b.out, id);
    compared += 1;
  };
  for (const options of sets) {
    for (const c of corpus.text) {
      const input = utf8OrNull(c.input) ?? c.input;
      const opts = c.options === undefined ? options : { ...c.options, ...(options || {}) };
      same(`${c.id} ${c.name} ${JSON.stringify(opts)}`, runWasm(() => ts.check(input, opts)), runWasm(() => ts.checkJson(input, opts)));
    }
    for (const c of corpus.fields) {
      const opts = c.options === undefined ? options : { ...c.options, ...(options || {}) };
      same(`${c.id} fields ${JSON.stringify(opts)}`, runWasm(() => ts.check(c.fields, opts)), runWasm(() => ts.checkJson(c.fields, opts)));
    }
    for (const c of corpus.commands.filter((k) => k.method === 'checkPairJson')) {
      const [config, url] = [c.files.config.toString('utf8'), c.files.url.toString('utf8')];
      const opts = { ...(c.args[2] || {}), ...(options || {}) };
      same(`${c.id} ${c.name} ${JSON.stringify(opts)}`, runWasm(() => ts.checkPair(config, url, opts)), runWasm(() => ts.checkPairJson(config, url, opts)));
    }
  }
  assert.ok(compared > 500, `${compared} reports compared`);
});
