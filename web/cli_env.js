// --pre-js of tierscope-cli.cjs (web/cli.cmake): the process's environment variables for getenv()
// (emscripten otherwise shows a fixed default set), and whether stdout is a terminal for isatty(1).
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  for (var key in process.env) ENV[key] = process.env[key];
});
