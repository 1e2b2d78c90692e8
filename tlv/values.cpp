#include "tlv/values.h"

#include <fmt/format.h>

namespace lpad::tlv {

namespace {

unexpected<Error> bad_value(const Node& node, std::string what) {
  return fail_at(Errc::tlv_bad_value, node.offset(), fmt::format("tag {}: {}", node.tag().to_string(), what));
}

bool valid_utf8(ByteView s) {
  static constexpr std::uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};  // overlong forms are invalid
  std::size_t i = 0;
  while (i < s.size()) {
    std::uint8_t c = s[i];
    std::size_t extra;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1Fu; }
    else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0Fu; }
    else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07u; }
    else return false;
    if (extra >= s.size() - i) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = cp << 6 | (s[i + k] & 0x3Fu);
    }
    if (cp < kSmallest[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

}  // namespace

Result<std::int64_t> read_integer(const Node& node) {
  auto v = node.value();
  if (v.empty()) return bad_value(node, "INTEGER has no content");
  if (v.size() > 8) return bad_value(node, fmt::format("INTEGER of {} bytes does not fit 64 bits", v.size()));
  if (v.size() > 1 && ((v[0] == 0x00 && !(v[1] & 0x80)) || (v[0] == 0xFF && (v[1] & 0x80))))
    return bad_value(node, "INTEGER is not in its shortest form");
  std::uint64_t raw = (v[0] & 0x80) ? ~std::uint64_t{0} : 0;
  for (auto b : v) raw = raw << 8 | b;
  return static_cast<std::int64_t>(raw);
}

Result<std::uint64_t> read_unsigned(const Node& node) {
  auto v = node.value();
  // A leading 00 makes room for the sign bit, so 9 bytes still fit an unsigned 64-bit value.
  if (v.size() == 9 && v[0] == 0x00 && (v[1] & 0x80)) {
    std::uint64_t out = 0;
    for (auto b : v.subspan(1)) out = out << 8 | b;
    return out;
  }
  auto value = read_integer(node);
  if (!value) return unexpected(value.error());
  if (*value < 0) return bad_value(node, "INTEGER is negative where only positive values are allowed");
  return static_cast<std::uint64_t>(*value);
}

Result<bool> read_boolean(const Node& node) {
  auto v = node.value();
  if (v.size() != 1 || (v[0] != 0x00 && v[0] != 0xFF)) return bad_value(node, "BOOLEAN must be one byte, 00 or FF");
  return v[0] == 0xFF;
}

Result<std::string> read_utf8(const Node& node) {
  auto v = node.value();
  if (!valid_utf8(v)) return bad_value(node, "UTF8String is not valid UTF-8");
  return std::string(v.begin(), v.end());
}

Result<BitString> read_bit_string(const Node& node) {
  auto v = node.value();
  if (v.empty()) return bad_value(node, "BIT STRING has no unused-bits byte");
  std::uint8_t unused = v[0];
  if (unused > 7) return bad_value(node, fmt::format("BIT STRING claims {} unused bits", unused));
  if (v.size() == 1 && unused != 0) return bad_value(node, "empty BIT STRING with unused bits");
  if (v.size() > 1 && (v.back() & ((1u << unused) - 1)) != 0)
    return bad_value(node, "BIT STRING has unused bits that are not zero");
  return BitString{Bytes(v.begin() + 1, v.end()), unused};
}

Result<std::string> read_oid(const Node& node) {
  auto v = node.value();
  if (v.empty()) return bad_value(node, "OBJECT IDENTIFIER has no content");
  std::string out;
  std::uint64_t arc = 0;
  bool first = true;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (arc == 0 && v[i] == 0x80) return bad_value(node, "OBJECT IDENTIFIER arc has leading zero bits");
    if (arc > (~std::uint64_t{0} >> 7)) return bad_value(node, "OBJECT IDENTIFIER arc too large");
    arc = arc << 7 | (v[i] & 0x7F);
    if (v[i] & 0x80) continue;
    if (first) {
      std::uint64_t top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
      out = fmt::format("{}.{}", top, arc - top * 40);
      first = false;
    } else {
      out += fmt::format(".{}", arc);
    }
    arc = 0;
  }
  if (v.back() & 0x80) return bad_value(node, "OBJECT IDENTIFIER ends inside an arc");
  return out;
}

Result<Iccid> read_iccid(const Node& node) {
  auto iccid = Iccid::from_bcd(node.value());
  if (!iccid) return bad_value(node, iccid.error().message);
  return iccid;
}

}  // namespace lpad::tlv
