#include "core/iccid.h"

#include <gtest/gtest.h>

namespace lpad {
namespace {

// The example of ../shared/vectors/es10-structures.json notes: printed 8949449999999990049F
// (19 digits) is carried as 98 94 44 99 99 99 99 09 40 F9.
TEST(Iccid, NineteenDigitsSwapNibblesAndPadWithF) {
  auto iccid = Iccid::from_digits("894944999999999004");
  ASSERT_FALSE(iccid);  // 18 digits
  auto nineteen = Iccid::from_digits("8949449999999990049");
  ASSERT_TRUE(nineteen);
  EXPECT_EQ(to_hex(nineteen->to_bcd()), "989444999999990940F9");
}

TEST(Iccid, TwentyDigitsNeedNoPadding) {
  auto iccid = Iccid::from_digits("89049032123451234512");
  ASSERT_TRUE(iccid);
  EXPECT_EQ(to_hex(iccid->to_bcd()), "98400923214315325421");
}

TEST(Iccid, BcdDecodesBackToThePrintedDigits) {
  auto iccid = Iccid::from_bcd(Bytes{0x98, 0x94, 0x44, 0x99, 0x99, 0x99, 0x99, 0x09, 0x40, 0xF9});
  ASSERT_TRUE(iccid);
  EXPECT_EQ(iccid->digits(), "8949449999999990049");
}

TEST(Iccid, RoundTripsBothLengths) {
  for (auto digits : {"8949449999999990049", "89010203040506070809"}) {
    auto iccid = Iccid::from_digits(digits);
    ASSERT_TRUE(iccid);
    EXPECT_EQ(Iccid::from_bcd(iccid->to_bcd())->digits(), digits);
  }
}

TEST(Iccid, RejectsPaddingAnywhereButTheLastNibble) {
  EXPECT_FALSE(Iccid::from_bcd(Bytes{0x98, 0xF4, 0x44, 0x99, 0x99, 0x99, 0x99, 0x09, 0x40, 0xF9}));
  EXPECT_FALSE(Iccid::from_bcd(Bytes{0x98, 0x94, 0x44, 0x99, 0x99, 0x99, 0x99, 0x09, 0x40, 0x9F}));
}

TEST(Iccid, RejectsWrongByteCount) { EXPECT_FALSE(Iccid::from_bcd(Bytes{0x98, 0x94})); }

TEST(Iccid, RejectsNonDigits) {
  auto r = Iccid::from_digits("894944999999999004A");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().offset, 18u);
}

}  // namespace
}  // namespace lpad
