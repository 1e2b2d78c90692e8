#include "crypto/kdf.h"

#include <array>

#include <openssl/core_names.h>
#include <openssl/kdf.h>

#include "crypto/openssl_handles.h"

namespace lpad::crypto {

Result<Bytes> x963_kdf_sha256(ByteView shared_secret, ByteView shared_info, std::size_t length) {
  if (shared_secret.empty() || length == 0)
    return fail(Errc::crypto_bad_input, "X9.63 KDF needs a shared secret and an output length");

  EvpKdf kdf(EVP_KDF_fetch(nullptr, "X963KDF", nullptr));
  if (!kdf) return openssl_failure(Errc::crypto_openssl_failure, "X9.63 KDF is not available");
  EvpKdfCtx ctx(EVP_KDF_CTX_new(kdf.get()));
  if (!ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a KDF context");

  // OSSL_PARAM wants non-const pointers; OpenSSL only reads these buffers.
  char digest[] = "SHA256";
  std::array<OSSL_PARAM, 4> params{
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<std::uint8_t*>(shared_secret.data()),
                                        shared_secret.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<std::uint8_t*>(shared_info.data()),
                                        shared_info.size()),
      OSSL_PARAM_construct_end()};
  Bytes out(length);
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params.data()) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "X9.63 KDF failed");
  return out;
}

}  // namespace lpad::crypto
