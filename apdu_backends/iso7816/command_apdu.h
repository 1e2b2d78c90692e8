// Building command APDUs, ISO/IEC 7816-4 section 5.1: cases 1-4 in short form (Lc and Le one
// byte) or extended form (00 then two bytes each, high byte first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::apdu::iso7816 {

struct CommandHeader {
  std::uint8_t cla, ins, p1, p2;
};

// `ne` is the number of response bytes expected: absent for none (cases 1 and 3), 256 (short)
// or 65536 (extended) for "as many as there are". Data over 255 bytes or ne over 256 need
// extended form; asking for it when `extended` is false is an error.
Result<Bytes> command_apdu(const CommandHeader& header, ByteView data, std::optional<std::size_t> ne, bool extended);

}  // namespace lpad::apdu::iso7816
