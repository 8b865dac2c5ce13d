# Install rules and the CMake package: `cmake --install build --prefix P` puts the CLI in P/bin, the
# core library in P/lib and its public headers in P/include/tierscope; a consumer then writes
#   find_package(tierscope 0.1 REQUIRED)
#   target_link_libraries(app PRIVATE tierscope::core)
# (tests/package checks exactly that against a staged install tree).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(TIERSCOPE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/tierscope)
set(ts_install_targets tierscope_core tierscope_json)
install(TARGETS ${ts_install_targets} EXPORT tierscopeTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET tierscope)
  install(TARGETS tierscope RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/core/include/tierscope/api.hpp ${PROJECT_BINARY_DIR}/include/tierscope/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/tierscope)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/tierscope)
install(EXPORT tierscopeTargets NAMESPACE tierscope:: DESTINATION ${TIERSCOPE_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/tierscopeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/tierscopeConfig.cmake INSTALL_DESTINATION ${TIERSCOPE_CMAKE_DIR})
# 0.x: a minor release may change the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tierscopeConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tierscopeConfig.cmake ${PROJECT_BINARY_DIR}/tierscopeConfigVersion.cmake
  DESTINATION ${TIERSCOPE_CMAKE_DIR})
