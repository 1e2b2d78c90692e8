// Runs cross_check.py (python3-cryptography, independent of lpad) and returns its one-line answer.
#pragma once

#include <array>
#include <cctype>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/bytes.h"

namespace lpad::crypto::test_data {

inline std::string python_reference(const std::string& arguments) {
  const std::string command =
      std::string("python3 '") + LPAD_SOURCE_DIR + "/tests/unit/crypto/cross_check.py' " + arguments + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run python3");
  std::string output;
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get())) output += buffer.data();
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  return output;
}

inline std::string lower_hex(ByteView bytes) {
  std::string text = to_hex(bytes);
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace lpad::crypto::test_data
