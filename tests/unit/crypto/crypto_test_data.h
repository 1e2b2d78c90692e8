// Paths and loaders for the crypto tests' reference data in shared/ (read in place).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "crypto/certificate.h"
#include "crypto/keys.h"
#include "support/shared_data.h"

namespace lpad::crypto::test_data {

inline std::filesystem::path sgp26(const std::string& name) { return lpad::test::shared_dir() / "pki" / "sgp26" / name; }
inline std::filesystem::path download(const std::string& name) {
  return lpad::test::shared_dir() / "vectors" / "download-sgp26" / name;
}

inline Certificate certificate(const std::filesystem::path& path) {
  auto cert = Certificate::load(lpad::test::read_file(path));
  if (!cert) throw std::runtime_error(path.string() + ": " + cert.error().describe());
  return *cert;
}

inline PrivateKey private_key(const std::filesystem::path& path) {
  auto key = load_private_key_pem(lpad::test::read_file(path));
  if (!key) throw std::runtime_error(path.string() + ": " + key.error().describe());
  return std::move(*key);
}

inline PublicKey public_key(const Certificate& cert) {
  auto key = cert.public_key();
  if (!key) throw std::runtime_error(key.error().describe());
  return *key;
}

// The DER of a field of the recorded ES9+ messages, e.g. message(0, "response", "serverSigned1").
inline Bytes message(int index, const char* direction, const char* field) {
  static const auto doc = lpad::test::read_json(download("messages-decoded.json"));
  return lpad::test::hex(doc.at("messages").at(index).at(direction).at(field).at("der_hex").get<std::string>());
}

}  // namespace lpad::crypto::test_data
