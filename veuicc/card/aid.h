// Application identifiers the eUICC answers SELECT for.
#pragma once

#include <array>
#include <cstdint>

namespace lpad::veuicc {

// SGP.02 section 2.2.3 and SGP.22 section 2.2.1: the ISD-R and ECASD AIDs of every eUICC.
inline constexpr std::array<std::uint8_t, 16> kIsdRAid{0xA0, 0x00, 0x00, 0x05, 0x59, 0x10, 0x10, 0xFF,
                                                       0xFF, 0xFF, 0xFF, 0x89, 0x00, 0x00, 0x01, 0x00};
inline constexpr std::array<std::uint8_t, 16> kEcasdAid{0xA0, 0x00, 0x00, 0x05, 0x59, 0x10, 0x10, 0xFF,
                                                        0xFF, 0xFF, 0xFF, 0x89, 0x00, 0x00, 0x02, 0x00};

}  // namespace lpad::veuicc
