// ISO/IEC 7816-4 status word SW1-SW2, the two bytes that end every response APDU.
#pragma once

#include <cstdint>
#include <string>

namespace lpad {

struct StatusWord {
  std::uint16_t value = 0;

  constexpr std::uint8_t sw1() const { return static_cast<std::uint8_t>(value >> 8); }
  constexpr std::uint8_t sw2() const { return static_cast<std::uint8_t>(value & 0xFF); }
  constexpr bool ok() const { return value == 0x9000; }
  constexpr bool operator==(const StatusWord&) const = default;

  std::string to_string() const;  // "6A88"
};

}  // namespace lpad
