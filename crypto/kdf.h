// ANSI X9.63 key derivation with SHA-256 (BSI TR-03111 section 4.3.3, as SGP.22 section 2.6.4.2
// requires): K = SHA-256(Z || counter32 || sharedInfo) for counter = 1, 2, ..., truncated.
#pragma once

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::crypto {

Result<Bytes> x963_kdf_sha256(ByteView shared_secret, ByteView shared_info, std::size_t length);

}  // namespace lpad::crypto
