// SHA-256 (FIPS 180-4): SGP.22 hashes with it for ECDSA, the X9.63 KDF and hashCc.
#pragma once

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::crypto {

inline constexpr std::size_t kSha256Size = 32;

Result<Bytes> sha256(ByteView data);

}  // namespace lpad::crypto
