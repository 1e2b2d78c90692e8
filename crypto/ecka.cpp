#include "crypto/ecka.h"

#include "crypto/openssl_handles.h"

namespace lpad::crypto {

Result<Bytes> ecka_shared_secret(const PrivateKey& own, const PublicKey& peer) {
  EvpPkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, own.get(), nullptr));
  if (!ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a key agreement context");
  std::size_t size = 0;
  if (EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &size) != 1)
    return openssl_failure(Errc::crypto_bad_key, "cannot agree a key with this peer key (different curves?)");
  Bytes secret(size);
  if (EVP_PKEY_derive(ctx.get(), secret.data(), &size) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "ECDH failed");
  secret.resize(size);
  return secret;
}

}  // namespace lpad::crypto
