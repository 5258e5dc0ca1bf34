#pragma once
// Paths the tests use, defined in the build tree's generated test_paths.cpp (tests/CMakeLists.txt), and
// included into every test file by the compiler (-include), as the macros the tests have always used.
namespace ta::test_paths {
const char* testDir();          // tests/ of the source tree
const char* buildDir();         // the build folder
const char* appExe();           // the trigger-atlas program
const char* recordsWriterExe(); // tests/tools/records_writer
const char* clinicLoadExe();    // tests/tools/clinic_load
const char* pgServerScript();   // tests/tools/pg_test_server.sh
} // namespace ta::test_paths

#define TA_TEST_DIR (::ta::test_paths::testDir())
#define TA_BUILD_DIR (::ta::test_paths::buildDir())
#define TA_APP_EXE (::ta::test_paths::appExe())
#define TA_RECORDS_WRITER_EXE (::ta::test_paths::recordsWriterExe())
#define TA_CLINIC_LOAD_EXE (::ta::test_paths::clinicLoadExe())
#define TA_PG_SERVER_SCRIPT (::ta::test_paths::pgServerScript())
