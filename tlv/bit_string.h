// ASN.1 BIT STRING as SGP.22 uses it: named bit lists (PPRs, rspCapability, notification events)
// where bit 0 is the most significant bit of the first byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>

#include "core/bytes.h"

namespace lpad::tlv {

struct BitString {
  Bytes bytes;
  std::uint8_t unused_bits = 0;  // in the last byte, 0-7

  std::size_t bit_length() const { return bytes.size() * 8 - unused_bits; }
  bool test(std::size_t bit) const {
    return bit < bit_length() && (bytes[bit / 8] & (0x80 >> (bit % 8))) != 0;
  }

  // DER form of a named bit list (X.690 11.2.2): trailing zero bits are dropped.
  static BitString named(std::span<const std::size_t> set_bits);
  static BitString named(std::initializer_list<std::size_t> set_bits) {
    return named(std::span<const std::size_t>(set_bits.begin(), set_bits.size()));
  }

  bool operator==(const BitString&) const = default;
};

}  // namespace lpad::tlv
