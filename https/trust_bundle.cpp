#include "https/trust_bundle.h"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <system_error>
#include <vector>

namespace lpad::https {
namespace {

namespace fs = std::filesystem;

struct BioDeleter {
  void operator()(BIO* bio) const noexcept { BIO_free(bio); }
};
struct X509Deleter {
  void operator()(X509* cert) const noexcept { X509_free(cert); }
};

// Counts the certificates OpenSSL reads from `pem`, so a file that is not PEM, or holds only a
// key, is refused when loading instead of surfacing later as an unexplained TLS failure.
std::size_t count_certificates(const std::string& pem) {
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return 0;
  std::size_t count = 0;
  while (std::unique_ptr<X509, X509Deleter>(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))) ++count;
  ERR_clear_error();  // the loop ends on "no start line", which is not an error here
  return count;
}

Result<void> append_pem_file(const fs::path& file, std::string& bundle) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return fail(Errc::https_bad_option, fmt::format("cannot read the trust anchor file {}", file.string()));
  std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (count_certificates(pem) == 0)
    return fail(Errc::https_bad_option, fmt::format("{} holds no PEM certificate", file.string()));
  bundle += pem;
  if (!pem.empty() && pem.back() != '\n') bundle += '\n';
  return {};
}

// The *.pem files of `dir`, sorted so the bundle is the same on every run.
Result<std::size_t> append_pem_folder(const fs::path& dir, std::string& bundle) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".pem") files.push_back(it->path());
  if (ec) return fail(Errc::https_bad_option, fmt::format("cannot read the trust store folder {}: {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());
  for (const auto& file : files)
    if (auto added = append_pem_file(file, bundle); !added) return unexpected(added.error());
  return files.size();
}

}  // namespace

fs::path trust_store_dir(const HttpsOptions& options) {
  if (!options.trust_store_dir.empty()) return options.trust_store_dir;
  std::error_code ec;
  if (fs::is_directory(LPAD_TRUST_STORE_DIR, ec)) return LPAD_TRUST_STORE_DIR;
  return LPAD_SOURCE_TRUST_STORE_DIR;
}

Result<std::string> load_trust_bundle(const HttpsOptions& options) {
  const fs::path dir = trust_store_dir(options);
  std::string bundle;
  auto live = append_pem_folder(dir / "live", bundle);
  if (!live) return unexpected(live.error());
  if (*live == 0) return fail(Errc::https_bad_option, fmt::format("no GSMA CI root in {}", (dir / "live").string()));
  const bool test_mode = options.test_mode || !options.extra_trust_anchors.empty();
  if (test_mode)
    if (auto test = append_pem_folder(dir / "test", bundle); !test) return unexpected(test.error());
  for (const auto& anchor : options.extra_trust_anchors)
    if (auto added = append_pem_file(anchor, bundle); !added) return unexpected(added.error());
  return bundle;
}

}  // namespace lpad::https
