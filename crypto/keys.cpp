#include "crypto/keys.h"

#include <array>
#include <string>

#include <fmt/format.h>
#include <openssl/core_names.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>

namespace lpad::crypto {
namespace {

constexpr std::size_t kFieldSize = 32;  // both SGP.22 curves are 256-bit
constexpr std::size_t kUncompressedPointSize = 1 + 2 * kFieldSize;

const char* group_name(Curve curve) {
  return curve == Curve::nist_p256 ? SN_X9_62_prime256v1 : SN_brainpoolP256r1;
}

int curve_nid(Curve curve) { return curve == Curve::nist_p256 ? NID_X9_62_prime256v1 : NID_brainpoolP256r1; }

Result<EvpPkey> key_from_params(Curve curve, const OSSL_PARAM* params, int selection) {
  EvpPkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate an EC key context");
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata_init(ctx.get()) != 1 || EVP_PKEY_fromdata(ctx.get(), &raw, selection, const_cast<OSSL_PARAM*>(params)) != 1)
    return openssl_failure(Errc::crypto_bad_key, fmt::format("not a valid {} key", group_name(curve)));
  return EvpPkey(raw);
}

}  // namespace

PublicKey::PublicKey(const PublicKey& other) {
  if (other.key_ && EVP_PKEY_up_ref(other.key_.get()) == 1) key_.reset(other.key_.get());
}

PublicKey& PublicKey::operator=(const PublicKey& other) {
  if (this != &other) *this = PublicKey(other);
  return *this;
}

Result<PrivateKey> load_private_key_pem(ByteView pem) {
  if (pem.size() > static_cast<std::size_t>(INT32_MAX)) return fail(Errc::crypto_bad_key, "PEM too long");
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate a memory BIO");
  // No passphrase callback: an encrypted key fails here instead of prompting on the terminal.
  pem_password_cb* no_passphrase = [](char*, int, int, void*) { return 0; };
  EvpPkey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr));
  if (!key) return openssl_failure(Errc::crypto_bad_key, "cannot read a private key from the PEM");
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_EC) return fail(Errc::crypto_bad_key, "the private key is not an EC key");
  return PrivateKey(std::move(key));
}

Result<PrivateKey> generate_ec_key(Curve curve) {
  EvpPkey key(EVP_EC_gen(group_name(curve)));
  if (!key) return openssl_failure(Errc::crypto_openssl_failure, fmt::format("cannot generate a {} key", group_name(curve)));
  return PrivateKey(std::move(key));
}

Result<PrivateKey> private_key_from_scalar(Curve curve, ByteView scalar) {
  if (scalar.size() != kFieldSize)
    return fail(Errc::crypto_bad_key, fmt::format("an EC private scalar must be 32 bytes, got {}", scalar.size()));
  EcGroup group(EC_GROUP_new_by_curve_name(curve_nid(curve)));
  Bignum d(BN_bin2bn(scalar.data(), static_cast<int>(scalar.size()), nullptr));
  BnCtx bn_ctx(BN_CTX_new());
  if (!group || !d || !bn_ctx) return openssl_failure(Errc::crypto_openssl_failure, "cannot allocate EC values");
  if (BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group.get())) >= 0)
    return fail(Errc::crypto_bad_key, "the EC private scalar is not in [1, n-1]");

  EcPoint q(EC_POINT_new(group.get()));
  Bytes point(kUncompressedPointSize);
  if (!q || EC_POINT_mul(group.get(), q.get(), d.get(), nullptr, nullptr, bn_ctx.get()) != 1 ||
      EC_POINT_point2oct(group.get(), q.get(), POINT_CONVERSION_UNCOMPRESSED, point.data(), point.size(), bn_ctx.get()) !=
          point.size())
    return openssl_failure(Errc::crypto_openssl_failure, "cannot compute the public point");

  OsslParamBld builder(OSSL_PARAM_BLD_new());
  if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group_name(curve), 0) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1)
    return openssl_failure(Errc::crypto_openssl_failure, "cannot build EC key parameters");
  OsslParams params(OSSL_PARAM_BLD_to_param(builder.get()));
  if (!params) return openssl_failure(Errc::crypto_openssl_failure, "cannot build EC key parameters");
  auto key = key_from_params(curve, params.get(), EVP_PKEY_KEYPAIR);
  if (!key) return unexpected<Error>(key.error());
  return PrivateKey(std::move(*key));
}

Result<Bytes> private_scalar(const PrivateKey& key) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &raw) != 1)
    return openssl_failure(Errc::crypto_bad_key, "the key has no private scalar");
  Bignum d(raw);
  Bytes out(kFieldSize);
  if (BN_bn2binpad(d.get(), out.data(), static_cast<int>(out.size())) < 0)
    return fail(Errc::crypto_bad_key, "the private scalar is longer than 32 bytes");
  return out;
}

Result<PublicKey> public_key_of(const PrivateKey& key) {
  // Copy only the public half, so the result can be handed out without the scalar.
  OSSL_PARAM* raw = nullptr;
  if (EVP_PKEY_todata(key.get(), EVP_PKEY_PUBLIC_KEY, &raw) != 1)
    return openssl_failure(Errc::crypto_bad_key, "cannot read the public half of the key");
  OsslParams params(raw);
  EvpPkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  EVP_PKEY* pub = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &pub, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
    return openssl_failure(Errc::crypto_bad_key, "cannot make a public key");
  return PublicKey(EvpPkey(pub));
}

Result<PublicKey> public_key_from_point(Curve curve, ByteView point) {
  if (point.size() != kUncompressedPointSize || point[0] != 0x04)
    return fail(Errc::crypto_bad_key,
                fmt::format("an ECKA public key must be the 65-byte uncompressed point 04||X||Y, got {} bytes", point.size()));
  std::string name = group_name(curve);
  std::array<OSSL_PARAM, 3> params{
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, name.data(), 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, const_cast<std::uint8_t*>(point.data()), point.size()),
      OSSL_PARAM_construct_end()};
  // fromdata decodes the point with EC_POINT_oct2point, which rejects points off the curve.
  auto key = key_from_params(curve, params.data(), EVP_PKEY_PUBLIC_KEY);
  if (!key) return unexpected<Error>(key.error());
  return PublicKey(std::move(*key));
}

Result<Bytes> uncompressed_point(const PublicKey& key) {
  Bytes point(kUncompressedPointSize);
  std::size_t size = 0;
  if (EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point.data(), point.size(), &size) != 1)
    return openssl_failure(Errc::crypto_bad_key, "cannot encode the public key");
  if (size != kUncompressedPointSize || point[0] != 0x04)
    return fail(Errc::crypto_bad_key, "the public key is not an uncompressed 256-bit point");
  return point;
}

Result<Curve> curve_of(const PublicKey& key) {
  std::array<char, 64> name{};
  if (EVP_PKEY_get_utf8_string_param(key.get(), OSSL_PKEY_PARAM_GROUP_NAME, name.data(), name.size(), nullptr) != 1)
    return openssl_failure(Errc::crypto_bad_key, "the key has no named EC curve");
  const std::string_view n = name.data();
  if (n == SN_X9_62_prime256v1) return Curve::nist_p256;
  if (n == SN_brainpoolP256r1) return Curve::brainpool_p256r1;
  return fail(Errc::crypto_bad_key, fmt::format("curve {} is not one SGP.22 uses", n));
}

}  // namespace lpad::crypto
