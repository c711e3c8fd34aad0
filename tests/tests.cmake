# Black-box and service test registration, included from the root CMakeLists.txt
# (CTest is enabled there). Every suite starts its own servers and databases.
#
#   http_tests      node --test tests/http/     (SQLite + PostgreSQL + SMTP sink)
#   browser_tests   node --test tests/browser/  (SQLite + SMTP sink + Chromium + axe-core)
#   service_tests_* GoogleTest service tests (tests/service/*.cpp), once per database
#
# The node suites and the PostgreSQL service run are RUN_SERIAL: each starts
# several processes, and `ctest -j2` on 2 cores must not run two of them at once.

find_program(NODE_EXECUTABLE NAMES node nodejs)
set(ATELIERS_PG_CLUSTER ${CMAKE_SOURCE_DIR}/tests/support/pg-cluster.sh)

if(NODE_EXECUTABLE)
  add_test(NAME http_tests
    COMMAND ${NODE_EXECUTABLE} --test --test-concurrency=1 ${CMAKE_SOURCE_DIR}/tests/http/
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME browser_tests
    COMMAND ${NODE_EXECUTABLE} --test --test-concurrency=1 ${CMAKE_SOURCE_DIR}/tests/browser/
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(http_tests browser_tests PROPERTIES
    ENVIRONMENT "ATELIERS_BIN=$<TARGET_FILE:ateliers>"
    TIMEOUT 600
    RUN_SERIAL TRUE
    LABELS "blackbox")
else()
  message(WARNING "node not found: http_tests and browser_tests are not registered")
endif()

# GoogleTest service tests, written against the store/services layers; each
# test picks its database from ATELIERS_TEST_DB / ATELIERS_TEST_PG_URL.
file(GLOB SERVICE_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/service/*.cpp)
if(SERVICE_TEST_SOURCES)
  add_executable(service_tests ${SERVICE_TEST_SOURCES})
  target_link_libraries(service_tests PRIVATE ateliers_all GTest::gtest_main)

  add_test(NAME service_tests_sqlite COMMAND service_tests
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(service_tests_sqlite PROPERTIES
    ENVIRONMENT "ATELIERS_TEST_DB=sqlite"
    TIMEOUT 600)

  add_test(NAME pg_start COMMAND ${ATELIERS_PG_CLUSTER} start /tmp/ateliers-ctest-pg 55432)
  add_test(NAME pg_stop COMMAND ${ATELIERS_PG_CLUSTER} stop /tmp/ateliers-ctest-pg)
  set_tests_properties(pg_start PROPERTIES FIXTURES_SETUP pg TIMEOUT 120)
  set_tests_properties(pg_stop PROPERTIES FIXTURES_CLEANUP pg TIMEOUT 120)

  add_test(NAME service_tests_postgresql COMMAND service_tests
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(service_tests_postgresql PROPERTIES
    ENVIRONMENT "ATELIERS_TEST_PG_URL=postgresql://postgres@127.0.0.1:55432/ateliers_test"
    FIXTURES_REQUIRED pg
    TIMEOUT 600
    RUN_SERIAL TRUE)
endif()
