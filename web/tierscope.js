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

function tierscopeError(code, message, Ctor = Error) {
  const error = new Ctor(message);
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

// JS string -> UTF-8 (lone surrogates become U+FFFD, as in every WHATWG encoder); bytes pass as they are.
function tierscopeBytes(value) {
  if (typeof value == 'string') return tierscopeEncoder.encode(value);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
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

  // Calls one binding; returns its text or throws an Error with .code (never a bare value).
  function call(name, ...args) { return run(mod, name, args); }
  function run(m, name, args) {
    if (aborted !== null) {
      throw tierscopeError('internal-error', `the tierscope wasm module stopped after an internal error (${aborted}); call createTierscope() again`);
    }
    let result;
    try {
      result = m[name](...args);
    } catch (e) {
      throw tierscopeError('internal-error', 'internal error in the tierscope wasm module: ' + ((e && e.message) || String(e)));
    }
    if (!result.ok) throw tierscopeError(result.code || 'internal-error', result.error || 'unknown error');
    return result.json;
  }

  function optionsText(options) {
    if (options == null) return '';
    if (typeof options == 'string') return options;
    return JSON.stringify(options);
  }

  function checkJson(input, options) {
    const opts = optionsText(options);
    if (typeof input == 'string' || tierscopeIsBytes(input)) return call('checkText', tierscopeBytes(input), opts);
    if (input !== null && typeof input == 'object') {
      let fields;
      try {
        fields = JSON.stringify(input);
      } catch (e) {
        throw tierscopeError('parse-error', 'check(): the fields object cannot be written as JSON: ' + e.message, TypeError);
      }
      return call('checkFields', fields, opts);
    }
    throw tierscopeError('parse-error',
      'check() takes a string (a scope list, install URL or app config), bytes, or a {required, conditional, optional, url} object',
      TypeError);
  }

  function textArg(fn, value) {
    if (typeof value == 'string' || tierscopeIsBytes(value)) return tierscopeBytes(value);
    throw tierscopeError('parse-error', `${fn}() takes a string or bytes`, TypeError);
  }

  function checkPairJson(config, url, options) {
    return call('checkPair', textArg('checkPair', config), textArg('checkPair', url), optionsText(options));
  }

  // ts.calls: the calls module (its own wasm, with the operations table) is imported on first use.
  let callsModule = null;
  async function callsJson(text, config, opts) {
    const args = [textArg('calls', text), config == null ? '' : textArg('calls', config), optionsText(opts)];
    if (!callsModule) {
      const where = tierscopeLocate(options, TIERSCOPE_CALLS_MJS);
      callsModule = import(/* webpackIgnore: true */ /* @vite-ignore */ String(new URL(where, 'file:///')))
        .then((m) => tierscopeStart(m.default, options, TIERSCOPE_CALLS_WASM, { print, printErr }));
      callsModule.catch(() => { callsModule = null; }); // a failed load may be retried
    }
    let engine;
    try {
      engine = await callsModule;
    } catch (e) {
      throw tierscopeError('internal-error', `could not load ${TIERSCOPE_CALLS_MJS} and ${TIERSCOPE_CALLS_WASM}: ${(e && e.message) || e}`);
    }
    return run(engine, 'calls', args);
  }

  const version = mod.version();
  const catalog = Object.freeze(JSON.parse(mod.catalogInfo()));

  return Object.freeze({
    version,
    catalog,
    check: (input, options) => JSON.parse(checkJson(input, options)),
    checkJson,
    parse: (text) => JSON.parse(call('parseText', textArg('parse', text))),
    scopes: (filter) => JSON.parse(call('listScopes', filter == null ? '' : textArg('scopes', filter))),
    checkPair: (config, url, options) => JSON.parse(checkPairJson(config, url, options)),
    checkPairJson,
    buildUrls: (config, options) => JSON.parse(call('buildUrls', textArg('buildUrls', config), optionsText(options))),
    migrate: (text) => JSON.parse(call('migrate', textArg('migrate', text))),
    diff: (before, after, options) =>
      JSON.parse(call('diff', textArg('diff', before), textArg('diff', after), optionsText(options))),
    calls: async (text, config, options) => JSON.parse(await callsJson(text, config, options)),
    callsJson,
    markdown: (report) => {
      if (typeof report == 'string') return call('renderMarkdown', report);
      if (report === null || typeof report != 'object') throw tierscopeError('parse-error', 'markdown() takes a report object or its JSON text', TypeError);
      return call('renderMarkdown', JSON.stringify(report));
    },
  });
}
