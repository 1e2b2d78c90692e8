#include "veuicc/card/command_apdu.h"

#include <gtest/gtest.h>

#include "support/shared_data.h"

namespace lpad::veuicc {
namespace {

using test::hex;

TEST(CommandApdu, Case1) {
  auto apdu = hex("00700000");
  auto cmd = parse_command_apdu(apdu, false);
  ASSERT_TRUE(cmd);
  EXPECT_EQ(cmd->ins, 0x70);
  EXPECT_TRUE(cmd->data.empty());
  EXPECT_FALSE(cmd->ne);
}

TEST(CommandApdu, Case2ShortLeZeroMeans256) {
  auto apdu = hex("00C0000000");
  auto cmd = parse_command_apdu(apdu, false);
  ASSERT_TRUE(cmd);
  EXPECT_EQ(cmd->ne, 256u);
}

TEST(CommandApdu, Case3And4Short) {
  auto c3 = hex("80E2910003BF3E00");
  auto cmd = parse_command_apdu(c3, false);
  ASSERT_TRUE(cmd);
  EXPECT_EQ(cmd->p1p2(), 0x9100);
  EXPECT_EQ(Bytes(cmd->data.begin(), cmd->data.end()), hex("BF3E00"));
  EXPECT_FALSE(cmd->ne);

  auto c4 = hex("80E2910003BF3E0010");
  cmd = parse_command_apdu(c4, false);
  ASSERT_TRUE(cmd);
  EXPECT_EQ(cmd->data.size(), 3u);
  EXPECT_EQ(cmd->ne, 16u);
}

TEST(CommandApdu, ShortLengthMismatchIsWrongLength) {
  for (auto text : {"00A40400", "00A4040005A000", "00A4040002A0000000", "00A404"}) {
    auto apdu = hex(text);
    if (apdu.size() == 4) continue;
    auto cmd = parse_command_apdu(apdu, true);
    ASSERT_FALSE(cmd) << text;
    EXPECT_EQ(cmd.error(), sw::wrong_length) << text;
  }
  auto three = hex("00A404");
  EXPECT_EQ(parse_command_apdu(three, false).error(), sw::wrong_length);
}

TEST(CommandApdu, ExtendedFormsWhenEnabled) {
  auto c2 = hex("00C00000000000");
  auto cmd = parse_command_apdu(c2, true);
  ASSERT_TRUE(cmd);
  EXPECT_TRUE(cmd->extended);
  EXPECT_EQ(cmd->ne, 65536u);

  Bytes c3 = hex("80E29100000104");
  c3.resize(c3.size() + 0x104, 0xAB);
  cmd = parse_command_apdu(c3, true);
  ASSERT_TRUE(cmd);
  EXPECT_EQ(cmd->data.size(), 0x104u);
  EXPECT_FALSE(cmd->ne);

  Bytes c4 = c3;
  c4.push_back(0x01);
  c4.push_back(0x00);
  cmd = parse_command_apdu(c4, true);
  ASSERT_TRUE(cmd);
  EXPECT_EQ(cmd->data.size(), 0x104u);
  EXPECT_EQ(cmd->ne, 256u);
}

TEST(CommandApdu, ExtendedFormsAreWrongLengthWhenDisabled) {
  auto c2 = hex("00C00000000000");
  EXPECT_EQ(parse_command_apdu(c2, false).error(), sw::wrong_length);
  auto c3 = hex("80E2910000000101");
  EXPECT_EQ(parse_command_apdu(c3, false).error(), sw::wrong_length);
}

TEST(CommandApdu, ExtendedMalformed) {
  for (auto text : {"80E291000000", "80E2910000000000", "80E29100000002AA", "80E29100000001AA00"}) {
    auto apdu = hex(text);
    auto cmd = parse_command_apdu(apdu, true);
    ASSERT_FALSE(cmd) << text;
    EXPECT_EQ(cmd.error(), sw::wrong_length) << text;
  }
}

}  // namespace
}  // namespace lpad::veuicc
