#include "crypto/ecdsa.h"

#include <fmt/format.h>
#include <openssl/ecdsa.h>

#include "crypto/openssl_handles.h"

namespace lpad::crypto {
namespace {

std::size_t field_size_of(EVP_PKEY* key) { return static_cast<std::size_t>(EVP_PKEY_get_bits(key) + 7) / 8; }

}  // namespace

Result<Bytes> ecdsa_der_to_plain(ByteView der, std::size_t field_size) {
  const unsigned char* p = der.data();
  EcdsaSig sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (!sig || p != der.data() + der.size())
    return openssl_failure(Errc::crypto_bad_signature, "not a DER ECDSA-Sig-Value");
  const BIGNUM* r = ECDSA_SIG_get0_r(sig.get());
  const BIGNUM* s = ECDSA_SIG_get0_s(sig.get());
  Bytes plain(2 * field_size);
  if (BN_bn2binpad(r, plain.data(), static_cast<int>(field_size)) < 0 ||
      BN_bn2binpad(s, plain.data() + field_size, static_cast<int>(field_size)) < 0)
    return fail(Errc::crypto_bad_signature, fmt::format("r or s is longer than {} bytes", field_size));
  return plain;
}

Result<Bytes> ecdsa_plain_to_der(ByteView plain) {
  if (plain.empty() || plain.size() % 2 != 0 || plain.size() > 132)
    return fail(Errc::crypto_bad_signature, fmt::format("a plain ECDSA signature of {} bytes cannot be r || s", plain.size()));
  const int half = static_cast<int>(plain.size() / 2);
  Bignum r(BN_bin2bn(plain.data(), half, nullptr));
  Bignum s(BN_bin2bn(plain.data() + half, half, nullptr));
  EcdsaSig sig(ECDSA_SIG_new());
  if (!r || !s || !sig) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate an ECDSA signature");
  if (ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "cannot set r and s");
  // The signature owns r and s now.
  (void)r.release();
  (void)s.release();
  unsigned char* out = nullptr;
  const int size = i2d_ECDSA_SIG(sig.get(), &out);
  if (size <= 0) return openssl_failure(Errc::crypto_openssl_failure, "cannot encode the ECDSA signature");
  Bytes der(out, out + size);
  OPENSSL_free(out);
  return der;
}

Result<Bytes> ecdsa_sign(const PrivateKey& key, ByteView message) {
  EvpMdCtx ctx(EVP_MD_CTX_new());
  if (!ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a digest context");
  std::size_t size = 0;
  if (EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key.get(), nullptr) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &size, message.data(), message.size()) != 1)
    return openssl_failure(Errc::crypto_bad_key, "cannot start ECDSA signing with this key");
  Bytes der(size);
  if (EVP_DigestSign(ctx.get(), der.data(), &size, message.data(), message.size()) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "ECDSA signing failed");
  der.resize(size);
  return ecdsa_der_to_plain(der, field_size_of(key.get()));
}

Result<void> ecdsa_verify(const PublicKey& key, ByteView message, ByteView signature) {
  const std::size_t field_size = field_size_of(key.get());
  if (signature.size() != 2 * field_size)
    return fail(Errc::crypto_bad_signature,
                fmt::format("signature of {} bytes, r || s for this key is {}", signature.size(), 2 * field_size));
  auto der = ecdsa_plain_to_der(signature);
  if (!der) return unexpected<Error>(der.error());

  EvpMdCtx ctx(EVP_MD_CTX_new());
  if (!ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a digest context");
  if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, key.get(), nullptr) != 1)
    return openssl_failure(Errc::crypto_bad_key, "cannot start ECDSA verification with this key");
  const int verdict = EVP_DigestVerify(ctx.get(), der->data(), der->size(), message.data(), message.size());
  if (verdict == 1) return {};
  clear_openssl_errors();  // a wrong signature is an expected outcome, not an OpenSSL fault
  return fail(Errc::crypto_bad_signature, "the ECDSA signature does not verify");
}

}  // namespace lpad::crypto
