// The evaluator's start, before anything else of the page. index.html loads this small file as a
// classic script in its <head>, right after the wasm preload (the one script that blocks the parser):
// it starts the wasm's streaming compile while the HTML, the CSS and app.js are still on their way.
// engine.js imports this file as well, so a page without the script tag starts the same way, only later.
// boot.compiled resolves to the compiled module (or null when the page could not compile it):
// engine.js instantiates it on the main thread, which makes the first result, and hands it to the
// evaluator worker (worker.js), which engine.js starts only once that result is painted (or at once
// when it is needed sooner: a heavy input, no module here). The worker is not started here: on a
// 2-core machine its start, its own instance and its catalog set-up competed with the page's first
// result for the CPU (issue 21). boot.base: the URL the page's files are relative to.
(() => {
  if (globalThis.tierscopeBoot) return;
  const here = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || location.href;
  const boot = { base: here, compiled: null };
  globalThis.tierscopeBoot = boot;
  const response = fetch(new URL('tierscope.wasm', here), { credentials: 'same-origin' });
  boot.compiled = WebAssembly.compileStreaming(response.then((r) => r.clone()))
    .catch(() => response.then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`)))).then((b) => WebAssembly.compile(b)))
    .catch(() => null);
})();
