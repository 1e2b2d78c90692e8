// What an Answer-To-Reset says about the card's command interface: the historical bytes
// (ISO/IEC 7816-3 section 8.2) and, in their card capabilities (ISO/IEC 7816-4 section
// 12.1.1.10), whether the card takes extended Lc/Le fields. A PC/SC reader gives us the ATR; we
// read it to decide between short and extended APDUs.
#pragma once

#include "core/bytes.h"
#include "core/error.h"

namespace lpad::apdu::iso7816 {

struct AtrCapabilities {
  bool extended_length = false;  // third software function table, b7
  bool offers_t1 = false;        // a TDi byte names protocol T=1
};

// Fails only when the ATR is too short for the interface bytes it announces.
Result<AtrCapabilities> read_atr_capabilities(ByteView atr);

}  // namespace lpad::apdu::iso7816
