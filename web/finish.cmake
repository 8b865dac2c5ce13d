# cmake -DMJS=tierscope.mjs [-DESBUILD=path] -P finish.cmake : drops emscripten's `export default
# <factory>;` so the module exports only createTierscope (from tierscope.js); minifies emscripten's
# generated part with esbuild when it is there (npm ci) and drops the comment lines of the appended
# tierscope.js (its inline bundler hints stay): the shipped module counts against the size budget.
# minify(VAR TEXT SUFFIX): VAR = TEXT minified by esbuild (through the scratch file ${MJS}.SUFFIX).
function(minify var text suffix)
  file(WRITE "${MJS}.${suffix}" "${text}")
  execute_process(COMMAND "${ESBUILD}" "${MJS}.${suffix}" --minify --target=es2020 --log-level=warning
                  OUTPUT_VARIABLE minified RESULT_VARIABLE failed)
  file(REMOVE "${MJS}.${suffix}")
  if(failed)
    message(FATAL_ERROR "finish.cmake: esbuild could not minify ${MJS} (${suffix})")
  endif()
  set(${var} "${minified}" PARENT_SCOPE)
endfunction()

file(READ ${MJS} src)
string(REPLACE "export default createTierscopeModule;" "" out "${src}")
if(out STREQUAL src)
  message(FATAL_ERROR "finish.cmake: no `export default createTierscopeModule;` in ${MJS}")
endif()
# emscripten's own default .wasm URL (unused: tierscope.js always passes instantiateWasm) is
# evaluated when the factory runs; in a bundle without import.meta (esbuild's default iife, a classic
# worker) it throws. tierscope.js's literal new URL('tierscope.wasm', import.meta.url) is the one
# bundlers see and the only one used.
string(REPLACE "new URL(\"tierscope.wasm\",import.meta.url).toString()" "\"tierscope.wasm\"" out "${out}")
string(FIND "${out}" "// tierscope JS API." api)
if(api GREATER 0)
  string(SUBSTRING "${out}" 0 ${api} glue)
  string(SUBSTRING "${out}" ${api} -1 js)
  string(REGEX REPLACE "\n[ \t]*//[^\n]*" "" js "\n${js}")
  string(REGEX REPLACE "\n[ \t]*/\\*\\*[^\n]*(\n[ \t]*\\*[^\n]*)*" "" js "${js}")
  if(ESBUILD AND EXISTS "${ESBUILD}")
    minify(glue "${glue}" glue.js)
    # The API part too (local names, white space); the wasm URL goes back to the literal form bundlers
    # look for, and the calls module's import() gets back the hints esbuild drops (webpackIgnore, @vite-ignore).
    minify(js "${js}" api.mjs)
    string(REPLACE "new URL(\"tierscope.wasm\",import.meta.url)" "new URL('tierscope.wasm', import.meta.url)" js "${js}")
    string(REPLACE "import(String(" "import(/* webpackIgnore: true */ /* @vite-ignore */ String(" js "${js}")
  endif()
  set(out "${glue}${js}")
endif()
file(WRITE ${MJS} "${out}")
