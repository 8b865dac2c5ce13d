// ---------------------------------------------------------------------------------------------
// tierscope JS API. Appended verbatim (--extern-post-js, not minified) to the emscripten factory
// `createTierscopeModule` in tierscope.mjs; see web/CMakeLists.txt. Plain JS values in and out:
// strings cross the wasm boundary, results come back as JSON text and are parsed here.
// ---------------------------------------------------------------------------------------------

const TIERSCOPE_WASM = 'tierscope.wasm';
// The calls module (ts.calls): the core with the API operations table inside, imported on first use.
const TIERSCOPE_CALLS_MJS = 'tierscope-calls.mjs';
const TIERSCOPE_CALLS_WASM = 'tierscope-calls.wasm';
const tierscopeEncoder = new TextEncoder();
const tierscopeDecoder = new TextDecoder();
// The main module's functions, by number (web/bindings.cpp, enum Function: same order).
const TIERSCOPE_FUNCTIONS = ['checkText', 'checkFields', 'parseText', 'listScopes', 'renderMarkdown', 'checkPair',
  'buildUrls', 'migrate', 'diff', 'catalogInfo', 'version'];

// check()'s answer as an object, parsed from the wasm memory. V8 puts a string longer than 128 KB in its
// large-object space, and in node each such string cost ~0.75 ms of CPU (the scavenges it brings;
// one of 127 KB: 0.02 ms): the answer of a 100-scope check is 143 KB. A long answer is decoded in
// pieces of whole lines and parsed member by member of the report, its long arrays of objects
// (profiles, diagnostics) element by element: the same object, no string longer than a piece. It
// relies on the writer's layout (core/src/report/json_writer.cpp: indent 2, a new line only between
// values, never inside a string); anything else falls back to one JSON.parse of the whole text.
// Node only: Chromium hands V8 a decoded text as an external string (no cliff), and there the pieces
// cost more than one parse (100 scopes: 0.20-0.27 ms vs 0.18-0.22 ms). BENCHMARKS.md, issue 21.
const TIERSCOPE_PIECE = 60000;
function tierscopeParseAnswer(bytes) {
  if (bytes.length > TIERSCOPE_PIECE && tierscopeIsNode()) {
    try {
      return tierscopeParsePieces(bytes);
    } catch (e) {
      // not the layout expected: the whole text below
    }
  }
  return JSON.parse(tierscopeDecoder.decode(bytes));
}

function tierscopeParsePieces(bytes) {
  // The text as chunks of whole lines, each but the first starting with its '\n' (UTF-8 never has a
  // 0x0a byte inside a character), and where each chunk starts in the text.
  const chunks = [], starts = [];
  let total = 0;
  for (let a = 0; a < bytes.length;) {
    let b = bytes.length;
    if (b - a > TIERSCOPE_PIECE) {
      b = bytes.lastIndexOf(10, a + TIERSCOPE_PIECE);
      if (b <= a) b = bytes.indexOf(10, a + 1);
      if (b < 0) b = bytes.length;
    }
    const s = tierscopeDecoder.decode(bytes.subarray(a, b));
    chunks.push(s);
    starts.push(total);
    total += s.length;
    a = b;
  }
  const chunkAt = (p) => {
    let c = chunks.length - 1;
    while (starts[c] > p) --c;
    return c;
  };
  // The next `pattern` (a '\n', then no other) at or after `from`: never across two chunks.
  const find = (pattern, from) => {
    for (let c = chunkAt(from); c < chunks.length; ++c) {
      const i = chunks[c].indexOf(pattern, Math.max(0, from - starts[c]));
      if (i >= 0) return starts[c] + i;
    }
    return -1;
  };
  const text = (a, b) => {
    let out = '';
    for (let c = chunkAt(a); a < b; ++c) {
      const end = Math.min(b, starts[c] + chunks[c].length);
      out += chunks[c].slice(a - starts[c], end - starts[c]);
      a = end;
    }
    return out;
  };
  if (chunks[0][0] !== '{' || text(total - 2, total) !== '\n}') throw new Error('layout');
  const members = [];  // the report's members: each line `\n  "key": value`
  for (let p = find('\n  "', 0); p >= 0; p = find('\n  "', p + 1)) members.push(p);
  const report = {};
  for (let i = 0; i < members.length; ++i) {
    const a = members[i] + 3, end = i + 1 < members.length ? members[i + 1] - 1 : total - 2;  // before ',' or '\n}'
    const c = chunkAt(a), colon = chunks[c].indexOf('": ', a - starts[c]) + starts[c];
    const key = JSON.parse(text(a, colon + 1));
    if (key === '__proto__' || colon < a) throw new Error('layout');
    const v = colon + 3;
    if (end - v <= TIERSCOPE_PIECE || find('\n    {', v) !== v + 1) {
      report[key] = JSON.parse(text(v, end));
      continue;
    }
    const items = [];  // `[\n    {...},\n    {...}\n  ]`: the elements at indent 4, each an object
    for (let e = v + 1; e >= 0;) {
      const next = find('\n    {', e + 1);
      const last = next < 0 || next >= end;
      items.push(JSON.parse(text(e + 5, last ? end - 4 : next - 1)));
      e = last ? -1 : next;
    }
    if (text(end - 4, end) !== '\n  ]') throw new Error('layout');
    report[key] = items;
  }
  return report;
}

// An error is one line: control characters (C0, DEL, C1) and bidi overrides written as \u001b, the
// rule of the core's escape_controls (core/src/text.cpp), for the messages made here (a JSON.stringify
// error quotes property names over several lines). The core's own messages come escaped already.
const tierscopeOneLine = (s) => String(s).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
  (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

function tierscopeError(code, message, Ctor = Error) {
  const error = new Ctor(tierscopeOneLine(message));
  error.code = code;
  return error;
}

function tierscopeIsNode() {
  return typeof process == 'object' && process !== null && typeof process.versions == 'object' &&
    process.versions !== null && typeof process.versions.node == 'string';
}

function tierscopeIsBytes(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

// Input over 1 MiB of UTF-8 is refused before it is copied into wasm memory, in the core's words. UTF-8
// is at least as long as UTF-16, so a longer string is refused unencoded. Options that cannot become
// JSON (circular, BigInt, too deep, not an object) are bad-options.
const TIERSCOPE_MAX = 1048576;
const tierscopeTooLarge = (what) => tierscopeError('input-too-large', `${what} is more than ${TIERSCOPE_MAX} bytes; the limit is ${TIERSCOPE_MAX} bytes (1 MiB)`);

// (max: another bound; a HAR reader's pieces have none, the reader bounds what it keeps.)
function tierscopeBytes(value, what = 'the input', max = TIERSCOPE_MAX) {
  if (typeof value == 'string' && value.length > max) throw tierscopeTooLarge(what);
  const bytes = typeof value == 'string' ? tierscopeEncoder.encode(value)
    : value instanceof Uint8Array ? value
    : value instanceof ArrayBuffer ? new Uint8Array(value)
    : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (bytes.length > max) throw tierscopeTooLarge(what);
  return bytes;
}

function tierscopeJson(value, code, what) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw tierscopeError(code, `${what} cannot be written as JSON: ${(e && e.message) || e}`, TypeError);
  }
  if (typeof text != 'string') throw tierscopeError(code, `${what} must be an object`, TypeError);
  return text;
}

function tierscopeOptionsText(options) {
  if (options == null) return '';
  if (typeof options != 'string' && typeof options != 'object') throw tierscopeError('bad-options', `options: must be an object, not ${typeof options}`, TypeError);
  const text = typeof options == 'string' ? options : tierscopeJson(options, 'bad-options', 'options');
  if (text.length > TIERSCOPE_MAX) throw tierscopeError('bad-options', `options: more than ${TIERSCOPE_MAX} bytes`);
  return text;
}

// Where the .wasm is: beside this file (import.meta.url), unless options.locateFile says otherwise.
// Under node a file: URL or a plain path is read from disk (node's fetch has no file:): with
// options.readFile (set by the node entry, tierscope.node.mjs) or node's process.getBuiltinModule
// (node >= 20.16); never an `import 'node:...'`, so browser bundlers have nothing to resolve. Else fetch().
async function tierscopeWasmSource(options, name = TIERSCOPE_WASM) {
  if (name === TIERSCOPE_WASM && options.wasmBinary) return options.wasmBinary;
  let where = tierscopeLocate(options, name);
  where = String(where instanceof URL ? where.href : where);
  if (tierscopeIsNode() && (where.startsWith('file:') || !/^[a-z][a-z0-9+.-]*:/i.test(where))) {
    if (options.readFile) return options.readFile(where);
    const builtin = process.getBuiltinModule;
    if (typeof builtin != 'function') throw new Error('tierscope: in node < 20.16 import the package by name (its "node" entry reads the .wasm) or pass wasmBinary');
    const path = where.startsWith('file:') ? builtin('url').fileURLToPath(where) : where;
    return builtin('fs').promises.readFile(path);
  }
  const response = await fetch(where, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`tierscope: could not load ${response.url || where}: HTTP ${response.status}`);
  return response;
}

// A file beside this module, unless options.locateFile says otherwise. The .wasm's URL is written
// as the literal new URL('tierscope.wasm', import.meta.url): the form bundlers (Vite, webpack 5,
// Parcel) recognise, copy and rewrite.
function tierscopeLocate(options, name) {
  const wasm = new URL('tierscope.wasm', import.meta.url);
  if (options.locateFile) return options.locateFile(name, wasm.href.slice(0, wasm.href.lastIndexOf('/') + 1));
  return name === TIERSCOPE_WASM ? wasm : new URL(name, wasm);
}

async function tierscopeInstantiate(source, imports) {
  // Bytes are checked first: touching the Response global makes node load its fetch implementation.
  if (tierscopeIsBytes(source)) return WebAssembly.instantiate(source, imports);
  // A fetch() Response.
  if (typeof WebAssembly.instantiateStreaming == 'function') {
    try {
      return await WebAssembly.instantiateStreaming(source.clone(), imports);
    } catch (e) {
      // e.g. served without Content-Type application/wasm: compile from the bytes instead.
    }
  }
  return WebAssembly.instantiate(await source.arrayBuffer(), imports);
}

// Runs an emscripten factory with the wasm file `name`; rejects when the wasm cannot be loaded
// (emscripten alone would wait for ever).
function tierscopeStart(factory, options, name, arg) {
  let loadFailed;
  const failed = new Promise((resolve, reject) => { loadFailed = reject; });
  failed.catch(() => {});
  arg.instantiateWasm = arg.instantiateWasm || ((imports, receive) => {
    tierscopeWasmSource(options, name)
      .then((source) => tierscopeInstantiate(source, imports))
      .then((result) => receive(result.instance, result.module), loadFailed);
    return {};
  });
  return Promise.race([factory(arg), failed]);
}

/**
 * Loads the wasm module. options: {locateFile(name, base), wasmBinary, instantiateWasm, print, printErr,
 * readFile(pathOrFileUrl) (node: how files are read)} (all optional). Resolves to the API object; see tierscope.d.ts.
 */
export async function createTierscope(options) {
  options = options == null ? {} : options;
  let aborted = null;
  const print = options.print || ((text) => console.log(text));
  const printErr = options.printErr || ((text) => console.warn(text));
  const mod = await tierscopeStart(createTierscopeModule, options, TIERSCOPE_WASM,
    { print, printErr, onAbort: (what) => { aborted = String(what); }, instantiateWasm: options.instantiateWasm });

  // Calls one function of the main module (web/bindings.cpp: each argument's UTF-8 bytes in, an answer
  // {ok, json, code, error} out).
  function invoke(name, args, parse) {
    const pointers = [];
    try {
      for (const arg of args) {
        const bytes = tierscopeBytes(arg);
        const at = mod._ts_malloc(bytes.length);
        if (!at) throw new Error('out of memory');
        mod.HEAPU8.set(bytes, at); // HEAPU8 read after the allocation: memory may have grown
        pointers.push(at, bytes.length);
      }
      while (pointers.length < 6) pointers.push(0, 0);
      const at = mod._ts_call(TIERSCOPE_FUNCTIONS.indexOf(name), ...pointers) >>> 2;
      const words = mod.HEAPU32;
      const text = (i) => tierscopeDecoder.decode(mod.HEAPU8.subarray(words[at + i], words[at + i] + words[at + i + 1]));
      const ok = words[at] === 1;  // parse: the answer as an object (check())
      const json = ok && parse ? tierscopeParseAnswer(mod.HEAPU8.subarray(words[at + 1], words[at + 1] + words[at + 2])) : text(1);
      return { ok, json, code: text(3), error: text(5) };
    } finally {
      for (let i = 0; i < pointers.length; i += 2) if (pointers[i]) mod._ts_free(pointers[i]);
    }
  }

  // Calls one function (of the main module, or the calls module's embind binding); returns its text
  // or throws an Error with .code (never a bare value).
  function call(name, ...args) { return run(mod, name, args); }
  function run(m, name, args, parse) {
    if (aborted !== null) {
      throw tierscopeError('internal-error', `the tierscope wasm module stopped after an internal error (${aborted}); call createTierscope() again`);
    }
    let result;
    try {
      result = m === mod ? invoke(name, args, parse) : m[name](...args);
    } catch (e) {
      throw tierscopeError('internal-error', 'internal error in the tierscope wasm module: ' + ((e && e.message) || String(e)));
    }
    if (!result.ok) throw tierscopeError(result.code || 'internal-error', result.error || 'unknown error');
    return result.json;
  }

  const optionsText = tierscopeOptionsText;

  function checkJson(input, options, parse) {
    const opts = optionsText(options);
    if (typeof input == 'string' || tierscopeIsBytes(input)) return run(mod, 'checkText', [tierscopeBytes(input), opts], parse);
    if (input !== null && typeof input == 'object') return run(mod, 'checkFields', [tierscopeBytes(tierscopeJson(input, 'parse-error', 'check(): the fields'), 'the fields'), opts], parse);
    throw tierscopeError('parse-error',
      'check() takes a string (a scope list, install URL or app config), bytes, or a {required, conditional, optional, url} object',
      TypeError);
  }

  function textArg(fn, value, what = 'the input') {
    if (typeof value == 'string' || tierscopeIsBytes(value)) return tierscopeBytes(value, what);
    throw tierscopeError('parse-error', `${fn}() takes a string or bytes`, TypeError);
  }

  function checkPairJson(config, url, options) {
    const opts = optionsText(options);
    return call('checkPair', textArg('checkPair', config, 'the app config'), textArg('checkPair', url, 'the install URL'), opts);
  }

  // ts.calls and ts.explain: the calls module (its own wasm, with the operations table and the error
  // wordings) is imported on first use.
  let callsModule = null;
  async function callsEngine() {
    if (!callsModule) {
      const where = tierscopeLocate(options, TIERSCOPE_CALLS_MJS);
      callsModule = import(/* webpackIgnore: true */ /* @vite-ignore */ String(new URL(where, 'file:///')))
        .then((m) => tierscopeStart(m.default, options, TIERSCOPE_CALLS_WASM, { print, printErr }));
      callsModule.catch(() => { callsModule = null; }); // a failed load may be retried
    }
    try {
      return await callsModule;
    } catch (e) {
      throw tierscopeError('internal-error', `could not load ${TIERSCOPE_CALLS_MJS} and ${TIERSCOPE_CALLS_WASM}: ${(e && e.message) || e}`);
    }
  }
  async function callsJson(text, config, opts) {
    const args = [textArg('calls', text), config == null ? '' : textArg('calls', config), optionsText(opts)];
    return run(await callsEngine(), 'calls', args);
  }

  // ts.callsHarReader(): a HAR file read in pieces by the calls module (the page's File.stream()
  // chunks), never held whole; finish() answers as calls() does for the whole file (input.format "har").
  async function callsHarReader() {
    const m = await callsEngine();
    let reader = new m.HarReader();
    const live = (fn) => {
      if (!reader) throw tierscopeError('internal-error', `callsHarReader: ${fn}() after close()`);
      return reader;
    };
    const close = () => { if (reader) { reader.delete(); reader = null; } };
    return Object.freeze({
      feed(piece) {
        if (!(typeof piece == 'string' || tierscopeIsBytes(piece))) throw tierscopeError('parse-error', 'callsHarReader: feed() takes a string or bytes', TypeError);
        try {
          run(live('feed'), 'feed', [tierscopeBytes(piece, '', Infinity)]);
        } catch (e) {
          close(); // a file that is not a HAR: nothing more to read
          throw e;
        }
      },
      finishJson: (config, opts) => run(live('finish'), 'finish', [config == null ? '' : textArg('callsHarReader', config, 'the app config'), optionsText(opts)]),
      finish(config, opts) { return JSON.parse(this.finishJson(config, opts)); },
      get bytes() { return reader ? reader.bytes() : 0; },
      close,
    });
  }

  // ts.checkProject, ts.diffProjects, ts.scanCalls: the calls module reads the files (web/calls_project.js).
  const projectJson = async (name, ...args) => run(await callsEngine(), name, args);
  const checkProjectJson = async (files, options) => projectJson('checkProject', files, optionsText(options));
  const diffProjectsJson = async (before, after, options) => projectJson('diffProjects', before, after, optionsText(options));
  const scanCallsJson = async (files, config, options) =>
    projectJson('scanCalls', files, config == null ? '' : textArg('scanCalls', config, 'the app config'), optionsText(options));

  async function explainJson(text, config, options) {
    const args = [textArg('explain', text, 'the error text'), config == null ? '' : textArg('explain', config, 'the app config'), optionsText(options)];
    return run(await callsEngine(), 'explain', args);
  }

  const version = call('version');
  const catalog = Object.freeze(JSON.parse(call('catalogInfo')));

  return Object.freeze({
    version,
    catalog,
    check: (input, options) => checkJson(input, options, true),
    checkJson: (input, options) => checkJson(input, options),
    parse: (text) => JSON.parse(call('parseText', textArg('parse', text))),
    scopes: (filter) => JSON.parse(call('listScopes', filter == null ? '' : textArg('scopes', filter, 'the filter'))),
    checkPair: (config, url, options) => JSON.parse(checkPairJson(config, url, options)),
    checkPairJson,
    buildUrls: (config, options) => {
      const opts = optionsText(options);
      return JSON.parse(call('buildUrls', textArg('buildUrls', config, 'the app config'), opts));
    },
    migrate: (text) => JSON.parse(call('migrate', textArg('migrate', text))),
    diff: (before, after, options) => {
      const opts = optionsText(options);
      return JSON.parse(call('diff', textArg('diff', before, 'before'), textArg('diff', after, 'after'), opts));
    },
    explain: async (text, config, options) => JSON.parse(await explainJson(text, config, options)),
    explainJson,
    errorWordings: async () => JSON.parse(run(await callsEngine(), 'errorWordings', [])),
    calls: async (text, config, options) => JSON.parse(await callsJson(text, config, options)),
    callsJson,
    callsHarReader,

    checkProjectJson,
    checkProject: async (files, options) => JSON.parse(await checkProjectJson(files, options)),
    diffProjectsJson,
    diffProjects: async (before, after, options) => JSON.parse(await diffProjectsJson(before, after, options)),
    scanCallsJson,
    scanCalls: async (files, config, options) => JSON.parse(await scanCallsJson(files, config, options)),
    markdown: (report) => {
      if (typeof report == 'string') return call('renderMarkdown', tierscopeBytes(report, 'the report'));
      if (report === null || typeof report != 'object') throw tierscopeError('parse-error', 'markdown() takes a report object or its JSON text', TypeError);
      return call('renderMarkdown', tierscopeBytes(tierscopeJson(report, 'parse-error', 'markdown(): the report'), 'the report'));
    },
  });
}
