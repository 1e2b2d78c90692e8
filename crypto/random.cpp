#include "crypto/random.h"

#include <openssl/rand.h>

#include "crypto/openssl_handles.h"

namespace lpad::crypto {

Result<Bytes> random_bytes(std::size_t count) {
  Bytes out(count);
  if (count > 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "the random generator failed");
  return out;
}

}  // namespace lpad::crypto
