#include "core/shown_text.h"

#include <fmt/format.h>

namespace lpad {

std::string shown_text(std::string_view untrusted) {
  std::string out;
  out.reserve(untrusted.size());
  for (char c : untrusted) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F && c != '\\') out += c;
    else out += fmt::format("\\x{:02X}", byte);
  }
  return out;
}

}  // namespace lpad
