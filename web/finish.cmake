# cmake -DMJS=tierscope.mjs [-DESBUILD=path/to/esbuild] -P finish.cmake : drops emscripten's
# `export default <factory>;` so the module exports only createTierscope (from tierscope.js), strips
# tierscope.js's line comments, and with esbuild (npm ci puts it in node_modules) minifies
# emscripten's part of the file (local names shortened: ~2 KB gzip less). The API part keeps its
# /* */ hints for bundlers.
file(READ ${MJS} src)
string(REPLACE "export default createTierscopeModule;" "" out "${src}")
if(out STREQUAL src)
  message(FATAL_ERROR "finish.cmake: no `export default createTierscopeModule;` in ${MJS}")
endif()
set(glue "")
set(api "${out}")
string(FIND "${out}" "// ---------------------------------------------------------------------------------------------\n// tierscope JS API." at)
if(at GREATER 0)
  string(SUBSTRING "${out}" 0 ${at} glue)
  string(SUBSTRING "${out}" ${at} -1 api)
  if(DEFINED ESBUILD AND EXISTS "${ESBUILD}")
    file(WRITE ${MJS}.glue.mjs "${glue}")
    execute_process(COMMAND ${ESBUILD} ${MJS}.glue.mjs --minify --target=es2020 --log-level=warning
                    OUTPUT_VARIABLE glue RESULT_VARIABLE rc)
    file(REMOVE ${MJS}.glue.mjs)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "finish.cmake: esbuild could not minify ${MJS}")
    endif()
  endif()
endif()
# The API part (tierscope.js, appended verbatim) without its whole-line // comments: ~0.6 KB gzip of
# the 120 KB budget (tierscope.js keeps them; /* */ hints for bundlers stay).
string(REGEX REPLACE "\n[ \t]*//[^\n]*" "" api "\n${api}")
# emscripten's own default .wasm URL (unused: tierscope.js always passes instantiateWasm) is
# evaluated when the factory runs; in a bundle without import.meta (esbuild's default iife, a classic
# worker) it throws. tierscope.js's literal new URL('tierscope.wasm', import.meta.url) is the one
# bundlers see and the only one used.
set(out "${glue}${api}")
string(REPLACE "new URL(\"tierscope.wasm\",import.meta.url).toString()" "\"tierscope.wasm\"" out "${out}")
file(WRITE ${MJS} "${out}")
