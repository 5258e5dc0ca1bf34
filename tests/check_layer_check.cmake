# Proves the layer check can fail: copies src/ to WORK, plants a session file that includes render and a
# core file that includes ImGui, and expects check_layer_includes.cmake to reject both.
file(REMOVE_RECURSE "${WORK}")
file(COPY "${SRC}/" DESTINATION "${WORK}/src")
file(WRITE "${WORK}/src/session/planted_bad.h" "#pragma once\n#include \"render/gpu_model.h\"\n")
file(WRITE "${WORK}/src/core/planted_bad.cpp" "#include <imgui.h>\n")
execute_process(COMMAND ${CMAKE_COMMAND} -DSRC=${WORK}/src -P ${CHECK} RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
file(REMOVE_RECURSE "${WORK}")
if(rc EQUAL 0)
  message(FATAL_ERROR "the layer check passed a tree that breaks the rules")
endif()
string(REGEX REPLACE "[ \t\r\n]+" " " err "${err}") # CMake wraps long messages at spaces
foreach(expected "planted_bad.h: session may not include render" "planted_bad.cpp: core may not include this library")
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the layer check did not report '${expected}':\n${err}")
  endif()
endforeach()
message(STATUS "the layer check rejects planted violations")
