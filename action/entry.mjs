#!/usr/bin/env node
// The GitHub Action's entry (action.yml) and the pre-commit hook's (.pre-commit-hooks.yaml).
// Action: inputs from INPUT_INPUT (a file path or an install URL) or INPUT_PROJECT (a HubSpot project
// folder: `check DIR`, each finding annotated at its file and line; a folder with no project fails
// with the CLI's message), INPUT_REQUIRE_INSTALL_ON (profile
// ids, space or comma separated), INPUT_ALLOW_UNCERTAIN and INPUT_ALLOW_UNKNOWN (true | false: the
// CLI's --allow-uncertain / --allow-unknown), INPUT_FORMAT (markdown | json | table: what the log shows); writes
// the Markdown report to $GITHUB_STEP_SUMMARY, `gate` (passed | failed | none) to $GITHUB_OUTPUT,
// ::error/::warning/::notice annotations with file and line for the diagnostics, and exits 1 when a
// gate fails (2 when the input cannot be read).
// Pre-commit: `entry.mjs --pre-commit [--require-install-on ID]... [--allow-uncertain] [--allow-unknown] FILE...`: each file checked, exit
// 1 if any gate fails or any file has an error diagnostic.
// The tierscope bin: $TIERSCOPE_BIN if set, else `tierscope` on PATH (the npm package's bin).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const bin = process.env.TIERSCOPE_BIN || 'tierscope';

function tierscope(args) {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`cannot run ${bin}: ${r.error.message}`);
  return r;
}

// Workflow command escaping (GitHub's rules for data and for property values).
const data = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

// The line of the first occurrence of the scope name in the file (1 when not found).
function lineOf(text, scope) {
  if (!text || !scope) return 1;
  const at = text.indexOf(scope);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

function annotate(file, report) {
  const text = file && existsSync(file) ? readFileSync(file, 'utf8') : '';
  for (const d of report.diagnostics || []) {
    const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const where = file ? `file=${prop(file)},line=${lineOf(text, d.scope)},` : '';
    console.log(`::${level} ${where}title=${prop('tierscope ' + d.code)}::${data(d.message)}`);
  }
}

// A project folder: each finding at its own file and line; the request's at the app config.
function annotateProject(dir, doc) {
  for (const d of doc.diagnostics || []) {
    const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const where = d.file ? `file=${prop(join(dir, d.file))},line=${d.line || 1},` : '';
    console.log(`::${level} ${where}title=${prop('tierscope ' + d.code)}::${data(d.message)}`);
  }
  const app = doc.project && doc.project.app;
  if (doc.check) annotate(app ? join(dir, app.file) : null, doc.check);
  const calls = doc.calls;
  if (!calls) return;
  // Calls found in the code that no requested scope covers (a 403): at the call's file and line.
  for (const u of calls.uncovered || []) {
    const any = (u.alternatives || []).map((alt) => alt.join(' + ')).join(' or ');
    console.log(`::warning file=${prop(join(dir, u.file))},line=${u.line || 1},title=${prop('tierscope uncovered')}::${data(`${u.method} ${u.path} is covered by no requested scope (HubSpot answers 403)${any ? `: ask for ${any}` : ''}`)}`);
  }
  // Scopes asked for that no feature or call needs: at the scope in the app config.
  const appFile = app ? join(dir, app.file) : null;
  const text = appFile && existsSync(appFile) ? readFileSync(appFile, 'utf8') : '';
  for (const u of calls.unused || []) {
    const locks = (u.locks_out || []).length;
    const where = appFile ? `file=${prop(appFile)},line=${lineOf(text, `"${u.scope}"`)},` : '';
    console.log(`::${locks ? 'warning' : 'notice'} ${where}title=${prop('tierscope unused')}::${data(`${u.scope} (${u.kind}) is asked for but no feature or call found in the code needs it${locks ? `; it keeps the app off ${locks} standard ${locks === 1 ? 'tier' : 'tiers'}: ${u.locks_out.join(', ')}` : ''}`)}`);
  }
  // The calls' own diagnostics (a call that matches no operation, on no named object, ...): at the call
  // they name ("METHOD path (file, line N)").
  for (const d of calls.diagnostics || []) {
    const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const c = (calls.calls || []).find((k) => k.file && d.message.includes(`${k.method} ${k.path} (${k.file}, line ${k.line})`));
    const where = c ? `file=${prop(join(dir, c.file))},line=${c.line},` : '';
    console.log(`::${level} ${where}title=${prop('tierscope ' + d.code)}::${data(d.message)}`);
  }
}

function gateArgs(ids, allow = []) {
  return [...ids.flatMap((id) => ['--require-install-on', id]), ...allow];
}

// A true/false action input (GitHub passes inputs as strings); anything else is an error.
function flagInput(name) {
  const v = (process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] || 'false').trim().toLowerCase();
  if (v !== 'true' && v !== 'false') throw new Error(`input ${name} must be true or false (got ${JSON.stringify(v.slice(0, 40))})`);
  return v === 'true' ? [`--${name}`] : [];
}

function check(input, gates, allow = []) {
  const isUrl = /^https?:\/\//.test(input);
  const base = ['check', ...(isUrl ? ['--url', input] : [input]), ...gateArgs(gates, allow)];
  const json = tierscope([...base, '--format', 'json']);
  if (json.status === 2) {
    const message = json.stderr.replace(/^tierscope: /, '').trim();
    const line = /at line (\d+)/.exec(message);
    const onFile = !isUrl && !isDir(input);  // a folder is no place for an annotation
    console.log(`::error ${onFile ? `file=${prop(input)},${line ? `line=${line[1]},` : ''}` : ''}title=tierscope::${data(message)}`);
    return { status: 2 };
  }
  const report = JSON.parse(json.stdout);
  if (report.project) annotateProject(input, report);  // a project folder (check DIR)
  else annotate(isUrl ? null : input, report);
  return { status: json.status, report, base };
}

function isDir(path) {
  try { return statSync(path).isDirectory(); } catch { return false; }
}

// The `project` input: a folder that must hold a HubSpot project (hsproject.json).
function projectInput(dir) {
  if (!existsSync(dir)) throw new Error(`project ${JSON.stringify(dir.slice(0, 200))}: no such folder`);
  if (!isDir(dir)) throw new Error(`project ${JSON.stringify(dir.slice(0, 200))} is not a folder: give the HubSpot project's folder (the one with hsproject.json), or the file as input`);
  return dir;
}

function action() {
  const project = (process.env.INPUT_PROJECT || '').trim();
  const given = (process.env.INPUT_INPUT || '').trim();
  if (project && given) throw new Error('give either input or project, not both');
  const input = project ? projectInput(project) : given;
  if (!input) {
    console.log('::error title=tierscope::the input is empty: give a file path (app config, install URL or scope list), an install URL, or a project folder (project)');
    return 2;
  }
  const gates = (process.env.INPUT_REQUIRE_INSTALL_ON || '').split(/[\s,]+/).filter(Boolean);
  const format = (process.env.INPUT_FORMAT || 'markdown').trim();
  const allow = [...flagInput('allow-uncertain'), ...flagInput('allow-unknown')];
  const r = check(input, gates, allow);
  if (r.status === 2) return 2;
  const markdown = tierscope([...r.base, '--format', 'markdown']).stdout;
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown + '\n');
  const gate = r.report.gate ? (r.report.gate.ok ? 'passed' : 'failed') : 'none';
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `gate=${gate}\n`);
  process.stdout.write(format === 'markdown' ? markdown : tierscope([...r.base, '--format', format === 'json' ? 'json' : 'table', '--no-color']).stdout);
  if (gate === 'failed') console.log(`::error title=tierscope gate::${data(`must install on ${r.report.gate.failed.join(', ')}, but does not`)}`);
  return r.status;
}

function preCommit(args) {
  const gates = [], files = [], allow = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--require-install-on') gates.push(args[++i]);
    else if (args[i] === '--allow-uncertain' || args[i] === '--allow-unknown') allow.push(args[i]);
    else files.push(args[i]);
  }
  let worst = 0;
  for (const f of files) {
    const r = check(f, gates, allow);
    const errors = r.report ? r.report.diagnostics.filter((d) => d.severity === 'error').length : 0;
    if (r.status !== 0 || errors) worst = Math.max(worst, r.status || 1);
  }
  return worst;
}

try {
  const args = process.argv.slice(2);
  process.exitCode = args[0] === '--pre-commit' ? preCommit(args.slice(1)) : action();
} catch (e) {
  console.log(`::error title=tierscope::${data(e.message)}`);
  process.exitCode = 2;
}
