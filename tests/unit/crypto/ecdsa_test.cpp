#include <gtest/gtest.h>

#include "crypto/ecdsa.h"
#include "crypto/keys.h"
#include "crypto_test_data.h"

namespace lpad::crypto {
namespace {

using test::hex;

TEST(Ecdsa, SignatureIsPlainRConcatSOf64Bytes) {
  auto key = generate_ec_key(Curve::nist_p256);
  ASSERT_TRUE(key);
  auto sig = ecdsa_sign(*key, as_bytes("euiccSigned1"));
  ASSERT_TRUE(sig) << sig.error().describe();
  EXPECT_EQ(sig->size(), kEcdsaP256SignatureSize);
}

TEST(Ecdsa, OwnSignatureVerifiesOnBothCurves) {
  for (Curve curve : {Curve::nist_p256, Curve::brainpool_p256r1}) {
    auto key = generate_ec_key(curve);
    ASSERT_TRUE(key);
    auto sig = ecdsa_sign(*key, as_bytes("message"));
    ASSERT_TRUE(sig);
    auto verdict = ecdsa_verify(*public_key_of(*key), as_bytes("message"), *sig);
    EXPECT_TRUE(verdict) << verdict.error().describe();
  }
}

TEST(Ecdsa, SignatureOverAnotherMessageIsABadSignature) {
  auto key = generate_ec_key(Curve::nist_p256);
  ASSERT_TRUE(key);
  auto sig = ecdsa_sign(*key, as_bytes("message"));
  ASSERT_TRUE(sig);
  auto verdict = ecdsa_verify(*public_key_of(*key), as_bytes("messagE"), *sig);
  ASSERT_FALSE(verdict);
  EXPECT_EQ(verdict.error().code, Errc::crypto_bad_signature);
}

TEST(Ecdsa, DerSignatureIsNotAcceptedWhereRConcatSIsExpected) {
  auto key = generate_ec_key(Curve::nist_p256);
  ASSERT_TRUE(key);
  auto sig = ecdsa_sign(*key, as_bytes("message"));
  auto der = ecdsa_plain_to_der(*sig);
  ASSERT_TRUE(der);
  auto verdict = ecdsa_verify(*public_key_of(*key), as_bytes("message"), *der);
  ASSERT_FALSE(verdict);
  EXPECT_EQ(verdict.error().code, Errc::crypto_bad_signature);
}

TEST(Ecdsa, PlainAndDerConvertBothWaysWithLeadingZerosKept) {
  // r with a high bit (DER adds 00), s with a leading zero byte (DER drops it, plain keeps it).
  const Bytes plain = hex("80" + std::string(62, '1') + "00" + std::string(62, '2'));
  auto der = ecdsa_plain_to_der(plain);
  ASSERT_TRUE(der);
  EXPECT_EQ(to_hex(ByteView(*der).first(5)), "3044022100");
  auto back = ecdsa_der_to_plain(*der, 32);
  ASSERT_TRUE(back);
  EXPECT_EQ(to_hex(*back), to_hex(plain));
}

TEST(Ecdsa, DerWithTrailingBytesIsRejected) {
  auto der = ecdsa_plain_to_der(Bytes(64, 0x11));
  ASSERT_TRUE(der);
  der->push_back(0x00);
  EXPECT_FALSE(ecdsa_der_to_plain(*der, 32));
}

}  // namespace
}  // namespace lpad::crypto
