#include "crypto/aes.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include "crypto/openssl_handles.h"

namespace lpad::crypto {
namespace {

Result<Bytes> aes128_cbc(ByteView key, ByteView iv, ByteView data, bool encrypt) {
  if (key.size() != kAes128KeySize || iv.size() != kAesBlockSize)
    return fail(Errc::crypto_bad_input,
                fmt::format("AES-128-CBC needs a 16-byte key and IV, got {} and {}", key.size(), iv.size()));
  if (data.size() % kAesBlockSize != 0)
    return fail(Errc::crypto_bad_input,
                fmt::format("AES-CBC data of {} bytes is not a whole number of blocks", data.size()));
  if (data.size() > static_cast<std::size_t>(INT32_MAX))
    return fail(Errc::crypto_bad_input, "AES-CBC data too long");

  EvpCipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a cipher context");
  if (EVP_CipherInit_ex2(ctx.get(), EVP_aes_128_cbc(), key.data(), iv.data(), encrypt ? 1 : 0, nullptr) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "cannot start AES-128-CBC");

  Bytes out(data.size() + kAesBlockSize);
  int written = 0;
  int final_written = 0;
  if (EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(), static_cast<int>(data.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), out.data() + written, &final_written) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "AES-128-CBC failed");
  out.resize(static_cast<std::size_t>(written + final_written));
  return out;
}

}  // namespace

Result<Bytes> aes128_cbc_encrypt(ByteView key, ByteView iv, ByteView data) {
  return aes128_cbc(key, iv, data, true);
}

Result<Bytes> aes128_cbc_decrypt(ByteView key, ByteView iv, ByteView data) {
  return aes128_cbc(key, iv, data, false);
}

}  // namespace lpad::crypto
