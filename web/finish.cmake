# cmake -DMJS=tierscope.mjs [-DESBUILD=path/to/esbuild] -P finish.cmake : drops emscripten's
# `export default <factory>;` so the module exports only createTierscope (from tierscope.js). With
# esbuild (npm ci puts it in node_modules), emscripten's part of the file is minified (local names
# shortened: ~2 KB gzip less); the appended API (tierscope.js, with its bundler comments) stays as written.
file(READ ${MJS} src)
string(REPLACE "export default createTierscopeModule;" "" out "${src}")
if(out STREQUAL src)
  message(FATAL_ERROR "finish.cmake: no `export default createTierscopeModule;` in ${MJS}")
endif()
set(api_marker "// ---------------------------------------------------------------------------------------------\n// tierscope JS API.")
string(FIND "${out}" "${api_marker}" at)
if(DEFINED ESBUILD AND EXISTS "${ESBUILD}" AND at GREATER 0)
  string(SUBSTRING "${out}" 0 ${at} glue)
  string(SUBSTRING "${out}" ${at} -1 api)
  file(WRITE ${MJS}.glue.mjs "${glue}")
  execute_process(COMMAND ${ESBUILD} ${MJS}.glue.mjs --minify --target=es2020 --log-level=warning
                  OUTPUT_VARIABLE minified RESULT_VARIABLE rc)
  file(REMOVE ${MJS}.glue.mjs)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "finish.cmake: esbuild could not minify ${MJS}")
  endif()
  set(out "${minified}\n${api}")
endif()
file(WRITE ${MJS} "${out}")
