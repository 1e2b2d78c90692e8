// Byte buffers and their hex form. Bytes owns, ByteView borrows (parsers return views into the
// buffer they were given, so large payloads such as BPP segments are never copied to be read).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace lpad {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Upper-case hex without separators, as SGP.22 and ISO 7816 documents print bytes.
std::string to_hex(ByteView bytes);

// Accepts upper or lower case; spaces are allowed between bytes for readability of test vectors.
Result<Bytes> from_hex(std::string_view hex);

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace lpad
