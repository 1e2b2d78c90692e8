// AES-CMAC (NIST SP 800-38B, RFC 4493) with a 128-bit key: the full 16-byte tag. BSP keeps all of
// it as the next MAC chaining value and transmits the first 8 bytes.
#pragma once

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::crypto {

inline constexpr std::size_t kCmacSize = 16;

Result<Bytes> aes128_cmac(ByteView key, ByteView data);

}  // namespace lpad::crypto
