# `npx tierscope`: the native CLI's own sources (cli/*.cpp, CLI11 included) compiled for node, so
# the bin has the same commands, options, outputs and exit codes by construction. NODERAWFS gives it
# the real files, stdin and stdout; cli_env.js hands it the process's environment (NO_COLOR, ...).
# Output: tierscope-cli.cjs + tierscope-cli.wasm in the package folder, started by tierscope-bin.cjs.
find_path(TS_CLI11_DIR CLI/CLI.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
set(TS_CLI11_INCLUDE ${CMAKE_BINARY_DIR}/cli11-include)  # only CLI/, never /usr/include (TOOLCHAIN.md §2)
file(MAKE_DIRECTORY ${TS_CLI11_INCLUDE})
if(NOT EXISTS ${TS_CLI11_INCLUDE}/CLI)
  file(CREATE_LINK ${TS_CLI11_DIR}/CLI ${TS_CLI11_INCLUDE}/CLI SYMBOLIC)
endif()
file(GLOB TS_CLI_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/cli/*.cpp)
add_executable(tierscope_cli_wasm ${TS_CLI_SOURCES})
set_target_properties(tierscope_cli_wasm PROPERTIES
  OUTPUT_NAME tierscope-cli
  SUFFIX .cjs
  RUNTIME_OUTPUT_DIRECTORY ${TS_WEB_OUT})
target_include_directories(tierscope_cli_wasm SYSTEM PRIVATE ${TS_CLI11_INCLUDE})
target_include_directories(tierscope_cli_wasm PRIVATE ${PROJECT_SOURCE_DIR}/core/src)  # text.hpp, input.hpp (as cli/CMakeLists.txt)
target_link_libraries(tierscope_cli_wasm PRIVATE tierscope_core tierscope_operations tierscope_project_rules)
target_compile_options(tierscope_cli_wasm PRIVATE -Os)
set(TS_CLI_ENV_JS ${CMAKE_CURRENT_SOURCE_DIR}/cli_env.js)
target_link_options(tierscope_cli_wasm PRIVATE
  -O2
  "SHELL:-s ENVIRONMENT=node"
  "SHELL:-s NODERAWFS=1"
  "SHELL:-s EXIT_RUNTIME=1"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1"
  "SHELL:-s WASM_ASYNC_COMPILATION=0"
  "SHELL:--pre-js ${TS_CLI_ENV_JS}")
set_property(TARGET tierscope_cli_wasm APPEND PROPERTY LINK_DEPENDS ${TS_CLI_ENV_JS})
add_custom_command(TARGET tierscope_cli_wasm POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_CURRENT_SOURCE_DIR}/tierscope-bin.cjs ${CMAKE_CURRENT_SOURCE_DIR}/install.cjs ${TS_WEB_OUT}
  VERBATIM)
