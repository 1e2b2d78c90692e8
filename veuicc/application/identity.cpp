#include "veuicc/application/identity.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/atomic_file.h"

namespace lpad::veuicc {

namespace {

Result<crypto::Certificate> load_certificate(const std::filesystem::path& path) {
  auto bytes = read_whole_file(path);
  if (!bytes) return unexpected(bytes.error());
  auto cert = crypto::Certificate::load(*bytes);
  if (!cert) return fail(cert.error().code, fmt::format("{}: {}", path.string(), cert.error().message));
  return cert;
}

}  // namespace

std::vector<Bytes> Identity::ci_pkids() const {
  std::vector<Bytes> pkids;
  for (const auto& ci : cis) {
    auto ski = ci.subject_key_identifier();
    if (ski && std::find(pkids.begin(), pkids.end(), *ski) == pkids.end()) pkids.push_back(*ski);
  }
  return pkids;
}

Result<Identity> Identity::load(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> ci_files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    auto name = entry.path().filename().string();
    if (name.starts_with("CERT_CI") && name.ends_with(".der")) ci_files.push_back(entry.path());
  }
  if (ec) return fail(Errc::io_error, fmt::format("cannot read the identity folder '{}': {}", folder.string(), ec.message()));
  if (ci_files.empty()) return fail(Errc::invalid_argument, fmt::format("'{}' holds no CERT_CI*.der certificate", folder.string()));
  std::sort(ci_files.begin(), ci_files.end());

  std::vector<crypto::Certificate> cis;
  for (const auto& file : ci_files) {
    auto ci = load_certificate(file);
    if (!ci) return unexpected(ci.error());
    cis.push_back(std::move(*ci));
  }
  auto eum = load_certificate(folder / "CERT_EUM_ECDSA_NIST.der");
  if (!eum) return unexpected(eum.error());
  auto euicc = load_certificate(folder / "CERT_EUICC_ECDSA_NIST.der");
  if (!euicc) return unexpected(euicc.error());
  auto key_pem = read_whole_file(folder / "SK_EUICC_ECDSA_NIST.pem");
  if (!key_pem) return unexpected(key_pem.error());
  auto key = crypto::load_private_key_pem(*key_pem);
  if (!key) return unexpected(key.error());
  auto eid = euicc->subject_serial_number();
  if (!eid || eid->size() != 32)
    return fail(Errc::invalid_argument, fmt::format("the eUICC certificate in '{}' carries no 32-digit EID as its serialNumber", folder.string()));
  return Identity{std::move(cis), std::move(*eum), std::move(*euicc), std::move(*key), std::move(*eid)};
}

}  // namespace lpad::veuicc
