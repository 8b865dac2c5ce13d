# cmake -DMJS=tierscope.mjs -P finish.cmake : drops emscripten's `export default <factory>;` so the
# module exports only createTierscope (from tierscope.js), and strips tierscope.js's line comments.
file(READ ${MJS} src)
string(REPLACE "export default createTierscopeModule;" "" out "${src}")
if(out STREQUAL src)
  message(FATAL_ERROR "finish.cmake: no `export default createTierscopeModule;` in ${MJS}")
endif()
# The API part (tierscope.js, appended verbatim) without its whole-line // comments: ~0.6 KB gzip of
# the 120 KB budget (tierscope.js keeps them; /* */ hints for bundlers stay).
string(REGEX REPLACE "\n[ \t]*//[^\n]*" "" out "${out}")
# emscripten's own default .wasm URL (unused: tierscope.js always passes instantiateWasm) is
# evaluated when the factory runs; in a bundle without import.meta (esbuild's default iife, a classic
# worker) it throws. tierscope.js's literal new URL('tierscope.wasm', import.meta.url) is the one
# bundlers see and the only one used.
string(REPLACE "new URL(\"tierscope.wasm\",import.meta.url).toString()" "\"tierscope.wasm\"" out "${out}")
file(WRITE ${MJS} "${out}")
