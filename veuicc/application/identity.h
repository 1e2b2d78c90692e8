// The eUICC's identity: its certificate and private key, the EUM certificate that signed it, the
// CI certificates it trusts, and its EID. Loaded from a folder laid out like ../shared/pki/sgp26/
// (or what tests/pki/make_test_pki.py writes):
//   CERT_CI*.der       one or more CI certificates (every file starting CERT_CI)
//   CERT_EUM_ECDSA_NIST.der, CERT_EUICC_ECDSA_NIST.der, SK_EUICC_ECDSA_NIST.pem
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "crypto/certificate.h"
#include "crypto/keys.h"

namespace lpad::veuicc {

struct Identity {
  std::vector<crypto::Certificate> cis;
  crypto::Certificate eum;
  crypto::Certificate euicc;
  crypto::PrivateKey euicc_key;
  std::string eid;  // 32 digits, from CERT.EUICC's subject serialNumber

  // PKIDs (subject key identifiers) of the CIs, without repeats: both SGP.26 CI certificates
  // carry the same key, so they count once.
  std::vector<Bytes> ci_pkids() const;

  static Result<Identity> load(const std::filesystem::path& folder);
};

}  // namespace lpad::veuicc
