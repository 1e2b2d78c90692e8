#include <gtest/gtest.h>

#include "crypto/ecka.h"
#include "crypto/keys.h"
#include "crypto_test_data.h"

namespace lpad::crypto {
namespace {

using test::hex;

const nlohmann::json& bsp_cases() {
  static const auto doc = test::read_json(test::shared_dir() / "vectors" / "bsp.json");
  return doc.at("cases");
}

TEST(Ecka, SharedSecretIsTheRecordedShsOnBothSgp22Curves) {
  for (int i : {0, 1}) {
    const auto& in = bsp_cases().at(i).at("inputs");
    SCOPED_TRACE(bsp_cases().at(i).at("id").get<std::string>());
    const Curve curve = i == 0 ? Curve::nist_p256 : Curve::brainpool_p256r1;
    auto own = private_key_from_scalar(curve, hex(in.at("otSK.EUICC.ECKA").get<std::string>()));
    auto peer = public_key_from_point(curve, hex(in.at("otPK.DP.ECKA").get<std::string>()));
    ASSERT_TRUE(own && peer);
    auto shs = ecka_shared_secret(*own, *peer);
    ASSERT_TRUE(shs) << shs.error().describe();
    EXPECT_EQ(to_hex(*shs), to_hex(hex(in.at("ShS").get<std::string>())));
  }
}

TEST(Ecka, BothSidesAgreeOnTheSharedSecret) {
  auto euicc = generate_ec_key(Curve::nist_p256);
  auto dp = generate_ec_key(Curve::nist_p256);
  ASSERT_TRUE(euicc && dp);
  auto a = ecka_shared_secret(*euicc, *public_key_of(*dp));
  auto b = ecka_shared_secret(*dp, *public_key_of(*euicc));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->size(), 32u);
  EXPECT_EQ(*a, *b);
}

TEST(Ecka, KeysOnDifferentCurvesDoNotAgree) {
  auto own = generate_ec_key(Curve::nist_p256);
  auto peer = generate_ec_key(Curve::brainpool_p256r1);
  ASSERT_TRUE(own && peer);
  EXPECT_FALSE(ecka_shared_secret(*own, *public_key_of(*peer)));
}

}  // namespace
}  // namespace lpad::crypto
