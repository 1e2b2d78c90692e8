// The class byte of a command on a logical channel, ISO/IEC 7816-4 section 5.4.1:
// channels 0-3 in the first interindustry form (b2-b1 = channel, b8 kept for proprietary
// classes such as 80 for STORE DATA), channels 4-19 in the further form (b7 = 1, b4-b1 =
// channel - 4). lpac ORs the channel into the low bits and so reaches only channels 0-3.
#pragma once

#include <cstdint>

#include "core/error.h"

namespace lpad::apdu::iso7816 {

inline constexpr std::uint8_t kMaxLogicalChannel = 19;

// `base_cla` is the class of the command on the basic channel: 00 (interindustry) or 80
// (proprietary, e.g. STORE DATA and GET RESPONSE as GlobalPlatform sends them).
Result<std::uint8_t> class_byte(std::uint8_t base_cla, std::uint8_t channel);

}  // namespace lpad::apdu::iso7816
