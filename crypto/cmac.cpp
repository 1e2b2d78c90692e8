#include "crypto/cmac.h"

#include <array>

#include <fmt/format.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include "crypto/aes.h"
#include "crypto/openssl_handles.h"

namespace lpad::crypto {

Result<Bytes> aes128_cmac(ByteView key, ByteView data) {
  if (key.size() != kAes128KeySize)
    return fail(Errc::crypto_bad_input, fmt::format("AES-CMAC needs a 16-byte key, got {}", key.size()));

  EvpMac mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
  if (!mac) return openssl_failure(Errc::crypto_openssl_failure, "CMAC is not available");
  EvpMacCtx ctx(EVP_MAC_CTX_new(mac.get()));
  if (!ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a CMAC context");

  char cipher_name[] = "AES-128-CBC";
  std::array<OSSL_PARAM, 2> params{
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher_name, 0), OSSL_PARAM_construct_end()};
  Bytes tag(kCmacSize);
  std::size_t size = 0;
  if (EVP_MAC_init(ctx.get(), key.data(), key.size(), params.data()) != 1 ||
      EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_MAC_final(ctx.get(), tag.data(), &size, tag.size()) != 1 || size != kCmacSize)
    return openssl_failure(Errc::crypto_openssl_failure, "AES-CMAC failed");
  return tag;
}

}  // namespace lpad::crypto
