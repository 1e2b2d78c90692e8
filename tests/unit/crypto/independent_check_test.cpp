// Our ECDSA, ECKA and X9.63 KDF against an independent implementation: python3-cryptography,
// driven through cross_check.py next to this file.
#include <gtest/gtest.h>

#include <string>

#include "crypto/ecdsa.h"
#include "crypto/ecka.h"
#include "crypto/kdf.h"
#include "crypto/keys.h"
#include "python_reference.h"
#include "support/shared_data.h"

namespace lpad::crypto {
namespace {

using test::hex;

using test_data::lower_hex;

std::string python(const std::string& arguments) { return test_data::python_reference(arguments); }

const char* name_of(Curve curve) { return curve == Curve::nist_p256 ? "p256" : "brainpool"; }

TEST(IndependentCheck, PythonCryptographyVerifiesOurSignatures) {
  const Bytes message = hex("BF3800 0102030405060708");
  for (Curve curve : {Curve::nist_p256, Curve::brainpool_p256r1}) {
    auto key = generate_ec_key(curve);
    ASSERT_TRUE(key);
    auto sig = ecdsa_sign(*key, message);
    ASSERT_TRUE(sig);
    const auto point = *uncompressed_point(*public_key_of(*key));
    EXPECT_EQ(python(std::string("verify ") + name_of(curve) + " " + lower_hex(point) + " " + lower_hex(message) + " " +
                     lower_hex(*sig)),
              "ok");
  }
}

TEST(IndependentCheck, WeVerifyPythonCryptographySignatures) {
  const Bytes message = hex("30518010B2D48628B6F8495CB5718144C095148C");
  const Bytes scalar = hex("436D6FEC6CFC73CF2AE036F63588783E47D985E7FF707119360A44CEF169865E");
  auto key = private_key_from_scalar(Curve::nist_p256, scalar);
  ASSERT_TRUE(key);
  const Bytes sig = hex(python("sign p256 " + lower_hex(scalar) + " " + lower_hex(message)));
  auto verdict = ecdsa_verify(*public_key_of(*key), message, sig);
  EXPECT_TRUE(verdict) << verdict.error().describe();
}

TEST(IndependentCheck, X963KdfMatchesPythonCryptographyForSeveralLengths) {
  const Bytes z = hex("CD4B1DE3379DDD2DF5D6BF16108E890846E483B41F6C8204D51C61132ED19F62");
  const Bytes info = hex("8810086D61686C7A6569741089049032123451234512345678901235");
  for (std::size_t length : {16u, 32u, 48u, 100u}) {
    auto ours = x963_kdf_sha256(z, info, length);
    ASSERT_TRUE(ours);
    EXPECT_EQ(lower_hex(*ours), python("x963 " + lower_hex(z) + " " + lower_hex(info) + " " + std::to_string(length)));
  }
}

TEST(IndependentCheck, EckaMatchesPythonCryptographyOnBothCurves) {
  for (Curve curve : {Curve::nist_p256, Curve::brainpool_p256r1}) {
    auto own = generate_ec_key(curve);
    auto peer = generate_ec_key(curve);
    ASSERT_TRUE(own && peer);
    auto ours = ecka_shared_secret(*own, *public_key_of(*peer));
    ASSERT_TRUE(ours);
    EXPECT_EQ(lower_hex(*ours), python(std::string("ecdh ") + name_of(curve) + " " + lower_hex(*private_scalar(*own)) +
                                       " " + lower_hex(*uncompressed_point(*public_key_of(*peer)))));
  }
}

}  // namespace
}  // namespace lpad::crypto
