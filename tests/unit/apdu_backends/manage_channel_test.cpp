// Opening a channel with raw APDUs: MANAGE CHANNEL (ISO/IEC 7816-4 11.1.2), SELECT by AID
// (11.1.1) with its 61xx and 6Cxx answers, and what a refusing card gives.
#include "apdu_backends/iso7816/manage_channel.h"

#include <gtest/gtest.h>

#include "recording_transport.h"

namespace lpad::apdu::iso7816 {
namespace {

using apdu::test::RecordingTransport;
const Bytes kIsdR = lpad::test::hex("A0000005591010FFFFFFFF8900000100");
const std::string kSelectIsdR = "A4040010A0000005591010FFFFFFFF890000010000";

RawExchange through(RecordingTransport& transport) {
  return [&transport](ByteView command) { return transport.transmit(0, command); };
}

TEST(ManageChannel, OpensAndSelects) {
  RecordingTransport transport;
  transport.answer("019000");
  transport.answer("6F108410A0000005591010FFFFFFFF89000001009000");
  auto channel = open_channel_and_select(through(transport), kIsdR, "fake:recorder");
  ASSERT_TRUE(channel) << channel.error().describe();
  EXPECT_EQ(*channel, 1);
  EXPECT_EQ(transport.sent, (std::vector<std::string>{"0070000001", "01" + kSelectIsdR}));
}

TEST(ManageChannel, FetchesTheFciAfter61xx) {
  RecordingTransport transport;
  transport.answer("059000");
  transport.answer("6112");
  transport.answer("6F108410A0000005591010FFFFFFFF89000001009000");
  auto channel = open_channel_and_select(through(transport), kIsdR, "fake:recorder");
  ASSERT_TRUE(channel) << channel.error().describe();
  EXPECT_EQ(*channel, 5);
  EXPECT_EQ(transport.sent, (std::vector<std::string>{"0070000001", "41" + kSelectIsdR, "41C0000012"}));
}

TEST(ManageChannel, ResendsSelectAfter6Cxx) {
  RecordingTransport transport;
  transport.answer("029000");
  transport.answer("6C12");
  transport.answer("6F108410A0000005591010FFFFFFFF89000001009000");
  auto channel = open_channel_and_select(through(transport), kIsdR, "fake:recorder");
  ASSERT_TRUE(channel) << channel.error().describe();
  EXPECT_EQ(transport.sent.back(), "02A4040010A0000005591010FFFFFFFF890000010012");
}

TEST(ManageChannel, NoChannelFree) {
  RecordingTransport transport;
  transport.answer("6A81");
  auto channel = open_channel_and_select(through(transport), kIsdR, "fake:recorder");
  ASSERT_FALSE(channel);
  EXPECT_EQ(channel.error().code, Errc::apdu_no_channel);
  EXPECT_EQ(channel.error().status, StatusWord{0x6A81});
  EXPECT_NE(channel.error().message.find("fake:recorder: MANAGE CHANNEL"), std::string::npos) << channel.error().message;
  EXPECT_NE(channel.error().message.find("6A81 (function not supported)"), std::string::npos) << channel.error().message;
}

TEST(ManageChannel, AFailedSelectClosesTheChannelAgain) {
  RecordingTransport transport;
  transport.answer("039000");
  transport.answer("6A82");
  transport.answer("9000");
  auto channel = open_channel_and_select(through(transport), kIsdR, "fake:recorder");
  ASSERT_FALSE(channel);
  EXPECT_EQ(channel.error().code, Errc::apdu_no_channel);
  EXPECT_EQ(channel.error().status, StatusWord{0x6A82});
  EXPECT_NE(channel.error().message.find("SELECT (INS A4)"), std::string::npos);
  EXPECT_EQ(transport.sent.back(), "00708003");
}

TEST(ManageChannel, AChannelNumberOutOfRangeIsAProtocolError) {
  for (std::string answer : {"009000", "149000", "01029000", "9000"}) {
    RecordingTransport transport;
    transport.answer(answer);
    auto channel = open_channel_and_select(through(transport), kIsdR, "fake:recorder");
    ASSERT_FALSE(channel) << answer;
    EXPECT_EQ(channel.error().code, Errc::apdu_protocol_error) << answer;
  }
}

TEST(ManageChannel, AidLengthIsChecked) {
  RecordingTransport transport;
  EXPECT_EQ(open_channel_and_select(through(transport), {}, "fake").error().code, Errc::invalid_argument);
  Bytes long_aid(17, 0xA0);
  EXPECT_EQ(open_channel_and_select(through(transport), long_aid, "fake").error().code, Errc::invalid_argument);
  EXPECT_TRUE(transport.sent.empty());
}

TEST(ManageChannel, Close) {
  RecordingTransport transport;
  transport.answer("9000");
  transport.answer("6881");
  EXPECT_TRUE(close_channel(through(transport), 7, "fake"));
  auto refused = close_channel(through(transport), 7, "fake");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().status, StatusWord{0x6881});
  EXPECT_EQ(transport.sent, (std::vector<std::string>{"00708007", "00708007"}));
}

}  // namespace
}  // namespace lpad::apdu::iso7816
