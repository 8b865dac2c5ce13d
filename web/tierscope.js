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

// A string of up to 65,536 UTF-16 units (at most 196,608 bytes of UTF-8, under the bound) goes to the
// main module as it is: invoke() encodes it straight into the wasm memory (encodeInto, no copy).
const TIERSCOPE_DIRECT = 65536;

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

// An argument of the main module as invoke() takes it: a string of up to TIERSCOPE_DIRECT units as it
// is (never over the bound), anything else as bounded bytes (tierscopeBytes: input-too-large over 1 MiB).
const tierscopeArg = (value, what) => typeof value == 'string' && value.length <= TIERSCOPE_DIRECT ? value : tierscopeBytes(value, what);

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

  // 256 + 512 while check() or checkPair() runs: the report comes as compact JSON text in the coded form
  // (bindings.cpp): [names, report], where each name list of the report is a number, the list's offset
  // in the answer's words (its length, then its indexes into names), put back here. The same object as
  // JSON.parse(checkJson()), from 30 KB of text instead of 115 KB for 100 scopes.
  let compact = 0;
  let lists = 0; // the last answer's words: their address in memory / 4
  function parsed(fn, ...args) {
    compact = 768;
    let text;
    try {
      text = fn(...args);
    } finally {
      compact = 0;
    }
    const [names, report] = JSON.parse(text);
    const words = mod.HEAPU32;
    const list = (offset) => {
      const at = lists + offset, n = words[at], out = [];
      for (let i = 1; i <= n; i++) out.push(names[words[at + i]]);
      return out;
    };
    const profile = (p) => {
      p.missing = list(p.missing);
      if (p.granted !== undefined) p.granted = list(p.granted); // not in a lean report
      p.dropped = list(p.dropped);
      p.unverified = list(p.unverified);
      p.disputed = list(p.disputed);
    };
    for (const p of report.profiles) profile(p);
    if (report.account) profile(report.account);
    for (const s of report.suggestions) s.scopes = list(s.scopes);
    return report;
  }

  // Calls one function of the main module (web/bindings.cpp: each argument's UTF-8 bytes in, an answer
  // {ok, json, code, error} out).
  function invoke(name, args) {
    const pointers = [];
    try {
      for (const value of args) {
        const arg = tierscopeArg(value);
        if (typeof arg == 'string') {
          // Encoded straight into the module's memory: at most 3 bytes of UTF-8 per UTF-16 unit.
          const room = arg.length * 3;
          const at = mod._ts_malloc(room);
          if (!at) throw new Error('out of memory');
          pointers.push(at, tierscopeEncoder.encodeInto(arg, mod.HEAPU8.subarray(at, at + room)).written);
          continue;
        }
        const at = mod._ts_malloc(arg.length); // bytes
        if (!at) throw new Error('out of memory');
        mod.HEAPU8.set(arg, at); // HEAPU8 read after the allocation: memory may have grown
        pointers.push(at, arg.length);
      }
      while (pointers.length < 6) pointers.push(0, 0);
      const at = mod._ts_call(TIERSCOPE_FUNCTIONS.indexOf(name) + compact, ...pointers) >>> 2;
      const words = mod.HEAPU32;
      const text = (i) => words[at + i + 1] ? tierscopeDecoder.decode(mod.HEAPU8.subarray(words[at + i], words[at + i] + words[at + i + 1])) : '';
      lists = words[at + 7] >>> 2;
      return { ok: words[at] === 1, json: text(1), code: text(3), error: text(5) };
    } finally {
      for (let i = 0; i < pointers.length; i += 2) if (pointers[i]) mod._ts_free(pointers[i]);
    }
  }

  // Calls one function (of the main module, or the calls module's embind binding); returns its text
  // or throws an Error with .code (never a bare value).
  function call(name, ...args) { return run(mod, name, args); }
  function run(m, name, args) {
    if (aborted !== null) {
      throw tierscopeError('internal-error', `the tierscope wasm module stopped after an internal error (${aborted}); call createTierscope() again`);
    }
    let result;
    try {
      result = m === mod ? invoke(name, args) : m[name](...args);
    } catch (e) {
      throw tierscopeError('internal-error', 'internal error in the tierscope wasm module: ' + ((e && e.message) || String(e)));
    }
    if (!result.ok) throw tierscopeError(result.code || 'internal-error', result.error || 'unknown error');
    return result.json;
  }

  const optionsText = tierscopeOptionsText;

  function checkJson(input, options) {
    const opts = optionsText(options);
    if (typeof input == 'string' || tierscopeIsBytes(input)) {
      return call('checkText', tierscopeArg(input), opts); // bounded before the call: input-too-large, not internal-error
    }
    if (input !== null && typeof input == 'object') return call('checkFields', tierscopeBytes(tierscopeJson(input, 'parse-error', 'check(): the fields'), 'the fields'), opts);
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
    check: (input, options) => parsed(checkJson, input, options),
    checkJson,
    parse: (text) => JSON.parse(call('parseText', textArg('parse', text))),
    scopes: (filter) => JSON.parse(call('listScopes', filter == null ? '' : textArg('scopes', filter, 'the filter'))),
    checkPair: (config, url, options) => parsed(checkPairJson, config, url, options),
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
