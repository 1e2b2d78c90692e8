#include "veuicc/transport/vpcd_protocol.h"

#include <gtest/gtest.h>

#include "support/shared_data.h"

namespace lpad::veuicc::vpcd {
namespace {

TEST(VpcdProtocol, FramesWithBigEndianLength) {
  EXPECT_EQ(to_hex(*frame(test::hex("04"))), "000104");
  Bytes big(0x1234, 0xAA);
  auto framed = frame(big);
  ASSERT_TRUE(framed);
  EXPECT_EQ((*framed)[0], 0x12);
  EXPECT_EQ((*framed)[1], 0x34);
  EXPECT_FALSE(frame(Bytes(0x10000)));
}

TEST(VpcdProtocol, DecoderSplitsAndJoinsMessages) {
  FrameDecoder d;
  d.feed(test::hex("0001"));
  EXPECT_FALSE(d.next());
  d.feed(test::hex("01" "0005" "00A4"));
  EXPECT_EQ(to_hex(*d.next()), "01");
  EXPECT_FALSE(d.next());
  d.feed(test::hex("040C" "0000"));
  EXPECT_EQ(to_hex(*d.next()), "00A4040C00");
  EXPECT_FALSE(d.next());  // one byte of the next length
  d.feed(test::hex("00"));
  EXPECT_EQ(to_hex(*d.next()), "");  // an empty message
}

}  // namespace
}  // namespace lpad::veuicc::vpcd
