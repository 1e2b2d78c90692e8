// Command APDU parsing, ISO/IEC 7816-4 section 5.1: the four cases in short and extended form.
// A malformed command is answered with a status word, so parsing fails with one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/bytes.h"
#include "core/expected.h"
#include "veuicc/card/status_word.h"

namespace lpad::veuicc {

// ISO/IEC 7816-4 section 5.1: Ne as Le encodes it (00 means 256, 0000 means 65536).
inline constexpr std::size_t kMaxShortNe = 256;
inline constexpr std::size_t kMaxExtendedNe = 65536;

struct CommandApdu {
  std::uint8_t cla = 0, ins = 0, p1 = 0, p2 = 0;
  ByteView data;                  // view into the buffer that was parsed
  std::optional<std::size_t> ne;  // absent: no Le field (cases 1 and 3)
  bool extended = false;

  std::uint16_t p1p2() const { return static_cast<std::uint16_t>(p1 << 8 | p2); }
};

// `extended_length_enabled` false makes any extended-length form a wrong length (6700), as on a
// card that does not announce extended Lc/Le in its ATR.
expected<CommandApdu, StatusWord> parse_command_apdu(ByteView apdu, bool extended_length_enabled);

}  // namespace lpad::veuicc
