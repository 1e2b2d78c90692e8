// The UIM requests as bytes on the wire and the reading of responses, offline. Expected frames
// are written out by hand from the QMUX layout and the UIM message definitions (libqmi
// data/qmi-service-uim.json, Send APDU 0x003B, Logical Channel 0x003F, Open Logical Channel 0x0042).
#include <gtest/gtest.h>

#include <string>

#include "apdu_backends/qmi/uim_messages.h"

namespace lpad::apdu::qmi {
namespace {

Bytes hex(std::string_view text) { return from_hex(text).value(); }

Bytes raw(const QmiMessagePtr& message) {
  gsize size = 0;
  const guint8* data = qmi_message_get_raw(message.get(), &size, nullptr);
  return data ? Bytes(data, data + size) : Bytes{};
}

struct ByteArrayUnref {
  void operator()(GByteArray* a) const { g_byte_array_unref(a); }
};

QmiMessagePtr message_from(std::string_view frame_hex) {
  auto frame = hex(frame_hex);
  std::unique_ptr<GByteArray, ByteArrayUnref> buffer(g_byte_array_new());
  g_byte_array_append(buffer.get(), frame.data(), static_cast<guint>(frame.size()));
  QmiMessagePtr message(qmi_message_new_from_raw(buffer.get(), nullptr));
  EXPECT_TRUE(message) << frame_hex;
  return message;
}

const Bytes kIsdrAid = hex("A0000005591010FFFFFFFF8900000100");
constexpr RequestHeader kHeader{.client_id = 5, .transaction_id = 7};

TEST(UimRequests, OpenLogicalChannelCarriesSlotAndAid) {
  auto message = open_logical_channel_request(kHeader, 1, kIsdrAid);
  ASSERT_TRUE(message) << message.error().describe();
  EXPECT_EQ(to_hex(raw(*message)), to_hex(hex("01 2400 00 0B 05  00 0700 4200 1800"
                                              "  01 0100 01"
                                              "  10 1100 10 A0000005591010FFFFFFFF8900000100")));
}

TEST(UimRequests, SendApduCarriesSlotApduAndChannel) {
  auto message = send_apdu_request({5, 8}, 1, 2, hex("82E2910006BF3E035C015A"));
  ASSERT_TRUE(message) << message.error().describe();
  EXPECT_EQ(to_hex(raw(*message)), to_hex(hex("01 2400 00 0B 05  00 0800 3B00 1800"
                                              "  01 0100 01"
                                              "  02 0D00 0B00 82E2910006BF3E035C015A"
                                              "  10 0100 02")));
}

TEST(UimRequests, LogicalChannelClosesByChannelId) {
  auto message = close_logical_channel_request({5, 9}, 3, 2);
  ASSERT_TRUE(message) << message.error().describe();
  EXPECT_EQ(to_hex(raw(*message)), to_hex(hex("01 1400 00 0B 05  00 0900 3F00 0800  01 0100 03  11 0100 02")));
}

TEST(UimRequests, RefuseAidsAndApdusThatCannotBe) {
  EXPECT_EQ(open_logical_channel_request(kHeader, 1, {}).error().code, Errc::invalid_argument);
  EXPECT_EQ(open_logical_channel_request(kHeader, 1, Bytes(17, 0xA0)).error().code, Errc::invalid_argument);
  EXPECT_EQ(send_apdu_request(kHeader, 1, 1, hex("00A404")).error().code, Errc::invalid_argument);
}

TEST(UimResponses, OpenLogicalChannelGivesChannelStatusAndSelectResponse) {
  auto response = message_from("01 2300 80 0B 05  02 0700 4200 1700"
                               "  02 0400 0000 0000  10 0100 01  11 0200 9000  12 0400 03 AABBCC");
  auto opened = parse_open_logical_channel_response(response.get());
  ASSERT_TRUE(opened) << opened.error().describe();
  EXPECT_EQ(opened->channel, 1);
  ASSERT_TRUE(opened->status);
  EXPECT_EQ(opened->status->value, 0x9000);
  EXPECT_EQ(opened->select_response, hex("AABBCC"));
}

TEST(UimResponses, AnAidThatDoesNotSelectIsNoChannelWithTheCardsStatus) {
  auto response = message_from("01 1800 80 0B 05  02 0700 4200 0C00  02 0400 0100 5000  11 0200 6A82");
  auto opened = parse_open_logical_channel_response(response.get());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, Errc::apdu_no_channel);
  ASSERT_TRUE(opened.error().status);
  EXPECT_EQ(opened.error().status->value, 0x6A82);
  EXPECT_EQ(opened.error().message, "UIM Open Logical Channel (0x0042): QMI error SimFileNotFound (80)");
}

TEST(UimResponses, SendApduSplitsDataAndStatusWord) {
  auto response = message_from("01 1B00 80 0B 05  02 0800 3B00 0F00  02 0400 0000 0000  10 0500 0300 AB9000");
  auto apdu = parse_send_apdu_response(response.get());
  ASSERT_TRUE(apdu) << apdu.error().describe();
  EXPECT_EQ(apdu->data, hex("AB"));
  EXPECT_EQ(apdu->status.value, 0x9000);
}

TEST(UimResponses, QmiErrorsNameTheCommandAndTheError) {
  auto no_sim = message_from("01 1300 80 0B 05  02 0800 3B00 0700  02 0400 0100 6600");
  auto apdu = parse_send_apdu_response(no_sim.get());
  ASSERT_FALSE(apdu);
  EXPECT_EQ(apdu.error().code, Errc::apdu_card_removed);
  EXPECT_EQ(apdu.error().message, "UIM Send APDU (0x003B): QMI error NoSim (102)");

  auto invalid = message_from("01 1300 80 0B 05  02 0900 3F00 0700  02 0400 0100 3000");
  auto closed = parse_close_logical_channel_response(invalid.get());
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, Errc::apdu_transport_failure);
  EXPECT_EQ(closed.error().message, "UIM Logical Channel (0x003F): QMI error InvalidArgument (48)");

  auto ok = message_from("01 1300 80 0B 05  02 0900 3F00 0700  02 0400 0000 0000");
  EXPECT_TRUE(parse_close_logical_channel_response(ok.get()));
}

TEST(UimResponses, MalformedResponsesAreProtocolErrors) {
  // The APDU's own length (5) runs past its TLV (3 bytes left).
  auto truncated = message_from("01 1B00 80 0B 05  02 0800 3B00 0F00  02 0400 0000 0000  10 0500 0500 AB9000");
  EXPECT_EQ(parse_send_apdu_response(truncated.get()).error().code, Errc::apdu_protocol_error);
  // A response APDU without a status word.
  auto short_apdu = message_from("01 1900 80 0B 05  02 0800 3B00 0D00  02 0400 0000 0000  10 0300 0100 90");
  EXPECT_EQ(parse_send_apdu_response(short_apdu.get()).error().code, Errc::apdu_protocol_error);
  // No result TLV.
  auto no_result = message_from("01 1400 80 0B 05  02 0800 3B00 0800  10 0500 0300 AB9000");
  EXPECT_EQ(parse_send_apdu_response(no_result.get()).error().code, Errc::apdu_protocol_error);
  // The answer to another command.
  auto other = message_from("01 1300 80 0B 05  02 0900 3F00 0700  02 0400 0000 0000");
  EXPECT_EQ(parse_send_apdu_response(other.get()).error().code, Errc::apdu_protocol_error);
  // Success without the channel.
  auto no_channel = message_from("01 1300 80 0B 05  02 0700 4200 0700  02 0400 0000 0000");
  EXPECT_EQ(parse_open_logical_channel_response(no_channel.get()).error().code, Errc::apdu_protocol_error);
}

}  // namespace
}  // namespace lpad::apdu::qmi
