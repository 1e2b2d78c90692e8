#include <gtest/gtest.h>

#include "card_fixture.h"
#include "veuicc/card/aid.h"

namespace lpad::veuicc {
namespace {

const std::string kIsdRFci = "6F1884" "10A0000005591010FFFFFFFF8900000100" "A5049F6501FF";

TEST_F(CardTest, MuteUntilPoweredAndAtrAlwaysAvailable) {
  EuiccCard cold(es10_, {});
  EXPECT_FALSE(cold.powered());
  EXPECT_FALSE(cold.transmit(test::hex("00700000")));
  ASSERT_TRUE(cold.atr());
  EXPECT_EQ((*cold.atr())[0], 0x3B);
  cold.power_on();
  EXPECT_TRUE(cold.transmit(test::hex("0070000001")));
  cold.power_off();
  EXPECT_FALSE(cold.transmit(test::hex("0070000001")));
}

TEST_F(CardTest, ManageChannelOpensThreeThenRunsOut) {
  EXPECT_EQ(tx("0070000001"), "019000");
  EXPECT_EQ(tx("0070000001"), "029000");
  EXPECT_EQ(tx("0070000001"), "039000");
  EXPECT_EQ(tx("0070000001"), "6A81");
  EXPECT_EQ(tx("0070800200"), "9000");    // close channel 2
  EXPECT_EQ(tx("0070000001"), "029000");  // and it is free again
}

TEST_F(CardTest, ManageChannelErrors) {
  EXPECT_EQ(tx("0070800100"), "6881");    // close a channel that is not open
  EXPECT_EQ(tx("0070800000"), "6A86");    // the basic channel cannot be closed
  EXPECT_EQ(tx("0070400001"), "6A86");    // neither open nor close
  EXPECT_EQ(tx("0070000501"), "6881");    // channel 5 beyond this card's four
  EXPECT_EQ(tx("8070000001"), "6E00");    // proprietary class
  EXPECT_EQ(tx("00700002"), "9000");      // open channel 2 by number: no data
  EXPECT_EQ(tx("00700002"), "6A81");      // already open
  EXPECT_EQ(tx("02708000"), "9000");      // P2 00 closes the channel of the CLA
  EXPECT_EQ(tx("0270000001"), "6881");    // commands on a closed channel
}

TEST_F(CardTest, TwentyChannelsUseTheFurtherInterindustryClass) {
  make_card({.logical_channels = 20});
  for (int ch = 1; ch < 20; ++ch) EXPECT_EQ(tx("0070000001"), to_hex(Bytes{static_cast<std::uint8_t>(ch)}) + "9000");
  EXPECT_EQ(tx("0070000001"), "6A81");
  // Channel 19: CLA 4F for SELECT, CF for STORE DATA.
  EXPECT_EQ(sw_of(tx("4FA4040C10A0000005591010FFFFFFFF8900000100")), "9000");
  EXPECT_EQ(tx("CFE2910003BF3E00"), "6115");
  EXPECT_EQ(es10_.channels.back(), 19);
  EXPECT_EQ(tx("4FC0000000").substr(0, 4), "BF3E");
}

TEST_F(CardTest, SelectIsdRReturnsFci) {
  EXPECT_EQ(tx(kSelectIsdR + "00"), kIsdRFci + "9000");
  // Without Le the FCI waits for GET RESPONSE, as over T=0.
  EXPECT_EQ(tx(kSelectIsdR), "611A");
  EXPECT_EQ(tx("00C000001A"), kIsdRFci + "9000");
  // P2 0C: no response data.
  EXPECT_EQ(tx("00A4040C10A0000005591010FFFFFFFF8900000100"), "9000");
}

TEST_F(CardTest, SelectByPartialAidAndEcasd) {
  EXPECT_EQ(sw_of(tx("00A4040C0CA0000005591010FFFFFFFF89")), "9000");
  EXPECT_EQ(tx("00A4040010A0000005591010FFFFFFFF890000020000").substr(0, 40),
            "6F188410A0000005591010FFFFFFFF8900000200");
}

TEST_F(CardTest, SelectErrors) {
  EXPECT_EQ(tx("00A4040010A0000005591010FFFFFFFF8900000300"), "6A82");  // unknown AID
  EXPECT_EQ(tx("00A4040004A0000005"), "6A82");                          // too short for partial
  EXPECT_EQ(tx("00A40004023F00"), "6A82");                              // file system not modelled
  EXPECT_EQ(tx("00A4050010A0000005591010FFFFFFFF8900000100"), "6A86");
  EXPECT_EQ(tx("00A4041010A0000005591010FFFFFFFF8900000100"), "6A86");
  EXPECT_EQ(tx("00A4040210A0000005591010FFFFFFFF8900000100"), "6A82");  // next occurrence
  EXPECT_EQ(tx("80A4040010A0000005591010FFFFFFFF8900000100"), "6E00");
}

TEST_F(CardTest, SelectionIsPerChannel) {
  EXPECT_EQ(tx("0070000001"), "019000");
  EXPECT_EQ(sw_of(tx("01A4040C10A0000005591010FFFFFFFF8900000100")), "9000");
  EXPECT_EQ(tx("80E2910003BF3E00"), "6985");  // the basic channel has nothing selected
  EXPECT_EQ(tx("81E2910003BF3E00"), "6115");
  // A channel opened from channel 1 inherits its selection.
  EXPECT_EQ(tx("0170000001"), "029000");
  EXPECT_EQ(tx("82E2910003BF3E00"), "6115");
}

TEST_F(CardTest, GetEidThroughStoreData) {
  tx(kSelectIsdR + "00");
  std::string expected = "BF3E125A1089049032123451234512345678901235";
  EXPECT_EQ(tx("80E2910006BF3E035C015A00"), expected + "9000");
  ASSERT_EQ(es10_.commands.size(), 1u);
  EXPECT_EQ(to_hex(es10_.commands[0]), "BF3E035C015A");
  EXPECT_EQ(es10_.channels[0], 0);
}

TEST_F(CardTest, Es10StatusWordIsPassedOn) {
  tx(kSelectIsdR + "00");
  EXPECT_EQ(tx("80E29100020000"), "6A80");  // not a BER-TLV
}

TEST_F(CardTest, LongResponseComesInGetResponsePieces) {
  tx(kSelectIsdR + "00");
  // A 600-byte echo: BF21 82 0254 + 596 bytes.
  Bytes command = test::hex("9F21820253");
  command.resize(600, 0x5A);
  // Send it in three blocks of 200 bytes.
  for (int block = 0; block < 3; ++block) {
    Bytes apdu{0x80, 0xE2, static_cast<std::uint8_t>(block == 2 ? 0x91 : 0x11), static_cast<std::uint8_t>(block), 200};
    apdu.insert(apdu.end(), command.begin() + block * 200, command.begin() + (block + 1) * 200);
    if (block == 2) apdu.push_back(0x00);
    auto r = tx_bytes(apdu);
    if (block < 2) {
      EXPECT_EQ(r, "9000");
    } else {
      EXPECT_EQ(r.size(), 2 * (256 + 2));
      EXPECT_EQ(sw_of(r), "6100");  // 344 bytes remain: 256 or more
      EXPECT_EQ(r.substr(0, 10), "9F21820253");
    }
  }
  auto second = tx("00C0000000");
  EXPECT_EQ(second.size(), 2 * (256 + 2));
  EXPECT_EQ(sw_of(second), "6158");  // 88 left
  // Channel-0 GET RESPONSE in the GlobalPlatform class is accepted too.
  auto third = tx("80C0000058");
  EXPECT_EQ(third.size(), 2 * (88 + 2));
  EXPECT_EQ(sw_of(third), "9000");
  EXPECT_EQ(tx("00C0000000"), "6985");  // nothing left
}

TEST_F(CardTest, GetResponseErrorsAndForfeit) {
  EXPECT_EQ(tx("00C0000000"), "6985");
  tx(kSelectIsdR);  // 611A pending
  EXPECT_EQ(tx("00C0010000"), "6A86");
  tx("80AA000003A9018300");  // another command forfeits the pending response
  EXPECT_EQ(tx("00C0000000"), "6985");
}

TEST_F(CardTest, GetResponseOnLogicalChannel) {
  EXPECT_EQ(tx("0070000001"), "019000");
  EXPECT_EQ(tx("01A4040010A0000005591010FFFFFFFF8900000100"), "611A");
  EXPECT_EQ(tx("00C0000000"), "6985");  // the basic channel has nothing pending
  EXPECT_EQ(tx("01C0000000"), kIsdRFci + "9000");
}

TEST_F(CardTest, ExtendedLengthAnswersUpTo65536AtOnce) {
  make_card({.extended_length = true});
  tx(kSelectIsdR + "00");
  Bytes command = test::hex("9F2183010000");
  command.resize(6 + 0x10000, 0x33);  // 65542 bytes: more than one extended APDU can answer
  Bytes apdu = test::hex("80E2110000FFFF");
  apdu.insert(apdu.end(), command.begin(), command.begin() + 0xFFFF);
  EXPECT_EQ(tx_bytes(apdu), "9000");
  apdu = test::hex("80E2910100");
  std::size_t rest = command.size() - 0xFFFF;
  apdu.push_back(static_cast<std::uint8_t>(rest >> 8));
  apdu.push_back(static_cast<std::uint8_t>(rest));
  apdu.insert(apdu.end(), command.begin() + 0xFFFF, command.end());
  apdu.push_back(0x00);
  apdu.push_back(0x00);  // Le 0000: 65536
  auto r = card_->transmit(apdu);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 65536u + 2);
  EXPECT_EQ(to_hex(ByteView(*r).last(2)), "6106");
  r = card_->transmit(test::hex("00C00000000000"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 6u + 2);
  EXPECT_EQ(to_hex(ByteView(*r).last(2)), "9000");
  ASSERT_EQ(es10_.commands.size(), 1u);
  EXPECT_EQ(es10_.commands[0], command);
}

TEST_F(CardTest, ExtendedLengthRefusedWhenOff) {
  tx(kSelectIsdR + "00");
  EXPECT_EQ(tx("80E2910000000600BF3E035C015A"), "6700");
  EXPECT_EQ(tx("00C00000000000"), "6700");
}

TEST_F(CardTest, TerminalCapability) {
  EXPECT_EQ(tx("80AA000005A903830107"), "9000");
  EXPECT_EQ(tx("80AA000003A90183"), "6A80");   // truncated TLV
  EXPECT_EQ(tx("80AA000003A80100"), "6A80");   // not the A9 template
  EXPECT_EQ(tx("80AA010003A90100"), "6A86");
  EXPECT_EQ(tx("80AA0000"), "6700");
  EXPECT_EQ(tx("00AA000003A90100"), "6E00");
}

TEST_F(CardTest, ClassInstructionAndLengthErrors) {
  EXPECT_EQ(tx("00B0000000"), "6D00");  // READ BINARY: not supported
  EXPECT_EQ(tx("80CA005A00"), "6D00");
  EXPECT_EQ(tx("A0A40000023F00"), "6E00");  // GSM class
  EXPECT_EQ(tx("20700000"), "6E00");
  EXPECT_EQ(tx("0CA4040C10A0000005591010FFFFFFFF8900000100"), "6882");
  EXPECT_EQ(tx("10A4040C10A0000005591010FFFFFFFF8900000100"), "6884");
  EXPECT_EQ(tx("00A40400"), "6700");                  // SELECT by name without a name
  EXPECT_EQ(tx("00A4040C05A00000"), "6700");          // Lc says 5, 3 follow
  EXPECT_EQ(tx("00A4"), "6700");
  EXPECT_EQ(tx("00E2910003BF3E00"), "6E00");          // STORE DATA in the interindustry class
}

TEST_F(CardTest, ResetClosesChannelsAndEndsTheSession) {
  std::size_t resets = es10_.resets;
  EXPECT_EQ(tx("0070000001"), "019000");
  tx("01A4040010A0000005591010FFFFFFFF8900000100");
  card_->reset();
  EXPECT_EQ(es10_.resets, resets + 1);
  EXPECT_EQ(tx("01C0000000"), "6881");  // channel 1 closed by the reset
  EXPECT_EQ(tx("80E2910003BF3E00"), "6985");  // nothing selected any more
  EXPECT_EQ(tx("0070000001"), "019000");
  card_->power_off();
  EXPECT_EQ(es10_.resets, resets + 2);
}

}  // namespace
}  // namespace lpad::veuicc
