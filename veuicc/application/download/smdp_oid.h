// The SM-DP+ OID of an SM-DP+ certificate (CERT.DPauth / CERT.DPpb): SGP.22 section 4.5.2.1
// puts it in subjectAltName as a registeredID. The eUICC repeats it in euiccCancelSessionSigned
// and in the ProfileInstallationResult.
#pragma once

#include <string>

#include "core/error.h"
#include "crypto/certificate.h"

namespace lpad::veuicc {

// Dotted form, e.g. "2.999.10" for the SGP.26 test SM-DP+.
Result<std::string> smdp_oid_of(const crypto::Certificate& certificate);

}  // namespace lpad::veuicc
