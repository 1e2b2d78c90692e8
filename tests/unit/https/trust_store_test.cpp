// The shipped trust store (trust/) against the reference GSMA CI certificates in ../shared.
#include <gtest/gtest.h>

#include <set>

#include "crypto/certificate.h"
#include "https/https_client.h"
#include "https/trust_bundle.h"
#include "support/shared_data.h"

namespace lpad::https {
namespace {

namespace fs = std::filesystem;

const fs::path kTrust = fs::path(LPAD_SOURCE_DIR) / "trust";

crypto::Certificate load(const fs::path& file) {
  auto cert = crypto::Certificate::from_pem(test::read_file(file));
  if (!cert) throw std::runtime_error(file.string() + ": " + cert.error().describe());
  return *cert;
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

TEST(TrustStoreFiles, AreTheGsmaCiCertificates) {
  const std::set<std::string> live{"16704b7f351e3607f18c4b70005c3a003dfd414a.pem", "4c27967ad20c14b391e9601e41e604ad57c0222f.pem",
                                   "81370f5125d0b1d408d4c3b232e6d25e795bebfb.pem"};
  const std::set<std::string> test_roots{"34eecf13156518d48d30bdf06853404d115f955d.pem", "665a1433d67c1a2c5db8b52c967f10a057ba5cb2.pem",
                                         "f54172bdf98a95d65cbeb88a38a1c11d800a85c3.pem"};
  EXPECT_EQ(names_in(kTrust / "live"), live);
  EXPECT_EQ(names_in(kTrust / "test"), test_roots);
  const fs::path reference = test::shared_dir() / "pki" / "gsma-ci";
  std::set<std::string> shipped = live;
  shipped.insert(test_roots.begin(), test_roots.end());
  EXPECT_EQ(names_in(reference), shipped) << "a GSMA CI in ../shared is not shipped, or the other way round";
  for (const auto& name : shipped) {
    const fs::path file = kTrust / (live.contains(name) ? "live" : "test") / name;
    auto ours = load(file);
    EXPECT_EQ(ours.der(), load(reference / name).der()) << name;
    auto ski = ours.subject_key_identifier();
    ASSERT_TRUE(ski) << name;
    std::string hex = to_hex(*ski);
    for (auto& c : hex) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(hex + ".pem", name);
  }
}

std::size_t certificates_in(const std::string& bundle) {
  std::size_t count = 0;
  for (auto pos = bundle.find("BEGIN CERTIFICATE"); pos != std::string::npos; pos = bundle.find("BEGIN CERTIFICATE", pos + 1))
    ++count;
  return count;
}

TEST(TrustBundle, LiveRootsOnlyUnlessTestMode) {
  HttpsOptions options;
  options.trust_store_dir = kTrust;
  EXPECT_EQ(certificates_in(*load_trust_bundle(options)), 3u);
  options.test_mode = true;
  EXPECT_EQ(certificates_in(*load_trust_bundle(options)), 6u);
}

TEST(TrustBundle, ExtraAnchorsImplyTestMode) {
  HttpsOptions options;
  options.trust_store_dir = kTrust;
  options.extra_trust_anchors = {kTrust / "live" / "81370f5125d0b1d408d4c3b232e6d25e795bebfb.pem"};
  EXPECT_EQ(certificates_in(*load_trust_bundle(options)), 7u);
}

TEST(TrustBundle, DefaultFolderIsFoundFromTheBuildTree) {
  const fs::path dir = trust_store_dir(HttpsOptions{});
  EXPECT_TRUE(fs::is_directory(dir / "live")) << dir;
  EXPECT_TRUE(HttpsClient::create(HttpsOptions{}));
}

TEST(TrustBundle, RefusesFilesWithoutCertificates) {
  HttpsOptions options;
  options.trust_store_dir = kTrust;
  options.extra_trust_anchors = {kTrust / "README.md"};
  auto r = load_trust_bundle(options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::https_bad_option);
  options.extra_trust_anchors = {kTrust / "no-such-file.pem"};
  EXPECT_FALSE(HttpsClient::create(options));
  HttpsOptions empty_store;
  empty_store.trust_store_dir = fs::path(LPAD_SOURCE_DIR) / "core";  // no live/ folder
  auto missing = HttpsClient::create(empty_store);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::https_bad_option);
}

}  // namespace
}  // namespace lpad::https
