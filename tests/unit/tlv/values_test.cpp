#include "tlv/values.h"

#include <gtest/gtest.h>

#include "support/shared_data.h"

namespace lpad::tlv {
namespace {

using test::hex;

// Decodes one TLV and keeps its buffer alive for the node.
struct Decoded {
  Bytes data;
  Node node;
  explicit Decoded(std::string_view hex_text) : data(hex(hex_text)), node(*decode(data)) {}
};

TEST(ReadInteger, PositiveNegativeAndZero) {
  EXPECT_EQ(*read_integer(Decoded("02 01 00").node), 0);
  EXPECT_EQ(*read_integer(Decoded("02 01 7F").node), 127);
  EXPECT_EQ(*read_integer(Decoded("02 02 0080").node), 128);
  EXPECT_EQ(*read_integer(Decoded("02 01 FF").node), -1);
  EXPECT_EQ(*read_integer(Decoded("02 02 FF7F").node), -129);
}

TEST(ReadInteger, RejectsRedundantLeadingBytes) {
  auto r = read_integer(Decoded("02 02 0001").node);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::tlv_bad_value);
  EXPECT_FALSE(read_integer(Decoded("02 02 FF80").node));
}

TEST(ReadInteger, RejectsEmptyAndOversized) {
  EXPECT_FALSE(read_integer(Decoded("02 00").node));
  EXPECT_FALSE(read_integer(Decoded("02 09 010000000000000000").node));
}

TEST(ReadUnsigned, RejectsNegativeAndAcceptsFullSixtyFourBits) {
  EXPECT_FALSE(read_unsigned(Decoded("80 01 FF").node));
  EXPECT_EQ(*read_unsigned(Decoded("80 09 00FFFFFFFFFFFFFFFF").node), ~std::uint64_t{0});
}

TEST(ReadBoolean, DerAllowsOnly00AndFF) {
  EXPECT_TRUE(*read_boolean(Decoded("01 01 FF").node));
  EXPECT_FALSE(*read_boolean(Decoded("01 01 00").node));
  EXPECT_FALSE(read_boolean(Decoded("01 01 01").node));
  EXPECT_FALSE(read_boolean(Decoded("01 02 FFFF").node));
}

TEST(ReadUtf8, ReturnsTheText) { EXPECT_EQ(*read_utf8(Decoded("90 03 C3A96F").node), "\u00e9o"); }

TEST(ReadUtf8, RejectsMalformedUtf8) {
  EXPECT_FALSE(read_utf8(Decoded("90 01 C3").node));      // cut sequence
  EXPECT_FALSE(read_utf8(Decoded("90 02 C0AF").node));    // overlong '/'
  EXPECT_FALSE(read_utf8(Decoded("90 03 EDA080").node));  // surrogate
}

TEST(ReadBitString, NamedBitsFromMostSignificantBit) {
  // PprIds with ppr1 (bit 1) and ppr2 (bit 2): 03 02 05 60
  auto bits = read_bit_string(Decoded("99 02 05 60").node);
  ASSERT_TRUE(bits);
  EXPECT_FALSE(bits->test(0));
  EXPECT_TRUE(bits->test(1));
  EXPECT_TRUE(bits->test(2));
  EXPECT_EQ(bits->bit_length(), 3u);
}

TEST(ReadBitString, RejectsNonZeroUnusedBitsAndBadCount) {
  EXPECT_FALSE(read_bit_string(Decoded("03 02 05 61").node));
  EXPECT_FALSE(read_bit_string(Decoded("03 02 08 00").node));
  EXPECT_FALSE(read_bit_string(Decoded("03 00").node));
}

TEST(ReadOid, DottedForm) {
  EXPECT_EQ(*read_oid(Decoded("06 06 2A864886F70D").node), "1.2.840.113549");
  EXPECT_EQ(*read_oid(Decoded("06 03 883703").node), "2.999.3");
}

TEST(ReadOid, RejectsArcCutOff) { EXPECT_FALSE(read_oid(Decoded("06 02 2A86").node)); }

TEST(ReadIccid, SwappedBcdWithPadding) {
  EXPECT_EQ(read_iccid(Decoded("5A 0A 989444999999990940F9").node)->digits(), "8949449999999990049");
}

TEST(ReadIccid, BadBcdIsABadValueAtTheNodesOffset) {
  auto r = read_iccid(Decoded("5A 0A 9894449999999909A0F9").node);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::tlv_bad_value);
  EXPECT_EQ(r.error().offset, 0u);
}

}  // namespace
}  // namespace lpad::tlv
