#include "crypto/sha256.h"

#include <openssl/evp.h>

#include "crypto/openssl_handles.h"

namespace lpad::crypto {

Result<Bytes> sha256(ByteView data) {
  Bytes digest(kSha256Size);
  std::size_t size = 0;
  if (EVP_Q_digest(nullptr, "SHA256", nullptr, data.data(), data.size(), digest.data(), &size) != 1 ||
      size != kSha256Size)
    return openssl_failure(Errc::crypto_openssl_failure, "SHA-256 failed");
  return digest;
}

}  // namespace lpad::crypto
