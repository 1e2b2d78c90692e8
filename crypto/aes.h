// AES-128 in CBC mode with no padding by OpenSSL: SGP.22 pads itself (crypto/padding.h), and a
// decryption must hand back the padding so the caller can check it.
#pragma once

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::crypto {

inline constexpr std::size_t kAesBlockSize = 16;
inline constexpr std::size_t kAes128KeySize = 16;

// `data` must be a whole number of blocks; key and IV are 16 bytes.
Result<Bytes> aes128_cbc_encrypt(ByteView key, ByteView iv, ByteView data);
Result<Bytes> aes128_cbc_decrypt(ByteView key, ByteView iv, ByteView data);

}  // namespace lpad::crypto
