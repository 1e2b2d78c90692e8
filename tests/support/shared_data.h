// Access to ../shared (reference data) and to test vectors in it. Tests read the files in place.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/bytes.h"

namespace lpad::test {

inline std::filesystem::path shared_dir() { return LPAD_SHARED_DIR; }

inline Bytes read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return nlohmann::json::parse(in);
}

inline Bytes hex(std::string_view text) {
  auto bytes = from_hex(text);
  if (!bytes) throw std::invalid_argument("bad hex in test: " + bytes.error().message);
  return *bytes;
}

// The DER of a named structure in ../shared/vectors/es10-structures.json.
inline Bytes es10_vector_der(std::string_view name) {
  static const auto doc = read_json(shared_dir() / "vectors" / "es10-structures.json");
  for (const auto& s : doc["structures"])
    if (s["name"] == name) return hex(s["der_hex"].get<std::string>());
  throw std::invalid_argument("no ES10 vector named " + std::string(name));
}

inline nlohmann::json es10_vector_value(std::string_view name) {
  static const auto doc = read_json(shared_dir() / "vectors" / "es10-structures.json");
  for (const auto& s : doc["structures"])
    if (s["name"] == name) return s["value"];
  throw std::invalid_argument("no ES10 vector named " + std::string(name));
}

}  // namespace lpad::test
