// The fake modem's QMUX codec, offline: byte layouts written out from the QMUX format, and a
// cross-check in both directions with libqmi's own parser and builder.
#include <libqmi-glib.h>

#include <gtest/gtest.h>

#include <memory>

#include "qmux_codec.h"

namespace lpad::test::qmux {
namespace {

Bytes hex(std::string_view text) { return from_hex(text).value(); }

struct MessageUnref {
  void operator()(QmiMessage* m) const { qmi_message_unref(m); }
};
using MessagePtr = std::unique_ptr<QmiMessage, MessageUnref>;
struct ByteArrayUnref {
  void operator()(GByteArray* a) const { g_byte_array_unref(a); }
};

// libqmi's parse of `frame`, which must hold exactly one message.
MessagePtr parse_with_libqmi(ByteView frame) {
  std::unique_ptr<GByteArray, ByteArrayUnref> raw(g_byte_array_new());
  g_byte_array_append(raw.get(), frame.data(), static_cast<guint>(frame.size()));
  GError* error = nullptr;
  MessagePtr message(qmi_message_new_from_raw(raw.get(), &error));
  if (error) {
    ADD_FAILURE() << error->message;
    g_error_free(error);
  }
  EXPECT_EQ(raw->len, 0u) << "libqmi left bytes over";
  return message;
}

TEST(QmuxCodec, EncodesACtlRequest) {
  // CTL Allocate CID for UIM (service 0x0B), transaction 1, as libqmi sends it.
  Message allocate{.service = kServiceCtl, .client_id = 0, .from_modem = false, .kind = Kind::request,
                   .transaction_id = 1, .message_id = 0x0022, .tlvs = {{0x01, {0x0B}}}};
  EXPECT_EQ(encode(allocate), hex("01 0F00 00 00 00  00 01 2200 0400  01 0100 0B"));
}

TEST(QmuxCodec, EncodesAServiceResponseWithItsResultTlv) {
  Message request{.service = kServiceUim, .client_id = 3, .transaction_id = 0x0102, .message_id = 0x003B, .tlvs = {}};
  auto response = response_to(request, 0, {{0x10, u16_prefixed(hex("9000"))}});
  EXPECT_EQ(encode(response), hex("01 1A00 80 0B 03  02 0201 3B00 0E00  02 0400 0000 0000  10 0400 0200 9000"));

  auto failure = response_to(request, 48);
  EXPECT_EQ(encode(failure), hex("01 1300 80 0B 03  02 0201 3B00 0700  02 0400 0100 3000"));
}

TEST(QmuxCodec, DecodesWhatItEncodes) {
  Message m{.service = kServiceUim, .client_id = 7, .from_modem = true, .kind = Kind::indication,
            .transaction_id = 0, .message_id = 0x0032, .tlvs = {{0x10, hex("0102")}, {0x11, {}}}};
  auto frame = encode(m);
  auto decoded = decode(frame);
  ASSERT_TRUE(decoded && *decoded);
  EXPECT_EQ((*decoded)->message, m);
  EXPECT_EQ((*decoded)->size, frame.size());
}

TEST(QmuxCodec, WaitsForTheRestOfAFrameAndTakesOneFrameAtATime) {
  Message a{.service = kServiceCtl, .transaction_id = 1, .message_id = 0x0027, .tlvs = {}};
  Message b{.service = kServiceUim, .client_id = 1, .transaction_id = 2, .message_id = 0x0042, .tlvs = {}};
  Bytes stream = encode(a);
  auto second = encode(b);
  stream.insert(stream.end(), second.begin(), second.end());

  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{2}, encode(a).size() - 1}) {
    auto partial = decode(ByteView(stream).first(cut));
    ASSERT_TRUE(partial) << cut;
    EXPECT_FALSE(*partial) << cut;
  }
  auto first = decode(stream);
  ASSERT_TRUE(first && *first);
  EXPECT_EQ((*first)->message, a);
  auto next = decode(ByteView(stream).subspan((*first)->size));
  ASSERT_TRUE(next && *next);
  EXPECT_EQ((*next)->message, b);
}

TEST(QmuxCodec, RefusesWhatCannotBeQmux) {
  EXPECT_FALSE(decode(hex("02 0B00 00 00 00 00 01 2700 0000")));                // I/F type
  EXPECT_FALSE(decode(hex("01 0C00 00 00 00 00 01 2700 0100 00")));             // TLV length vs frame
  EXPECT_FALSE(decode(hex("01 0E00 00 00 00 00 01 2700 0300 01 0500 00")));     // TLV value truncated
  EXPECT_FALSE(decode(hex("01 0B00 40 00 00 00 01 2700 0000")));                // control flags
  EXPECT_FALSE(decode(hex("01 0300 00 00")));                                   // shorter than a header
}

TEST(QmuxCodec, LibqmiReadsOurFrames) {
  Message request{.service = kServiceUim, .client_id = 5, .transaction_id = 0x0203, .message_id = 0x003B,
                  .tlvs = {{0x01, {0x01}}, {0x02, u16_prefixed(hex("81E2910003BF3E00"))}, {0x10, {0x01}}}};
  auto parsed = parse_with_libqmi(encode(request));
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(qmi_message_is_request(parsed.get()));
  EXPECT_EQ(qmi_message_get_service(parsed.get()), QMI_SERVICE_UIM);
  EXPECT_EQ(qmi_message_get_client_id(parsed.get()), 5);
  EXPECT_EQ(qmi_message_get_transaction_id(parsed.get()), 0x0203);
  EXPECT_EQ(qmi_message_get_message_id(parsed.get()), 0x003B);
  guint16 length = 0;
  const guint8* apdu = qmi_message_get_raw_tlv(parsed.get(), 0x02, &length);
  ASSERT_NE(apdu, nullptr);
  EXPECT_EQ(Bytes(apdu, apdu + length), u16_prefixed(hex("81E2910003BF3E00")));

  auto ctl = parse_with_libqmi(encode(response_to(Message{.service = kServiceCtl, .transaction_id = 9, .message_id = 0x0022, .tlvs = {}}, 0,
                                                  {{0x01, {0x0B, 0x01}}})));
  ASSERT_TRUE(ctl);
  EXPECT_TRUE(qmi_message_is_response(ctl.get()));
  EXPECT_EQ(qmi_message_get_transaction_id(ctl.get()), 9);
}

TEST(QmuxCodec, ReadsLibqmiFrames) {
  MessagePtr built(qmi_message_new(QMI_SERVICE_UIM, 4, 0x0A0B, 0x0042));
  const guint8 aid[] = {0xA0, 0x00, 0x00, 0x05, 0x59};
  ASSERT_TRUE(qmi_message_add_raw_tlv(built.get(), 0x10, aid, sizeof aid, nullptr));
  gsize size = 0;
  const guint8* raw = qmi_message_get_raw(built.get(), &size, nullptr);
  ASSERT_NE(raw, nullptr);

  auto decoded = decode(ByteView(raw, size));
  ASSERT_TRUE(decoded && *decoded);
  const auto& m = (*decoded)->message;
  EXPECT_EQ(m.service, kServiceUim);
  EXPECT_EQ(m.client_id, 4);
  EXPECT_FALSE(m.from_modem);
  EXPECT_EQ(m.kind, Kind::request);
  EXPECT_EQ(m.transaction_id, 0x0A0B);
  EXPECT_EQ(m.message_id, 0x0042);
  ASSERT_EQ(m.tlvs.size(), 1u);
  EXPECT_EQ(m.tlvs[0], (Tlv{0x10, Bytes(aid, aid + sizeof aid)}));
}

}  // namespace
}  // namespace lpad::test::qmux
