// ApduChannel over a recording fake: 61xx chains fetched with GET RESPONSE (ETSI TS 102 221
// 7.3.1.1.5), 6Cxx answered by resending with the right Le, class bytes on channels 0-19, and
// the counters.
#include "apdu_backends/iso7816/apdu_channel.h"

#include <gtest/gtest.h>

#include "recording_transport.h"

namespace lpad::apdu::iso7816 {
namespace {

using apdu::test::RecordingTransport;
const Bytes kGetEid = lpad::test::hex("BF3E035C015A");

TEST(ApduChannel, ASimpleExchange) {
  RecordingTransport transport;
  transport.answer("BF3E125A10890490321234512345123456789012359000");
  ApduChannel channel(transport, 1);
  auto response = channel.exchange(0x80, 0xE2, 0x91, 0x00, kGetEid, 256);
  ASSERT_TRUE(response) << response.error().describe();
  EXPECT_EQ(to_hex(response->data), "BF3E125A1089049032123451234512345678901235");
  EXPECT_EQ(response->status, StatusWord{0x9000});
  EXPECT_EQ(transport.sent, (std::vector<std::string>{"81E2910006BF3E035C015A00"}));
  EXPECT_EQ(transport.channels, (std::vector<std::uint8_t>{1}));
  EXPECT_EQ(channel.counters().apdus, 1u);
  EXPECT_EQ(channel.counters().bytes_sent, 12u);
  EXPECT_EQ(channel.counters().bytes_received, 23u);
}

TEST(ApduChannel, FollowsA61xxChainToTheEnd) {
  RecordingTransport transport;
  transport.answer("6103");
  transport.answer("AABBCC6102");
  transport.answer("DDEE9000");
  ApduChannel channel(transport, 2);
  auto response = channel.exchange(0x80, 0xE2, 0x91, 0x00, kGetEid, std::nullopt);
  ASSERT_TRUE(response) << response.error().describe();
  EXPECT_EQ(to_hex(response->data), "AABBCCDDEE");
  EXPECT_EQ(response->status, StatusWord{0x9000});
  // GET RESPONSE is interindustry (CLA 0x), on the same channel, Le as announced.
  EXPECT_EQ(transport.sent, (std::vector<std::string>{"82E2910006BF3E035C015A", "02C0000003", "02C0000002"}));
  EXPECT_EQ(channel.counters().apdus, 3u);
  EXPECT_EQ(channel.counters().bytes_sent, 11u + 5 + 5);
  EXPECT_EQ(channel.counters().bytes_received, 2u + 5 + 4);
}

TEST(ApduChannel, SixtyOneZeroZeroAsksFor256Bytes) {
  RecordingTransport transport;
  transport.answer("6100");
  transport.answer("0102039000");
  ApduChannel channel(transport, 0);
  auto response = channel.exchange(0x00, 0xCA, 0x00, 0x5A, {}, 256);
  ASSERT_TRUE(response);
  EXPECT_EQ(transport.sent.back(), "00C0000000");
}

TEST(ApduChannel, ResendsWithTheLeThe6CxxNames) {
  RecordingTransport transport;
  transport.answer("6C05");
  transport.answer("01020304059000");
  ApduChannel channel(transport, 1);
  auto response = channel.exchange(0x00, 0xCA, 0x00, 0x5A, {}, 256);
  ASSERT_TRUE(response);
  EXPECT_EQ(to_hex(response->data), "0102030405");
  EXPECT_EQ(transport.sent, (std::vector<std::string>{"01CA005A00", "01CA005A05"}));
  EXPECT_EQ(channel.counters().apdus, 2u);
}

TEST(ApduChannel, A6CxxResendThatAnnounces61xxIsFollowedToo) {
  RecordingTransport transport;
  transport.answer("6C02");
  transport.answer("AABB6101");
  transport.answer("CC9000");
  ApduChannel channel(transport, 1);
  auto response = channel.exchange(0x00, 0xCA, 0x00, 0x5A, {}, 256);
  ASSERT_TRUE(response);
  EXPECT_EQ(to_hex(response->data), "AABBCC");
  EXPECT_EQ(transport.sent, (std::vector<std::string>{"01CA005A00", "01CA005A02", "01C0000001"}));
}

TEST(ApduChannel, ChannelsFourToNineteenUseTheFurtherClassByte) {
  for (std::uint8_t number : std::initializer_list<std::uint8_t>{4, 5, 19}) {
    RecordingTransport transport;
    transport.answer("6101");
    transport.answer("AA9000");
    ApduChannel channel(transport, number);
    ASSERT_TRUE(channel.exchange(0x80, 0xE2, 0x91, 0x00, kGetEid, 256));
    auto cla = static_cast<std::uint8_t>(number - 4);
    EXPECT_EQ(transport.sent[0].substr(0, 2), to_hex(Bytes{static_cast<std::uint8_t>(0xC0 | cla)}));
    EXPECT_EQ(transport.sent[1].substr(0, 2), to_hex(Bytes{static_cast<std::uint8_t>(0x40 | cla)}));
    EXPECT_EQ(transport.channels, (std::vector<std::uint8_t>{number, number}));
  }
}

TEST(ApduChannel, ErrorStatusWordsAreReturnedNotRetried) {
  RecordingTransport transport;
  transport.answer("6A88");
  ApduChannel channel(transport, 1);
  auto response = channel.exchange(0x80, 0xE2, 0x91, 0x00, kGetEid, 256);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, StatusWord{0x6A88});
  EXPECT_EQ(transport.sent.size(), 1u);
}

TEST(ApduChannel, ATransportFailureMidChainStopsTheExchange) {
  RecordingTransport transport;
  transport.answer("AA6110");
  transport.fail_next(Errc::apdu_card_removed);
  ApduChannel channel(transport, 1);
  auto response = channel.exchange(0x80, 0xE2, 0x91, 0x00, kGetEid, 256);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, Errc::apdu_card_removed);
  EXPECT_EQ(channel.counters().apdus, 2u);
}

TEST(ApduChannel, ACardThatAlwaysHasMoreIsStopped) {
  RecordingTransport transport;
  for (int i = 0; i < 400; ++i) transport.answer("AA6101");
  ApduChannel channel(transport, 1);
  auto response = channel.exchange(0x80, 0xE2, 0x91, 0x00, kGetEid, 256);
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, Errc::apdu_protocol_error);
  EXPECT_NE(response.error().message.find("fake:recorder"), std::string::npos);
  EXPECT_LT(transport.sent.size(), 400u);
}

TEST(ApduChannel, ExtendedOnlyWhenTheTransportCarriesIt) {
  RecordingTransport transport;
  Bytes data(300, 0x42);
  ApduChannel channel(transport, 1);
  auto refused = channel.exchange(0x80, 0xE2, 0x91, 0x00, data, 256);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::invalid_argument);
  EXPECT_TRUE(transport.sent.empty());

  transport.capabilities_.extended_length = true;
  transport.answer("9000");
  ASSERT_TRUE(channel.exchange(0x80, 0xE2, 0x91, 0x00, data, 256));
  EXPECT_EQ(transport.sent[0].substr(0, 14), "81E29100000" "12C");
}

TEST(ApduChannel, CountersReset) {
  RecordingTransport transport;
  transport.answer("9000");
  ApduChannel channel(transport, 1);
  ASSERT_TRUE(channel.exchange(0x80, 0xE2, 0x91, 0x00, kGetEid, std::nullopt));
  channel.reset_counters();
  EXPECT_EQ(channel.counters().apdus, 0u);
  EXPECT_EQ(channel.counters().bytes_sent, 0u);
}

}  // namespace
}  // namespace lpad::apdu::iso7816
