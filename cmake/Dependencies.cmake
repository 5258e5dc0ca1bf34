# Every dependency comes from a Debian package (tools/setup-deps installs them).
find_package(PkgConfig REQUIRED)
find_package(glm REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(TinyGLTF REQUIRED)
find_package(assimp REQUIRED)
find_package(glfw3 3.3 REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 CONFIG QUIET)
find_package(meshoptimizer REQUIRED)
find_package(GTest REQUIRED)
find_package(benchmark REQUIRED)
find_package(Threads REQUIRED)
find_package(Fontconfig REQUIRED)
find_package(PNG REQUIRED)
pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

# Debian's libimgui-dev ships a static library with the GLFW and OpenGL3 backends built in.
find_library(IMGUI_LIBRARY NAMES imgui REQUIRED)
find_path(IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui REQUIRED)
add_library(ta_imgui INTERFACE)
target_include_directories(ta_imgui INTERFACE ${IMGUI_INCLUDE_DIR} ${IMGUI_INCLUDE_DIR}/backends)
target_link_libraries(ta_imgui INTERFACE ${IMGUI_LIBRARY} PkgConfig::STB glfw ${CMAKE_DL_LIBS})

if(NOT TARGET CLI11::CLI11)
  find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  target_include_directories(CLI11::CLI11 INTERFACE ${CLI11_INCLUDE_DIR})
endif()

# Debian builds tinygltf as a shared library (the implementation lives there: never define
# TINYGLTF_IMPLEMENTATION in our code).
set(TA_TINYGLTF TinyGLTF::TinyGLTF)
