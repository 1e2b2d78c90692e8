#include <gtest/gtest.h>

#include "crypto/keys.h"
#include "crypto_test_data.h"

namespace lpad::crypto {
namespace {

using test::hex;

const nlohmann::json& bsp_case(int i) {
  static const auto doc = test::read_json(test::shared_dir() / "vectors" / "bsp.json");
  return doc.at("cases").at(i);
}

Bytes input(int c, const char* name) { return hex(bsp_case(c).at("inputs").at(name).get<std::string>()); }

TEST(Keys, LoadsTheSgp26EuiccKeyFromPemWithEcParametersBlock) {
  auto key = load_private_key_pem(test::read_file(test_data::sgp26("SK_EUICC_ECDSA_NIST.pem")));
  ASSERT_TRUE(key) << key.error().describe();
  auto pub = public_key_of(*key);
  ASSERT_TRUE(pub);
  EXPECT_EQ(*curve_of(*pub), Curve::nist_p256);
}

TEST(Keys, PemPrivateKeyMatchesItsCertificate) {
  auto key = test_data::private_key(test_data::sgp26("SK_EUICC_ECDSA_NIST.pem"));
  auto cert = test_data::certificate(test_data::sgp26("CERT_EUICC_ECDSA_NIST.der"));
  EXPECT_EQ(to_hex(*uncompressed_point(*public_key_of(key))), to_hex(*uncompressed_point(test_data::public_key(cert))));
}

TEST(Keys, GarbageIsNotAPrivateKey) {
  auto key = load_private_key_pem(as_bytes("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"));
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, Errc::crypto_bad_key);
}

TEST(Keys, ScalarGivesTheRecordedOneTimePublicKeyOnP256) {
  auto key = private_key_from_scalar(Curve::nist_p256, input(0, "otSK.EUICC.ECKA"));
  ASSERT_TRUE(key) << key.error().describe();
  EXPECT_EQ(to_hex(*uncompressed_point(*public_key_of(*key))), to_hex(input(0, "otPK.EUICC.ECKA")));
}

TEST(Keys, ScalarGivesTheRecordedOneTimePublicKeyOnBrainpool) {
  auto key = private_key_from_scalar(Curve::brainpool_p256r1, input(1, "otSK.DP.ECKA"));
  ASSERT_TRUE(key) << key.error().describe();
  EXPECT_EQ(to_hex(*uncompressed_point(*public_key_of(*key))), to_hex(input(1, "otPK.DP.ECKA")));
}

TEST(Keys, PrivateScalarReadsBackAsGiven) {
  auto key = private_key_from_scalar(Curve::nist_p256, input(0, "otSK.DP.ECKA"));
  ASSERT_TRUE(key);
  EXPECT_EQ(to_hex(*private_scalar(*key)), to_hex(input(0, "otSK.DP.ECKA")));
}

TEST(Keys, ZeroScalarIsRejected) {
  auto key = private_key_from_scalar(Curve::nist_p256, Bytes(32, 0));
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, Errc::crypto_bad_key);
}

TEST(Keys, GeneratedKeysAreOnTheRequestedCurveAndExportAs65BytePoints) {
  for (Curve curve : {Curve::nist_p256, Curve::brainpool_p256r1}) {
    auto key = generate_ec_key(curve);
    ASSERT_TRUE(key) << key.error().describe();
    auto pub = public_key_of(*key);
    ASSERT_TRUE(pub);
    EXPECT_EQ(*curve_of(*pub), curve);
    auto point = uncompressed_point(*pub);
    ASSERT_TRUE(point);
    EXPECT_EQ(point->size(), 65u);
    EXPECT_EQ((*point)[0], 0x04);
  }
}

TEST(Keys, UncompressedPointImportsAndExportsUnchanged) {
  auto pub = public_key_from_point(Curve::brainpool_p256r1, input(1, "otPK.EUICC.ECKA"));
  ASSERT_TRUE(pub) << pub.error().describe();
  EXPECT_EQ(to_hex(*uncompressed_point(*pub)), to_hex(input(1, "otPK.EUICC.ECKA")));
  EXPECT_EQ(*curve_of(*pub), Curve::brainpool_p256r1);
}

TEST(Keys, PointNotOnTheCurveIsRejected) {
  Bytes point = input(0, "otPK.EUICC.ECKA");
  point.back() ^= 0x01;
  auto pub = public_key_from_point(Curve::nist_p256, point);
  ASSERT_FALSE(pub);
  EXPECT_EQ(pub.error().code, Errc::crypto_bad_key);
}

TEST(Keys, P256PointIsNotABrainpoolPoint) {
  EXPECT_FALSE(public_key_from_point(Curve::brainpool_p256r1, input(0, "otPK.EUICC.ECKA")));
}

TEST(Keys, CompressedPointIsRejected) {
  Bytes point = input(0, "otPK.EUICC.ECKA");
  point.resize(33);
  point[0] = 0x02;
  auto pub = public_key_from_point(Curve::nist_p256, point);
  ASSERT_FALSE(pub);
  EXPECT_EQ(pub.error().code, Errc::crypto_bad_key);
}

}  // namespace
}  // namespace lpad::crypto
