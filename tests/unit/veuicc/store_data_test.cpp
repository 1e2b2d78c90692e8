#include <gtest/gtest.h>

#include "card_fixture.h"
#include "veuicc/card/store_data_assembler.h"

namespace lpad::veuicc {
namespace {

Bytes block_apdu(std::uint8_t p1, std::uint8_t p2, ByteView data, bool le = false) {
  Bytes apdu{0x80, 0xE2, p1, p2, static_cast<std::uint8_t>(data.size())};
  apdu.insert(apdu.end(), data.begin(), data.end());
  if (le) apdu.push_back(0x00);
  return apdu;
}

TEST(StoreDataAssembler, ReassemblesInOrder) {
  StoreDataAssembler a(100);
  auto first = a.add_block(0x11, 0, test::hex("BF3E"));
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->has_value());
  EXPECT_TRUE(a.in_progress());
  auto last = a.add_block(0x91, 1, test::hex("035C015A"));
  ASSERT_TRUE(last);
  ASSERT_TRUE(last->has_value());
  EXPECT_EQ(to_hex(**last), "BF3E035C015A");
  EXPECT_FALSE(a.in_progress());
}

TEST(StoreDataAssembler, WrongOrderWrongP1AndOverflowAreRefused) {
  StoreDataAssembler a(8);
  EXPECT_EQ(a.add_block(0x11, 1, test::hex("BF")).error(), sw::incorrect_p1_p2);  // must start at 00
  ASSERT_TRUE(a.add_block(0x11, 0, test::hex("BF")));
  EXPECT_EQ(a.add_block(0x11, 2, test::hex("3E")).error(), sw::incorrect_p1_p2);  // skipped 01
  EXPECT_FALSE(a.in_progress());                                                 // chain abandoned
  EXPECT_EQ(a.add_block(0x01, 0, test::hex("BF")).error(), sw::incorrect_p1_p2);
  EXPECT_EQ(a.add_block(0x80, 0, test::hex("BF")).error(), sw::incorrect_p1_p2);
  ASSERT_TRUE(a.add_block(0x11, 0, test::hex("0102030405")));
  EXPECT_EQ(a.add_block(0x91, 1, test::hex("06070809")).error(), sw::not_enough_memory);
}

TEST_F(CardTest, ChainedStoreDataReachesTheApplicationWhole) {
  tx(kSelectIsdR + "00");
  EXPECT_EQ(tx("80E2110002BF3E"), "9000");
  EXPECT_EQ(tx("80E2110102035C"), "9000");
  EXPECT_EQ(tx("80E291020201" "5A" "00"), "BF3E125A1089049032123451234512345678901235" "9000");
  ASSERT_EQ(es10_.commands.size(), 1u);
  EXPECT_EQ(to_hex(es10_.commands[0]), "BF3E035C015A");
}

TEST_F(CardTest, ChainingOrderErrors) {
  tx(kSelectIsdR + "00");
  EXPECT_EQ(tx("80E2110102BF3E"), "6A86");  // first block numbered 01
  EXPECT_EQ(tx("80E2110002BF3E"), "9000");
  EXPECT_EQ(tx("80E2110002BF3E"), "6A86");  // block 00 again
  EXPECT_EQ(tx("80E2110002BF3E"), "9000");  // a new chain after the refusal
  EXPECT_EQ(tx("80E2910202035C"), "6A86");  // block 02 after 00
  EXPECT_EQ(tx("80E2010003BF3E00"), "6A86");  // P1 neither 11 nor 91
  EXPECT_EQ(tx("80E2910000"), "6700");        // empty block (case 2)
  EXPECT_TRUE(es10_.commands.empty());
  // Selecting the ISD-R again drops an unfinished chain.
  EXPECT_EQ(tx("80E2110002BF3E"), "9000");
  tx(kSelectIsdR + "00");
  EXPECT_EQ(tx("80E2910104035C015A"), "6A86");
}

TEST_F(CardTest, ChainsAreIndependentPerChannel) {
  tx(kSelectIsdR + "00");
  EXPECT_EQ(tx("0070000001"), "019000");
  tx("01A4040C10A0000005591010FFFFFFFF8900000100");
  EXPECT_EQ(tx("80E2110002BF3E"), "9000");
  EXPECT_EQ(tx("81E2110002BF22"), "9000");
  EXPECT_EQ(tx("81E291010100" "00"), "BF2200" "9000");
  EXPECT_EQ(tx("80E2910104035C015A00").substr(0, 4), "BF3E");
  EXPECT_EQ(es10_.channels, (std::vector<std::uint8_t>{1, 0}));
}

TEST_F(CardTest, CommandOver64KiBInShortBlocksWithBlockNumberWrap) {
  tx(kSelectIsdR + "00");
  Bytes command = test::hex("9F218301");
  std::size_t value_size = 0x10100;  // 65792 bytes of value
  command.push_back(static_cast<std::uint8_t>(value_size >> 8));
  command.push_back(static_cast<std::uint8_t>(value_size));
  for (std::size_t i = 0; i < value_size; ++i) command.push_back(static_cast<std::uint8_t>(i));

  std::size_t blocks = (command.size() + 254) / 255;
  ASSERT_GT(blocks, 256u);
  for (std::size_t b = 0; b < blocks; ++b) {
    auto piece = ByteView(command).subspan(b * 255, std::min<std::size_t>(255, command.size() - b * 255));
    bool last = b + 1 == blocks;
    auto r = tx_bytes(block_apdu(last ? 0x91 : 0x11, static_cast<std::uint8_t>(b), piece, last));
    if (!last) {
      ASSERT_EQ(r, "9000") << "block " << b;
    } else {
      EXPECT_EQ(sw_of(r), "6100");
    }
  }
  ASSERT_EQ(es10_.commands.size(), 1u);
  EXPECT_EQ(es10_.commands[0], command);
  // Fetch the echo back in 256-byte pieces.
  Bytes echoed;
  std::string last_sw = "6100";
  echoed.insert(echoed.end(), command.begin(), command.begin() + 256);
  while (last_sw != "9000") {
    auto r = card_->transmit(test::hex("00C0000000"));
    ASSERT_TRUE(r);
    last_sw = to_hex(ByteView(*r).last(2));
    ASSERT_TRUE(last_sw == "9000" || last_sw.starts_with("61")) << last_sw;
    echoed.insert(echoed.end(), r->begin(), r->end() - 2);
  }
  EXPECT_EQ(echoed, command);
}

TEST_F(CardTest, OversizedCommandIsNotEnoughMemory) {
  make_card({.max_es10_command_size = 300});
  tx(kSelectIsdR + "00");
  Bytes data(200, 0x01);
  EXPECT_EQ(tx_bytes(block_apdu(0x11, 0, data)), "9000");
  EXPECT_EQ(tx_bytes(block_apdu(0x91, 1, data)), "6A84");
}

}  // namespace
}  // namespace lpad::veuicc
