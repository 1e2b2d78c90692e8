#include "core/bytes.h"
#include "core/status_word.h"

#include <fmt/format.h>

namespace lpad {

std::string to_hex(ByteView bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (auto b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0F]);
  }
  return out;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

Result<Bytes> from_hex(std::string_view hex) {
  Bytes out;
  out.reserve(hex.size() / 2);
  int high = -1;
  for (std::size_t i = 0; i < hex.size(); ++i) {
    char c = hex[i];
    if (c == ' ' && high < 0) continue;
    int v = hex_value(c);
    if (v < 0) return fail_at(Errc::invalid_argument, i, fmt::format("'{}' is not a hex digit", c));
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<std::uint8_t>(high << 4 | v));
      high = -1;
    }
  }
  if (high >= 0) return fail(Errc::invalid_argument, "hex string has an odd number of digits");
  return out;
}

std::string StatusWord::to_string() const { return fmt::format("{:04X}", value); }

}  // namespace lpad
