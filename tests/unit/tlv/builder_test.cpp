#include "tlv/builder.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "support/shared_data.h"
#include "tlv/decoder.h"
#include "tlv/values.h"

namespace lpad::tlv {
namespace {

using test::hex;

std::string header_hex(Tag tag, std::size_t length) {
  Bytes out;
  append_header(out, tag, length);
  return to_hex(out);
}

TEST(Header, LengthUsesTheShortestForm) {
  EXPECT_EQ(header_hex(Tag{0x04}, 0x7F), "047F");
  EXPECT_EQ(header_hex(Tag{0x04}, 0x80), "048180");
  EXPECT_EQ(header_hex(Tag{0x04}, 0xFF), "0481FF");
  EXPECT_EQ(header_hex(Tag{0x04}, 0x100), "04820100");
  EXPECT_EQ(header_hex(Tag{0xBF36}, 0x10000), "BF3683010000");
  EXPECT_EQ(header_hex(Tag{0x04}, 0x1000000), "048401000000");
}

TEST(Element, NestedElementsGetTheirLengthsComputed) {
  auto e = Element::constructed(Tag{0xBF2D}, {
      Element::constructed(Tag{0xA0}, {
          octets(Tag{0x5A}, hex("989444999999990940F9")),
      }),
  });
  EXPECT_EQ(to_hex(e.encode()), "BF2D0EA00C5A0A989444999999990940F9");
  EXPECT_EQ(e.encoded_size(), 17u);
}

TEST(Element, AddingChildrenLaterUpdatesLengths) {
  auto e = Element::constructed(Tag{0x30});
  e.add(boolean(Tag{0x01}, true));
  e.add(std::optional<Element>{});  // an absent OPTIONAL adds nothing
  e.add(integer(Tag{0x02}, 128));
  EXPECT_EQ(to_hex(e.encode()), "30070101FF02020080");
}

TEST(Element, PreencodedIsInsertedVerbatim) {
  auto e = Element::constructed(Tag{0x30}, {Element::preencoded(hex("0401AA"))});
  EXPECT_EQ(to_hex(e.encode()), "30030401AA");
}

TEST(Element, LongValuesGetLongFormLengthsThatDecodeBack) {
  Bytes big(300, 0x5A);
  auto der = Element::constructed(Tag{0xBF36}, {octets(Tag{0x86}, big)}).encode();
  auto node = decode(der);
  ASSERT_TRUE(node);
  EXPECT_EQ(node->find(Tag{0x86})->value().size(), 300u);
}

TEST(Element, MismatchedConstructionIsAProgrammingError) {
  EXPECT_THROW(Element::primitive(Tag{0x30}, Bytes{}), std::logic_error);
  EXPECT_THROW(Element::constructed(Tag{0x04}), std::logic_error);
  auto primitive = octets(Tag{0x04}, Bytes{});
  EXPECT_THROW(primitive.add(octets(Tag{0x04}, Bytes{})), std::logic_error);
}

TEST(ValueEncoders, IntegersAreMinimalTwosComplement) {
  EXPECT_EQ(to_hex(integer(Tag{0x02}, 0).encode()), "020100");
  EXPECT_EQ(to_hex(integer(Tag{0x02}, 127).encode()), "02017F");
  EXPECT_EQ(to_hex(integer(Tag{0x02}, 128).encode()), "02020080");
  EXPECT_EQ(to_hex(integer(Tag{0x02}, -1).encode()), "0201FF");
  EXPECT_EQ(to_hex(integer(Tag{0x02}, -129).encode()), "0202FF7F");
}

TEST(ValueEncoders, NamedBitStringDropsTrailingZeroBits) {
  EXPECT_EQ(to_hex(bit_string(Tag{0x99}, BitString::named({1, 2})).encode()), "99020560");
  EXPECT_EQ(to_hex(bit_string(Tag{0x03}, BitString::named({})).encode()), "030100");
  EXPECT_EQ(to_hex(bit_string(Tag{0x03}, BitString::named({0, 8})).encode()), "0303078080");
}

TEST(ValueEncoders, Utf8AndBoolean) {
  EXPECT_EQ(to_hex(utf8(Tag{0x90}, "My").encode()), "90024D79");
  EXPECT_EQ(to_hex(boolean(Tag{0x01}, false).encode()), "010100");
}

TEST(RoundTrip, EveryValueTypeDecodesToWhatWasEncoded) {
  auto iccid_value = *Iccid::from_digits("8949449999999990049");
  auto der = Element::constructed(Tag{0x30}, {
      integer(Tag{0x80}, -300),
      boolean(Tag{0x81}, true),
      utf8(Tag{0x82}, "\u00e9t\u00e9"),
      bit_string(Tag{0x83}, BitString::named({0, 5})),
      iccid(Tag{0x5A}, iccid_value),
      octets(Tag{0x84}, hex("00FF")),
  }).encode();
  auto node = decode(der);
  ASSERT_TRUE(node);
  EXPECT_EQ(*read_integer(*node->find(Tag{0x80})), -300);
  EXPECT_TRUE(*read_boolean(*node->find(Tag{0x81})));
  EXPECT_EQ(*read_utf8(*node->find(Tag{0x82})), "\u00e9t\u00e9");
  EXPECT_EQ(*read_bit_string(*node->find(Tag{0x83})), BitString::named({0, 5}));
  EXPECT_EQ(*read_iccid(*node->find(Tag{0x5A})), iccid_value);
  EXPECT_EQ(to_hex(node->find(Tag{0x84})->value()), "00FF");
}

TEST(Values, OidEncodesAndReadsBack) {
  auto smdp = oid(Tag{0x06}, "2.999.10");
  ASSERT_TRUE(smdp);
  EXPECT_EQ(to_hex(smdp->encode()), "060388370A");  // the SGP.26 SM-DP+ OID as CERT.DPauth carries it
  auto policy = oid(Tag{0x06}, "2.23.146.1.2.1.4");
  ASSERT_TRUE(policy);
  EXPECT_EQ(*read_oid(*decode(policy->encode())), "2.23.146.1.2.1.4");
  EXPECT_FALSE(oid(Tag{0x06}, "2"));
  EXPECT_FALSE(oid(Tag{0x06}, "1.40"));
  EXPECT_FALSE(oid(Tag{0x06}, "2..1"));
}

TEST(Header, DecodeHeaderNeedsNoValue) {
  auto bytes = hex("BF36 82 3317");
  auto header = decode_header(bytes);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->tag, Tag{0xBF36});
  EXPECT_EQ(header->header_size, 5u);
  EXPECT_EQ(header->value_size, 0x3317u);
  EXPECT_FALSE(decode_header(hex("BF36")));
}

}  // namespace
}  // namespace lpad::tlv
