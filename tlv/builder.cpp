#include "tlv/builder.h"

#include <stdexcept>

namespace lpad::tlv {

namespace {
std::size_t length_size(std::size_t length) {
  if (length < 0x80) return 1;
  std::size_t n = 0;
  for (auto l = length; l != 0; l >>= 8) ++n;
  if (n > 4) throw std::length_error("TLV value longer than four length bytes can express");
  return 1 + n;
}
}  // namespace

std::size_t header_size(Tag tag, std::size_t length) { return tag.size() + length_size(length); }

void append_header(Bytes& out, Tag tag, std::size_t length) {
  for (std::size_t i = tag.size(); i-- > 0;) out.push_back(static_cast<std::uint8_t>(tag.wire() >> (8 * i)));
  std::size_t n = length_size(length);
  if (n == 1) {
    out.push_back(static_cast<std::uint8_t>(length));
    return;
  }
  out.push_back(static_cast<std::uint8_t>(0x80 | (n - 1)));
  for (std::size_t i = n - 1; i-- > 0;) out.push_back(static_cast<std::uint8_t>(length >> (8 * i)));
}

Element Element::primitive(Tag tag, Bytes value) {
  if (tag.constructed()) throw std::logic_error("primitive element with a constructed tag " + tag.to_string());
  Element e(Kind::primitive, tag);
  e.content_size_ = value.size();
  e.bytes_ = std::move(value);
  return e;
}

Element Element::constructed(Tag tag, std::vector<Element> children) {
  if (!tag.constructed()) throw std::logic_error("constructed element with a primitive tag " + tag.to_string());
  Element e(Kind::constructed, tag);
  for (auto& child : children) e.add(std::move(child));
  return e;
}

Element Element::preencoded(Bytes der) {
  Element e(Kind::preencoded, std::nullopt);
  e.content_size_ = der.size();
  e.bytes_ = std::move(der);
  return e;
}

Element& Element::add(Element child) {
  if (kind_ != Kind::constructed) throw std::logic_error("only constructed elements have children");
  content_size_ += child.encoded_size();
  children_.push_back(std::move(child));
  return *this;
}

Element& Element::add(std::optional<Element> child) {
  if (child) add(std::move(*child));
  return *this;
}

std::size_t Element::encoded_size() const {
  if (kind_ == Kind::preencoded) return content_size_;
  return header_size(*tag_, content_size_) + content_size_;
}

Bytes Element::encode() const {
  Bytes out;
  out.reserve(encoded_size());
  append_to(out);
  return out;
}

void Element::append_to(Bytes& out) const {
  if (kind_ == Kind::preencoded) {
    out.insert(out.end(), bytes_.begin(), bytes_.end());
    return;
  }
  append_header(out, *tag_, content_size_);
  if (kind_ == Kind::primitive) {
    out.insert(out.end(), bytes_.begin(), bytes_.end());
  } else {
    for (const auto& child : children_) child.append_to(out);
  }
}

Element integer(Tag tag, std::int64_t value) {
  // Shortest two's complement: drop leading bytes that only repeat the sign.
  Bytes bytes;
  for (int i = 7; i >= 0; --i) bytes.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(value) >> (8 * i)));
  std::size_t skip = 0;
  while (skip < 7 && ((bytes[skip] == 0x00 && !(bytes[skip + 1] & 0x80)) ||
                      (bytes[skip] == 0xFF && (bytes[skip + 1] & 0x80))))
    ++skip;
  bytes.erase(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(skip));
  return Element::primitive(tag, std::move(bytes));
}

Element boolean(Tag tag, bool value) { return Element::primitive(tag, Bytes{static_cast<std::uint8_t>(value ? 0xFF : 0x00)}); }

Element octets(Tag tag, ByteView value) { return Element::primitive(tag, value); }

Element utf8(Tag tag, std::string_view value) { return Element::primitive(tag, as_bytes(value)); }

Element bit_string(Tag tag, const BitString& value) {
  Bytes bytes;
  bytes.reserve(value.bytes.size() + 1);
  bytes.push_back(value.unused_bits);
  bytes.insert(bytes.end(), value.bytes.begin(), value.bytes.end());
  return Element::primitive(tag, std::move(bytes));
}

Element iccid(Tag tag, const Iccid& value) { return Element::primitive(tag, value.to_bcd()); }

// X.690 section 8.19: the first two arcs share one subidentifier (40 * first + second), every
// subidentifier in base 128, high bit set on all but its last byte.
Result<Element> oid(Tag tag, std::string_view dotted) {
  std::vector<std::uint64_t> arcs;
  std::size_t pos = 0;
  while (pos <= dotted.size()) {
    auto dot = dotted.find('.', pos);
    auto part = dotted.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (part.empty() || part.size() > 18 || part.find_first_not_of("0123456789") != std::string_view::npos)
      return fail(Errc::tlv_bad_value, "'" + std::string(dotted) + "' is not a dotted OBJECT IDENTIFIER");
    std::uint64_t arc = 0;
    for (char c : part) arc = arc * 10 + static_cast<std::uint64_t>(c - '0');
    arcs.push_back(arc);
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  if (arcs.size() < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39))
    return fail(Errc::tlv_bad_value, "'" + std::string(dotted) + "' is not a valid OBJECT IDENTIFIER");
  Bytes value;
  auto append_arc = [&value](std::uint64_t arc) {
    std::uint8_t groups[10];
    std::size_t n = 0;
    do {
      groups[n++] = static_cast<std::uint8_t>(arc & 0x7F);
      arc >>= 7;
    } while (arc != 0);
    while (n > 1) value.push_back(static_cast<std::uint8_t>(groups[--n] | 0x80));
    value.push_back(groups[0]);
  };
  append_arc(arcs[0] * 40 + arcs[1]);
  for (std::size_t i = 2; i < arcs.size(); ++i) append_arc(arcs[i]);
  return Element::primitive(tag, std::move(value));
}

}  // namespace lpad::tlv
