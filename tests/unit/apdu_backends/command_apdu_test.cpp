// Command APDU cases 1-4, short and extended, from ISO/IEC 7816-4 section 5.1 (table 1 and the
// encodings of Lc and Le in 5.1.1 and 5.1.2).
#include "apdu_backends/iso7816/command_apdu.h"

#include <gtest/gtest.h>

#include "support/shared_data.h"

namespace lpad::apdu::iso7816 {
namespace {

const CommandHeader kStoreData{0x80, 0xE2, 0x91, 0x00};

std::string hex_of(Result<Bytes> apdu) {
  if (!apdu) return "error: " + apdu.error().message;
  return to_hex(*apdu);
}

TEST(CommandApdu, ShortCases) {
  EXPECT_EQ(hex_of(command_apdu({0x00, 0x70, 0x80, 0x01}, {}, std::nullopt, false)), "00708001");          // case 1
  EXPECT_EQ(hex_of(command_apdu({0x00, 0x70, 0x00, 0x00}, {}, 1, false)), "0070000001");                  // case 2
  EXPECT_EQ(hex_of(command_apdu({0x00, 0xC0, 0x00, 0x00}, {}, 256, false)), "00C0000000");                // Le 256 = 00
  EXPECT_EQ(hex_of(command_apdu(kStoreData, lpad::test::hex("BF3E035C015A"), std::nullopt, false)),
            "80E2910006BF3E035C015A");                                                                    // case 3
  EXPECT_EQ(hex_of(command_apdu(kStoreData, lpad::test::hex("BF3E035C015A"), 256, false)),
            "80E2910006BF3E035C015A00");                                                                  // case 4
}

TEST(CommandApdu, TheLongestShortCommand) {
  Bytes data(255, 0xAB);
  auto apdu = command_apdu(kStoreData, data, 256, false);
  ASSERT_TRUE(apdu);
  EXPECT_EQ(apdu->size(), 4u + 1 + 255 + 1);
  EXPECT_EQ((*apdu)[4], 0xFF);
  EXPECT_EQ(apdu->back(), 0x00);
}

TEST(CommandApdu, ExtendedCasesHighByteFirst) {
  Bytes data(300, 0x11);
  auto case3 = command_apdu(kStoreData, data, std::nullopt, true);
  ASSERT_TRUE(case3);
  EXPECT_EQ(to_hex(ByteView(*case3).first(7)), "80E29100" "00012C");
  EXPECT_EQ(case3->size(), 7u + 300);

  auto case4 = command_apdu(kStoreData, data, 65536, true);
  ASSERT_TRUE(case4);
  EXPECT_EQ(case4->size(), 7u + 300 + 2);
  EXPECT_EQ(to_hex(ByteView(*case4).last(2)), "0000");  // Le 65536 = 00 00 after an extended Lc

  EXPECT_EQ(hex_of(command_apdu({0x00, 0xC0, 0x00, 0x00}, {}, 65536, true)), "00C00000000000");  // case 2E
  EXPECT_EQ(hex_of(command_apdu({0x00, 0xC0, 0x00, 0x00}, {}, 0x1234, true)), "00C00000001234");
}

TEST(CommandApdu, ALargeLeMakesLcExtendedToo) {
  // 5.1: if Le is extended, Lc is too, even for a short data field.
  EXPECT_EQ(hex_of(command_apdu(kStoreData, lpad::test::hex("0102"), 1000, true)), "80E29100" "000002" "0102" "03E8");
}

TEST(CommandApdu, ShortSufficesEvenWhenExtendedIsAllowed) {
  EXPECT_EQ(hex_of(command_apdu(kStoreData, lpad::test::hex("BF3E035C015A"), 256, true)), "80E2910006BF3E035C015A00");
}

TEST(CommandApdu, RefusesWhatTheTransportCannotCarry) {
  Bytes data(256, 0x00);
  EXPECT_EQ(command_apdu(kStoreData, data, std::nullopt, false).error().code, Errc::invalid_argument);
  EXPECT_EQ(command_apdu(kStoreData, {}, 257, false).error().code, Errc::invalid_argument);
  Bytes huge(65536, 0x00);
  EXPECT_EQ(command_apdu(kStoreData, huge, std::nullopt, true).error().code, Errc::invalid_argument);
  EXPECT_EQ(command_apdu(kStoreData, {}, 0, true).error().code, Errc::invalid_argument);
  EXPECT_EQ(command_apdu(kStoreData, {}, 65537, true).error().code, Errc::invalid_argument);
}

}  // namespace
}  // namespace lpad::apdu::iso7816
