# cmake -DMJS=tierscope.mjs -P finish.cmake : drops emscripten's `export default <factory>;` so the
# module exports only createTierscope (from tierscope.js).
file(READ ${MJS} src)
string(REPLACE "export default createTierscopeModule;" "" out "${src}")
if(out STREQUAL src)
  message(FATAL_ERROR "finish.cmake: no `export default createTierscopeModule;` in ${MJS}")
endif()
file(WRITE ${MJS} "${out}")
