// The status words the card OS returns (the type is the project's one, core/status_word.h).
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/bytes.h"
#include "core/status_word.h"

namespace lpad::veuicc {

using lpad::StatusWord;

namespace sw {
// ISO/IEC 7816-4 section 5.6, tables 5 and 6; values as ETSI TS 102 221 section 10.2 uses them.
inline constexpr StatusWord ok{0x9000};
inline constexpr StatusWord no_precise_diagnosis{0x6F00};
inline constexpr StatusWord wrong_length{0x6700};
inline constexpr StatusWord logical_channel_not_supported{0x6881};
inline constexpr StatusWord secure_messaging_not_supported{0x6882};
inline constexpr StatusWord command_chaining_not_supported{0x6884};
inline constexpr StatusWord conditions_not_satisfied{0x6985};
inline constexpr StatusWord incorrect_data{0x6A80};
inline constexpr StatusWord function_not_supported{0x6A81};
inline constexpr StatusWord not_found{0x6A82};
inline constexpr StatusWord not_enough_memory{0x6A84};
inline constexpr StatusWord incorrect_p1_p2{0x6A86};
inline constexpr StatusWord referenced_data_not_found{0x6A88};
inline constexpr StatusWord instruction_not_supported{0x6D00};
inline constexpr StatusWord class_not_supported{0x6E00};

// 61xx: the command worked and xx more bytes wait for GET RESPONSE; 00 means 256 or more.
constexpr StatusWord bytes_remaining(std::size_t remaining) {
  return StatusWord{static_cast<std::uint16_t>(0x6100 | (remaining >= 0x100 ? 0 : remaining))};
}
}  // namespace sw

// A response APDU: the data field followed by SW1 SW2.
inline Bytes response_apdu(ByteView data, StatusWord status) {
  Bytes out(data.begin(), data.end());
  out.push_back(status.sw1());
  out.push_back(status.sw2());
  return out;
}
inline Bytes response_apdu(StatusWord status) { return response_apdu({}, status); }

}  // namespace lpad::veuicc
