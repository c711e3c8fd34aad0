# Black-box and service test registration, included from the root CMakeLists.txt
# (CTest is enabled there). Every suite starts its own servers and databases.
#
#   http.<file>     node --test tests/http/<file>.test.mjs     (SQLite + PostgreSQL + SMTP sink)
#   browser.<file>  node --test tests/browser/<file>.test.mjs  (SQLite + SMTP sink + Chromium + axe-core)
#   service_tests_sqlite, service_tests_postgresql
#                   GoogleTest service tests (tests/service/*.cpp), once per database
#   unit_tests's    GoogleTest unit tests, discovered at build time, and `layers`
#                   (scripts/check_layers.py), both labelled unit in CMakeLists.txt
#
# Labels, for `ctest -L <regex>`:
#   unit                         every unit test
#   service, sqlite, postgresql  the service runs
#   blackbox, http, browser      the node files
#   cycles, registration, selection, running, feedback, reports, events, programmes, projects,
#   identity, roles, accounts, platform
#                                the feature a node file tests (ATELIERS_NODE_TESTS below)
# e.g. `ctest -L selection`, `ctest -R '^http\.accounts$'`, `ctest -L '^(unit|sqlite)$'`.
#
# Running in parallel (`ctest -j2`): each node file starts its own servers, sinks
# and PostgreSQL cluster on ports claimed across processes (tests/support/ports.mjs),
# so any two can run at once, except that the browser files share one Chromium
# (RESOURCE_LOCK chromium) and http.concurrency, being timing-sensitive, runs
# alone (RUN_SERIAL), as does the PostgreSQL service run.

find_program(NODE_EXECUTABLE NAMES node nodejs)
set(ATELIERS_PG_CLUSTER ${CMAKE_SOURCE_DIR}/tests/support/pg-cluster.sh)

# The node test files: "<suite>/<file stem>|<feature>|<timeout in seconds>".
# Every tests/{http,browser}/*.test.mjs must be listed here (configuring fails otherwise).
set(ATELIERS_NODE_TESTS
  "http/account_links|accounts|300"
  "http/accounts|accounts|300"
  "http/admin|cycles|300"
  "http/api|registration|300"
  "http/concurrency|registration|600"
  "http/cycle_pages|cycles|300"
  "http/events|events|300"
  "http/events_editor|events|300"
  "http/events_documents|events|400"
  "http/event_files|events|400"
  "http/events_tickets|events|300"
  "http/facilitation|running|300"
  "http/feedback|feedback|300"
  "http/live|running|300"
  "http/messages|cycles|300"
  "http/openapi|platform|300"
  "http/programmes|programmes|300"
  "http/programme_evidence|programmes|400"
  "http/programme_dossier|programmes|400"
  "http/projects|projects|400"
  "http/proconnect|identity|300"
  "http/reports|reports|300"
  "http/roles|roles|300"
  "http/running|running|300"
  "http/territories|reports|300"
  "http/security|platform|400"
  "browser/csp|platform|400"
  "browser/events|events|400"
  "browser/events_editor|events|400"
  "browser/event_files|events|400"
  "browser/identity|identity|400"
  "browser/facilitation|running|400"
  "browser/feedback|feedback|400"
  "browser/live|running|600"
  "browser/pages|platform|400"
  "browser/privacy|accounts|400"
  "browser/programmes|programmes|400"
  "browser/programme_import|programmes|400"
  "browser/projects|projects|400"
  "browser/registration|registration|400"
  "browser/reports|reports|400"
  "browser/roles|roles|400"
  "browser/selection|selection|400"
  "browser/signup|accounts|400"
  "browser/territories|reports|400"
)
set(ATELIERS_FEATURES cycles registration selection running feedback reports events programmes projects identity roles accounts
  platform)

if(NODE_EXECUTABLE)
  set(_node_listed "")
  foreach(_entry IN LISTS ATELIERS_NODE_TESTS)
    string(REPLACE "|" ";" _fields "${_entry}")
    list(GET _fields 0 _file)
    list(GET _fields 1 _feature)
    list(GET _fields 2 _timeout)
    string(REPLACE "/" ";" _path_parts "${_file}")
    list(GET _path_parts 0 _suite)
    list(GET _path_parts 1 _stem)
    set(_script ${CMAKE_SOURCE_DIR}/tests/${_suite}/${_stem}.test.mjs)
    if(NOT EXISTS ${_script})
      message(FATAL_ERROR "tests/tests.cmake: ${_file}.test.mjs is listed in ATELIERS_NODE_TESTS but does not exist")
    endif()
    if(NOT _feature IN_LIST ATELIERS_FEATURES)
      message(FATAL_ERROR "tests/tests.cmake: ${_file}: unknown feature '${_feature}' (one of: ${ATELIERS_FEATURES})")
    endif()
    list(APPEND _node_listed ${_script})

    set(_name ${_suite}.${_stem})
    add_test(NAME ${_name}
      COMMAND ${NODE_EXECUTABLE} --test --test-concurrency=1 ${_script}
      WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(${_name} PROPERTIES
      ENVIRONMENT "ATELIERS_BIN=$<TARGET_FILE:ateliers>"
      TIMEOUT ${_timeout}
      LABELS "blackbox;${_suite};${_feature}")
    if(_suite STREQUAL "browser")
      # One Chromium at a time; started first (COST, until ctest has timings of its
      # own) so that under -j2 the http files run beside them rather than after.
      set_tests_properties(${_name} PROPERTIES RESOURCE_LOCK chromium COST 100)
    endif()
  endforeach()
  # Timing-sensitive (200 simultaneous registrations): nothing else runs meanwhile.
  set_tests_properties(http.concurrency PROPERTIES RUN_SERIAL TRUE)

  file(GLOB _node_on_disk CONFIGURE_DEPENDS
    ${CMAKE_SOURCE_DIR}/tests/http/*.test.mjs ${CMAKE_SOURCE_DIR}/tests/browser/*.test.mjs)
  foreach(_script IN LISTS _node_on_disk)
    if(NOT _script IN_LIST _node_listed)
      file(RELATIVE_PATH _rel ${CMAKE_SOURCE_DIR} ${_script})
      message(FATAL_ERROR "tests/tests.cmake: ${_rel} is not in ATELIERS_NODE_TESTS: add it with its feature and timeout")
    endif()
  endforeach()
else()
  message(WARNING "node not found: the http.* and browser.* tests are not registered")
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
    TIMEOUT 600
    LABELS "service;sqlite")

  # Two checkouts on one host (a worktree, the fresh-machine check) pick different ports.
  set(ATELIERS_TEST_PG_PORT 55432 CACHE STRING "Port of the PostgreSQL cluster the service tests start")
  set(pg_dir /tmp/ateliers-ctest-pg-${ATELIERS_TEST_PG_PORT})
  add_test(NAME pg_start COMMAND ${ATELIERS_PG_CLUSTER} start ${pg_dir} ${ATELIERS_TEST_PG_PORT})
  add_test(NAME pg_stop COMMAND ${ATELIERS_PG_CLUSTER} stop ${pg_dir})
  set_tests_properties(pg_start PROPERTIES FIXTURES_SETUP pg TIMEOUT 120 LABELS "postgresql")
  set_tests_properties(pg_stop PROPERTIES FIXTURES_CLEANUP pg TIMEOUT 120 LABELS "postgresql")

  add_test(NAME service_tests_postgresql COMMAND service_tests
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(service_tests_postgresql PROPERTIES
    ENVIRONMENT "ATELIERS_TEST_PG_URL=postgresql://postgres@127.0.0.1:${ATELIERS_TEST_PG_PORT}/ateliers_test"
    FIXTURES_REQUIRED pg
    TIMEOUT 600
    RUN_SERIAL TRUE
    LABELS "service;postgresql")
endif()
