// Class bytes from ISO/IEC 7816-4 section 5.4.1, tables 2 and 3.
#include "apdu_backends/iso7816/class_byte.h"

#include <gtest/gtest.h>

#include <set>

namespace lpad::apdu::iso7816 {
namespace {

TEST(ClassByte, FirstInterindustryFormForChannelsZeroToThree) {
  EXPECT_EQ(class_byte(0x00, 0).value(), 0x00);
  EXPECT_EQ(class_byte(0x00, 1).value(), 0x01);
  EXPECT_EQ(class_byte(0x00, 3).value(), 0x03);
  // GlobalPlatform's proprietary class keeps b8.
  EXPECT_EQ(class_byte(0x80, 0).value(), 0x80);
  EXPECT_EQ(class_byte(0x80, 2).value(), 0x82);
}

TEST(ClassByte, FurtherInterindustryFormForChannelsFourToNineteen) {
  EXPECT_EQ(class_byte(0x00, 4).value(), 0x40);
  EXPECT_EQ(class_byte(0x00, 5).value(), 0x41);
  EXPECT_EQ(class_byte(0x00, 19).value(), 0x4F);
  EXPECT_EQ(class_byte(0x80, 4).value(), 0xC0);
  EXPECT_EQ(class_byte(0x80, 19).value(), 0xCF);
}

TEST(ClassByte, EveryChannelHasItsOwnClassByte) {
  for (std::uint8_t base : std::initializer_list<std::uint8_t>{0x00, 0x80}) {
    std::set<std::uint8_t> seen;
    for (int channel = 0; channel <= kMaxLogicalChannel; ++channel) seen.insert(class_byte(base, static_cast<std::uint8_t>(channel)).value());
    EXPECT_EQ(seen.size(), 20u);
  }
}

TEST(ClassByte, ChannelTwentyDoesNotExist) {
  auto cla = class_byte(0x00, 20);
  ASSERT_FALSE(cla);
  EXPECT_EQ(cla.error().code, Errc::invalid_argument);
}

}  // namespace
}  // namespace lpad::apdu::iso7816
