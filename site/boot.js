// The evaluator's start, before anything else of the page. index.html loads this small file as a
// classic script in its <head>, right after the wasm preload (the one script that blocks the parser):
// it starts the worker (worker.js) and the wasm's streaming compile while the HTML, the CSS and
// app.js are still on their way, and keeps the worker's first messages until the page (engine.js)
// takes the worker over. engine.js imports this file as well, so a
// page without the script tag starts the same way, only later. The worker is sent the compiled module
// ({type: 'wasm', module}; null when the page could not compile it: the worker then compiles it itself).
// boot.compiled resolves to the same module (or null): engine.js instantiates it on the main thread too,
// where small inputs are evaluated.
(() => {
  if (globalThis.tierscopeBoot) return;
  const boot = { worker: null, error: null, early: [], release: () => [], compiled: null };
  globalThis.tierscopeBoot = boot;
  const here = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || location.href;
  try {
    boot.worker = new Worker(new URL('worker.js', here), { type: 'module' });
  } catch (e) {
    boot.error = e;
    return;
  }
  const keep = (event) => boot.early.push(event);
  boot.worker.addEventListener('message', keep);
  boot.worker.addEventListener('error', keep);
  // engine.js: stop keeping (after adding its own listeners, in the same task) and take what came.
  boot.release = () => {
    boot.worker.removeEventListener('message', keep);
    boot.worker.removeEventListener('error', keep);
    return boot.early.splice(0);
  };
  const response = fetch(new URL('tierscope.wasm', here), { credentials: 'same-origin' });
  boot.compiled = WebAssembly.compileStreaming(response.then((r) => r.clone()))
    .catch(() => response.then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`)))).then((b) => WebAssembly.compile(b)))
    .catch(() => null);
  boot.compiled.then((module) => boot.worker.postMessage({ type: 'wasm', module }));
})();
