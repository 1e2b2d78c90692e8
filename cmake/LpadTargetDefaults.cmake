# Compiler settings every lpad target shares: warnings, -Werror in CI, sanitizers.
add_library(lpad_build_flags INTERFACE)
target_compile_options(lpad_build_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
# The project root is the include root, so every include names its layer: "tlv/ber.h".
target_include_directories(lpad_build_flags INTERFACE ${PROJECT_SOURCE_DIR})
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 at -O2 reports out-of-bounds memcpy inside std::vector::insert that cannot happen
  # (GCC bugs 105329, 106199); they would fail -Werror builds on correct code.
  target_compile_options(lpad_build_flags INTERFACE -Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread -Wno-restrict)
endif()
if(LPAD_WERROR)
  target_compile_options(lpad_build_flags INTERFACE -Werror)
endif()

if(LPAD_SANITIZE OR LPAD_FUZZ)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(LPAD_SANITIZE)
  add_compile_options(-fno-sanitize-recover=all)
endif()
if(LPAD_FUZZ)
  # Instrument all project code for coverage; the fuzz targets add -fsanitize=fuzzer at link time.
  # Programs linked without it (the unit tests in the asan preset) get the sanitizer runtime's
  # no-op coverage callbacks, so one clang build serves both.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# lpad_library(NAME SOURCES... LINKS...) : one folder, one library, with the shared flags.
function(lpad_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS;PRIVATE_LINKS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_link_libraries(${name} PUBLIC lpad_build_flags ${ARG_LINKS} PRIVATE ${ARG_PRIVATE_LINKS})
endfunction()
