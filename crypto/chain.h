// Certificate path validation for SGP.22 section 4.5.2 / 5.7.13: CERT.DPauth, CERT.DPpb (issued by
// a CI) and CERT.EUICC (issued by CERT.EUM, issued by a CI) verified to one of a set of trusted
// CI certificates, and the CI the path ends in identified by its PKID (subject key identifier).
//
// OpenSSL does the path building, signatures, basic constraints, key usage and name constraints,
// with one exception: the EUM name constraint. SGP.22 section 4.5.2.1.0.2 gives the EUM a
// permitted directoryName { O, serialNumber = EID prefix } meaning "the eUICC's O is this O and
// its serialNumber (the EID) starts with this prefix"; X.509 subtree matching cannot express a
// prefix (and the SGP.26 test eUICC also has C first), so OpenSSL reports a permitted-subtree
// violation for every genuine eUICC. That one error is set aside and the GSMA rule checked instead.
#pragma once

#include <ctime>
#include <optional>
#include <span>
#include <string>

#include "core/bytes.h"
#include "core/error.h"
#include "crypto/certificate.h"

namespace lpad::crypto {

// SGP.22 section 4.5.2 certificate policy OIDs (id-rspRole).
inline constexpr const char* kPolicyCi = "2.23.146.1.2.1.0";
inline constexpr const char* kPolicyEuicc = "2.23.146.1.2.1.1";
inline constexpr const char* kPolicyEum = "2.23.146.1.2.1.2";
inline constexpr const char* kPolicyDpAuth = "2.23.146.1.2.1.4";
inline constexpr const char* kPolicyDpPb = "2.23.146.1.2.1.5";
inline constexpr const char* kPolicyDsAuth = "2.23.146.1.2.1.7";

struct ChainOptions {
  // Check validity periods at this time. Absent: no time check, as on an eUICC, which has no
  // trusted clock (SGP.22 leaves expiry checks of server certificates to the LPA/TLS side).
  std::optional<std::time_t> at;
  // The leaf must carry this certificate policy, e.g. kPolicyDpAuth for serverCertificate.
  std::optional<std::string> leaf_policy;
};

struct VerifiedChain {
  Certificate ci;  // the trusted CI the path ends in
  Bytes ci_pkid;   // its subject key identifier
};

// crypto.chain-untrusted with OpenSSL's reason (and the certificate's subject) when the path does
// not verify; `intermediates` holds e.g. CERT.EUM, empty for DPauth/DPpb.
Result<VerifiedChain> verify_chain(const Certificate& leaf, std::span<const Certificate> intermediates,
                                   std::span<const Certificate> trusted_cis, const ChainOptions& options = {});

// The CI certificate whose SKI is `pkid` (as euiccCiPKIdToBeUsed names it), if it is among `cis`.
std::optional<Certificate> find_ci_by_pkid(std::span<const Certificate> cis, ByteView pkid);

}  // namespace lpad::crypto
