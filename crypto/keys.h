// EC keys for SGP.22: long-term keys loaded from PEM (SK.EUICC.ECDSA, test SM-DP+ keys) and
// one-time ECKA key pairs (otSK/otPK.EUICC.ECKA), on NIST P-256 or brainpoolP256r1 (SGP.22
// section 2.6.5). Public keys travel as the uncompressed point 04 || X || Y (euiccOtpk and
// smdpOtpk, tag 5F49).
#pragma once

#include "core/bytes.h"
#include "core/error.h"
#include "crypto/openssl_handles.h"

namespace lpad::crypto {

enum class Curve { nist_p256, brainpool_p256r1 };

// A private key (with its public half). Move-only: the scalar is never duplicated.
class PrivateKey {
 public:
  explicit PrivateKey(EvpPkey key) : key_(std::move(key)) {}
  EVP_PKEY* get() const { return key_.get(); }

 private:
  EvpPkey key_;
};

// A public key; copies share the one immutable OpenSSL object.
class PublicKey {
 public:
  explicit PublicKey(EvpPkey key) : key_(std::move(key)) {}
  PublicKey(const PublicKey& other);
  PublicKey& operator=(const PublicKey& other);
  PublicKey(PublicKey&&) noexcept = default;
  PublicKey& operator=(PublicKey&&) noexcept = default;
  EVP_PKEY* get() const { return key_.get(); }

 private:
  EvpPkey key_;
};

// "-----BEGIN EC PRIVATE KEY-----" or PKCS#8 "-----BEGIN PRIVATE KEY-----"; other blocks (such as
// "EC PARAMETERS" in the SGP.26 files) are skipped.
Result<PrivateKey> load_private_key_pem(ByteView pem);

// A fresh key pair from the default random generator, e.g. otSK/otPK.EUICC.ECKA for PrepareDownload.
Result<PrivateKey> generate_ec_key(Curve curve);

// The key with this big-endian scalar (32 bytes), public half computed: for replaying recorded
// sessions and for keys a software eUICC keeps in its own store.
Result<PrivateKey> private_key_from_scalar(Curve curve, ByteView scalar);

// The private key's scalar, big-endian, padded to the field size (32 bytes).
Result<Bytes> private_scalar(const PrivateKey& key);

Result<PublicKey> public_key_of(const PrivateKey& key);

// 04 || X || Y, checked to be a point on `curve` (crypto.bad-key otherwise).
Result<PublicKey> public_key_from_point(Curve curve, ByteView uncompressed_point);
Result<Bytes> uncompressed_point(const PublicKey& key);

// The key's curve; crypto.bad-key for anything but the two SGP.22 curves.
Result<Curve> curve_of(const PublicKey& key);

}  // namespace lpad::crypto
