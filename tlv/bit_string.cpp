#include "tlv/bit_string.h"

#include <algorithm>

namespace lpad::tlv {

BitString BitString::named(std::span<const std::size_t> set_bits) {
  BitString out;
  if (set_bits.empty()) return out;
  std::size_t highest = *std::max_element(set_bits.begin(), set_bits.end());
  out.bytes.assign(highest / 8 + 1, 0);
  for (auto bit : set_bits) out.bytes[bit / 8] |= static_cast<std::uint8_t>(0x80 >> (bit % 8));
  out.unused_bits = static_cast<std::uint8_t>(7 - highest % 8);
  return out;
}

}  // namespace lpad::tlv
