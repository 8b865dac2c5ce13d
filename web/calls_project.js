// The calls module's side of ts.checkProject, ts.diffProjects and ts.scanCalls (issue 20), added to
// tierscope-calls.mjs with --post-js (web/CMakeLists.txt) so the main module carries none of it. A
// project's files come as {path: text} or [{path, text}] (text: a string or UTF-8 bytes; paths relative
// to the project folder, '/' between folders) and go to the core as one JSON text {path: text}. The core
// keeps the files the CLI's folder walk reads (no node_modules, .git, dist, build, ...; none over 1 MiB):
// a longer text is left out here already, before it is copied. At most 64 MiB together. Answers are
// {ok, json, code, error} (as the embind functions'), never a throw.
(function () {
  var MAX = 1048576;
  var decoder = new TextDecoder();
  function isBytes(v) { return v instanceof ArrayBuffer || ArrayBuffer.isView(v); }
  function fail(code, error) { return { ok: false, json: '', code: code, error: error }; }
  // -> {json} or {fail}
  function filesJson(fn, files, what) {
    var map = Object.create(null);
    var total = 0;
    function add(path, text, where) {
      if (typeof path != 'string' || path === '') return fn + '(): ' + where + ' needs a path (a non-empty string)';
      if (isBytes(text)) text = decoder.decode(text instanceof ArrayBuffer ? new Uint8Array(text) : text);
      if (typeof text != 'string') return fn + '(): the file ' + JSON.stringify(path) + ' must be text (a string or bytes)';
      if (path in map) return fn + '(): the file ' + JSON.stringify(path) + ' is given twice';
      if (text.length > MAX) return null; // over 1 MiB: never read (as the CLI)
      total += text.length;
      if (total > 64 * MAX) return { code: 'input-too-large', error: what + ' are more than 64 MiB together' };
      map[path] = text;
      return null;
    }
    var problem = null;
    if (Array.isArray(files)) {
      for (var i = 0; i < files.length && !problem; i++) {
        var f = files[i];
        problem = f === null || typeof f != 'object' ? fn + '(): ' + what + '[' + i + '] must be a {path, text} object'
          : add(f.path, f.text, what + '[' + i + ']');
      }
    } else if (files !== null && typeof files == 'object' && !isBytes(files)) {
      var paths = Object.keys(files);
      for (var k = 0; k < paths.length && !problem; k++) problem = add(paths[k], files[paths[k]], 'each file');
    } else {
      problem = fn + '(): ' + what + " must be the project's files as {path: text} or [{path, text}]";
    }
    if (problem) return { fail: typeof problem == 'string' ? fail('parse-error', problem) : fail(problem.code, problem.error) };
    return { json: JSON.stringify(map) };
  }
  Module['checkProject'] = function (files, options) {
    var f = filesJson('checkProject', files, 'the files');
    return f.fail || Module['checkProjectText'](f.json, options);
  };
  Module['diffProjects'] = function (before, after, options) {
    var a = filesJson('diffProjects', before, 'before');
    if (a.fail) return a.fail;
    var b = filesJson('diffProjects', after, 'after');
    return b.fail || Module['diffProjectsText'](a.json, b.json, options);
  };
  Module['scanCalls'] = function (files, config, options) {
    var f = filesJson('scanCalls', files, 'the files');
    return f.fail || Module['scanCallsText'](f.json, config, options);
  };
})();

// ts.callsHarReader()'s reader (tierscope.js: new m.HarReader(), feed, finish, bytes, delete): the
// bound HarReaderCore with bytes written straight into its buffer in wasm memory (one copy, at memcpy
// speed), where embind's std::string would copy a Uint8Array byte by byte in JS and again in C++.
(function () {
  function HarReader() { this.core = new Module['HarReaderCore'](); }
  HarReader.prototype.feed = function (piece) {  // piece: a Uint8Array (tierscope.js's tierscopeBytes)
    var n = piece.length;
    this.core.window(n).set(piece);
    return this.core.feedWindow(n);
  };
  HarReader.prototype.finish = function (config, options) { return this.core.finish(config, options); };
  HarReader.prototype.bytes = function () { return this.core.bytes(); };
  HarReader.prototype['delete'] = function () { this.core['delete'](); };
  Module['HarReader'] = HarReader;
})();
