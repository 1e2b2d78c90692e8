#include "veuicc/card/class_byte.h"

#include <gtest/gtest.h>

namespace lpad::veuicc {
namespace {

TEST(ClassByte, FirstInterindustryCarriesChannelsZeroToThree) {
  for (std::uint8_t ch = 0; ch < 4; ++ch) {
    auto cla = decode_class_byte(ch);
    ASSERT_TRUE(cla);
    EXPECT_EQ(cla->channel, ch);
    EXPECT_FALSE(cla->proprietary);
    EXPECT_FALSE(cla->secure_messaging);
    EXPECT_FALSE(cla->command_chaining);
  }
  EXPECT_TRUE(decode_class_byte(0x0C)->secure_messaging);
  EXPECT_TRUE(decode_class_byte(0x10)->command_chaining);
}

TEST(ClassByte, FurtherInterindustryCarriesChannelsFourToNineteen) {
  EXPECT_EQ(decode_class_byte(0x40)->channel, 4);
  EXPECT_EQ(decode_class_byte(0x4F)->channel, 19);
  EXPECT_EQ(decode_class_byte(0xC5)->channel, 9);
  EXPECT_TRUE(decode_class_byte(0xC5)->proprietary);
  EXPECT_TRUE(decode_class_byte(0x60)->secure_messaging);
  EXPECT_TRUE(decode_class_byte(0x50)->command_chaining);
}

TEST(ClassByte, GlobalPlatformClassIsProprietaryWithTheSameChannelBits) {
  auto cla = decode_class_byte(0x82);
  ASSERT_TRUE(cla);
  EXPECT_TRUE(cla->proprietary);
  EXPECT_EQ(cla->channel, 2);
}

TEST(ClassByte, UnknownClassesAreRejected) {
  for (int cla : {0x20, 0x3F, 0x90, 0xA0, 0xBF, 0xFF})
    EXPECT_FALSE(decode_class_byte(static_cast<std::uint8_t>(cla))) << cla;
}

TEST(ClassByte, EncodeRoundTripsEveryChannel) {
  for (std::uint8_t ch = 0; ch < kMaxLogicalChannels; ++ch) {
    for (bool proprietary : {false, true}) {
      auto cla = decode_class_byte(encode_class_byte(ch, proprietary));
      ASSERT_TRUE(cla);
      EXPECT_EQ(cla->channel, ch);
      EXPECT_EQ(cla->proprietary, proprietary);
    }
  }
  EXPECT_EQ(encode_class_byte(3, true), 0x83);
  EXPECT_EQ(encode_class_byte(4, false), 0x40);
  EXPECT_EQ(encode_class_byte(19, true), 0xCF);
  EXPECT_EQ(with_channel(0x80, 5), 0xC1);
  EXPECT_EQ(with_channel(0x41, 1), 0x01);
}

}  // namespace
}  // namespace lpad::veuicc
