#include "tlv/decoder.h"

#include <gtest/gtest.h>

#include "support/shared_data.h"

namespace lpad::tlv {
namespace {

using test::hex;

Error decode_error(const Bytes& data, const DecodeOptions& options = {}) {
  auto r = decode(data, options);
  EXPECT_FALSE(r) << "decoded although it should not";
  return r ? Error{} : r.error();
}

TEST(Decoder, PrimitiveTlvExposesTagValueAndEncoding) {
  auto data = hex("5A 03 01 02 03");
  auto node = decode(data);
  ASSERT_TRUE(node);
  EXPECT_EQ(node->tag(), Tag{0x5A});
  EXPECT_EQ(to_hex(node->value()), "010203");
  EXPECT_EQ(node->encoded().size(), 5u);
  EXPECT_EQ(node->child_count(), 0u);
}

TEST(Decoder, ConstructedTlvIteratesChildrenInOrder) {
  auto data = hex("BF2D 08 80 01 AA 81 01 BB 82 00");
  auto node = decode(data);
  ASSERT_TRUE(node);
  std::vector<std::string> tags;
  for (const auto& child : node->children()) tags.push_back(child.tag().to_string());
  EXPECT_EQ(tags, (std::vector<std::string>{"80", "81", "82"}));
}

TEST(Decoder, ChildOffsetsAreRelativeToTheDecodedBuffer) {
  auto data = hex("30 06 04 01 AA 04 01 BB");
  auto node = decode(data);
  ASSERT_TRUE(node);
  auto it = node->children().begin();
  EXPECT_EQ((*it).offset(), 2u);
  ++it;
  EXPECT_EQ((*it).offset(), 5u);
}

TEST(Decoder, FindReturnsFirstChildWithTheTag) {
  auto data = hex("30 06 04 01 AA 04 01 BB");
  auto node = decode(data);
  ASSERT_TRUE(node);
  EXPECT_EQ(to_hex(node->find(Tag{0x04})->value()), "AA");
  EXPECT_FALSE(node->find(Tag{0x05}));
}

TEST(Decoder, RequireNamesTheMissingElement) {
  auto data = hex("BF3E 00");
  auto node = decode(data);
  ASSERT_TRUE(node);
  auto r = node->require(Tag{0x5A});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::tlv_missing_element);
  EXPECT_NE(r.error().message.find("5A"), std::string::npos);
}

TEST(Decoder, DecodeWithExpectedTagRejectsAnother) {
  auto data = hex("BF2D 00");
  auto r = decode(data, Tag{0xBF3E});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::tlv_unexpected_tag);
}

TEST(Decoder, ThreeByteTagAndFourByteLength) {
  Bytes data = hex("DF8120 84 00010000");
  ASSERT_FALSE(decode(data));  // 84 00 .. is not minimal
  data = hex("DF8120 83 010000");
  data.resize(data.size() + 0x10000, 0xAB);
  auto node = decode(data);
  ASSERT_TRUE(node);
  EXPECT_EQ(node->tag(), Tag{0xDF8120});
  EXPECT_EQ(node->value().size(), 0x10000u);
}

TEST(Decoder, LongFormLengthsOfOneAndTwoBytes) {
  Bytes data = hex("04 81 80");
  data.resize(3 + 0x80);
  ASSERT_TRUE(decode(data));
  data = hex("04 82 0100");
  data.resize(4 + 0x100);
  ASSERT_TRUE(decode(data));
}

TEST(Decoder, RejectsTruncatedValue) {
  auto e = decode_error(hex("5A 05 01 02"));
  EXPECT_EQ(e.code, Errc::tlv_truncated);
  EXPECT_EQ(e.offset, 0u);
}

TEST(Decoder, RejectsTruncatedNestedValueAtTheChildOffset) {
  auto e = decode_error(hex("30 04 04 05 00 00"));
  EXPECT_EQ(e.code, Errc::tlv_truncated);
  EXPECT_EQ(e.offset, 2u);
}

TEST(Decoder, RejectsMissingLength) { EXPECT_EQ(decode_error(hex("5A")).code, Errc::tlv_truncated); }

TEST(Decoder, RejectsTruncatedLengthField) { EXPECT_EQ(decode_error(hex("04 82 01")).code, Errc::tlv_truncated); }

TEST(Decoder, RejectsTruncatedMultiByteTag) { EXPECT_EQ(decode_error(hex("BF")).code, Errc::tlv_truncated); }

TEST(Decoder, RejectsEmptyInput) { EXPECT_EQ(decode_error({}).code, Errc::tlv_truncated); }

TEST(Decoder, RejectsLengthBeyondTheBuffer) {
  auto e = decode_error(hex("04 84 7FFFFFFF 00"));
  EXPECT_EQ(e.code, Errc::tlv_truncated);
}

TEST(Decoder, RejectsLengthFieldOfMoreThanFourBytes) {
  EXPECT_EQ(decode_error(hex("04 85 0000000001 00")).code, Errc::tlv_length_too_long);
}

TEST(Decoder, RejectsIndefiniteLength) {
  EXPECT_EQ(decode_error(hex("30 80 04 00 00 00")).code, Errc::tlv_indefinite_length);
}

TEST(Decoder, RejectsNonMinimalLongFormForShortLength) {
  EXPECT_EQ(decode_error(hex("04 81 01 AA")).code, Errc::tlv_non_minimal_length);
}

TEST(Decoder, RejectsLengthWithLeadingZeroByte) {
  Bytes data = hex("04 82 0080");
  data.resize(4 + 0x80);
  EXPECT_EQ(decode_error(data).code, Errc::tlv_non_minimal_length);
}

TEST(Decoder, LenientOptionAcceptsNonMinimalLengthFromOddCards) {
  DecodeOptions lenient;
  lenient.require_minimal_length = false;
  auto data = hex("04 81 01 AA");
  EXPECT_TRUE(decode(data, lenient));
}

TEST(Decoder, RejectsTagsLongerThanThreeBytes) {
  EXPECT_EQ(decode_error(hex("DF 81 81 01 00")).code, Errc::tlv_tag_too_long);
}

TEST(Decoder, RejectsMultiByteFormForSmallTagNumber) {
  EXPECT_EQ(decode_error(hex("9F 05 00")).code, Errc::tlv_non_minimal_tag);
}

TEST(Decoder, RejectsTagNumberWithLeadingZeroBits) {
  EXPECT_EQ(decode_error(hex("9F 80 70 00")).code, Errc::tlv_non_minimal_tag);
}

TEST(Decoder, RejectsEndOfContentsTag) { EXPECT_EQ(decode_error(hex("00 00")).code, Errc::tlv_unexpected_tag); }

TEST(Decoder, RejectsTrailingBytesAfterTheSingleTlv) {
  auto e = decode_error(hex("04 01 00 FF"));
  EXPECT_EQ(e.code, Errc::tlv_trailing_bytes);
  EXPECT_EQ(e.offset, 3u);
}

Bytes nested(std::size_t depth) {
  Bytes data;
  for (std::size_t i = 0; i < depth; ++i) data.insert(data.begin(), {0x30, static_cast<std::uint8_t>(2 * i)});
  return data;
}

TEST(Decoder, AcceptsNestingUpToTheLimit) {
  DecodeOptions options;
  options.max_depth = 8;
  auto data = nested(8);
  EXPECT_TRUE(decode(data, options));
}

TEST(Decoder, RejectsNestingBeyondTheLimit) {
  DecodeOptions options;
  options.max_depth = 8;
  EXPECT_EQ(decode_error(nested(9), options).code, Errc::tlv_too_deep);
}

TEST(Decoder, DecodePrefixLeavesTheRestToTheCaller) {
  auto data = hex("04 01 AA 90 00");
  auto node = decode_prefix(data);
  ASSERT_TRUE(node);
  EXPECT_EQ(node->encoded().size(), 3u);
}

TEST(Decoder, DecodeAllReadsAConcatenation) {
  auto data = hex("04 01 AA 04 01 BB");
  auto nodes = decode_all(data);
  ASSERT_TRUE(nodes);
  ASSERT_EQ(nodes->size(), 2u);
  EXPECT_EQ((*nodes)[1].offset(), 3u);
}

TEST(Decoder, DecodeAllReportsTheFailingElementsOffset) {
  auto data = hex("04 01 AA 04 05 BB");
  auto nodes = decode_all(data);
  ASSERT_FALSE(nodes);
  EXPECT_EQ(nodes.error().offset, 3u);
}

}  // namespace
}  // namespace lpad::tlv
