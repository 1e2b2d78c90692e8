// Building DER without length arithmetic: describe the tree, encode() works out every length.
//   auto der = Element::constructed(Tag{0xBF2D}, {
//                  Element::constructed(Tag{0xA0}, {profile1, profile2})}).encode();
// Sizes are kept as children are added, so encoding is one pass into a buffer of the exact size.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/bytes.h"
#include "core/error.h"
#include "core/iccid.h"
#include "tlv/bit_string.h"
#include "tlv/tag.h"

namespace lpad::tlv {

class Element {
 public:
  static Element primitive(Tag tag, Bytes value);
  static Element primitive(Tag tag, ByteView value) { return primitive(tag, Bytes(value.begin(), value.end())); }
  static Element constructed(Tag tag, std::vector<Element> children = {});
  // A complete TLV encoded elsewhere (a certificate, a signed structure), inserted byte for byte.
  static Element preencoded(Bytes der);

  // Adds a child to a constructed element; an empty optional adds nothing (OPTIONAL fields).
  Element& add(Element child);
  Element& add(std::optional<Element> child);

  std::size_t encoded_size() const;
  Bytes encode() const;
  void append_to(Bytes& out) const;

 private:
  enum class Kind : std::uint8_t { primitive, constructed, preencoded };
  Element(Kind kind, std::optional<Tag> tag) : kind_(kind), tag_(tag) {}

  Kind kind_;
  std::optional<Tag> tag_;   // absent for preencoded
  Bytes bytes_;              // value (primitive) or whole TLV (preencoded)
  std::vector<Element> children_;
  std::size_t content_size_ = 0;
};

// Appends a tag and a DER length (shortest form, up to four length bytes).
void append_header(Bytes& out, Tag tag, std::size_t length);
std::size_t header_size(Tag tag, std::size_t length);

// ASN.1 values, DER-encoded.
Element integer(Tag tag, std::int64_t value);
Element boolean(Tag tag, bool value);
Element octets(Tag tag, ByteView value);
Element utf8(Tag tag, std::string_view value);
Element bit_string(Tag tag, const BitString& value);
Element iccid(Tag tag, const Iccid& value);
// OBJECT IDENTIFIER from its dotted form ("2.999.10"); tlv.bad-value when it is not one.
Result<Element> oid(Tag tag, std::string_view dotted);

}  // namespace lpad::tlv
