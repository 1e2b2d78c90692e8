#include "core/bytes.h"

#include <gtest/gtest.h>

namespace lpad {
namespace {

TEST(Hex, EncodesUpperCaseWithoutSeparators) {
  EXPECT_EQ(to_hex(Bytes{0xBF, 0x2D, 0x00, 0x0a}), "BF2D000A");
}

TEST(Hex, DecodesEitherCaseAndSpacesBetweenBytes) {
  EXPECT_EQ(*from_hex("bf2D 00 0a"), (Bytes{0xBF, 0x2D, 0x00, 0x0A}));
}

TEST(Hex, RejectsNonHexDigitWithItsOffset) {
  auto r = from_hex("0G");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::invalid_argument);
  EXPECT_EQ(r.error().offset, 1u);
}

TEST(Hex, RejectsOddDigitCount) { EXPECT_FALSE(from_hex("ABC")); }

}  // namespace
}  // namespace lpad
