#include "veuicc/card/atr.h"

#include <cstdint>

namespace lpad::veuicc {
namespace {

// ISO/IEC 7816-3 section 8.2.
constexpr std::uint8_t kTsDirectConvention = 0x3B;
constexpr std::uint8_t kTaFollows = 0x10;
constexpr std::uint8_t kTdFollows = 0x80;
// TA1 96: Fi = 512, Di = 32, the fast rate UICCs offer (ETSI TS 102 221 section 6.3.1).
constexpr std::uint8_t kTa1 = 0x96;
constexpr std::uint8_t kProtocolT0 = 0x00;
constexpr std::uint8_t kProtocolT1 = 0x01;
constexpr std::uint8_t kProtocolT15 = 0x0F;  // global interface bytes follow
// TA for T=15: clock stop supported (no preference), classes A, B and C (ETSI TS 102 221 6.3.3).
constexpr std::uint8_t kTaT15 = 0xC7;

// ISO/IEC 7816-4 section 12.1.1: category indicator 80, then COMPACT-TLV objects.
constexpr std::uint8_t kCategoryCompactTlv = 0x80;
// Tag 3, length 1: card service data E0 = selection by full and partial DF name, EF.DIR present.
constexpr std::uint8_t kCardServiceData[] = {0x31, 0xE0};
// Tag 7, length 3: card capabilities (section 12.1.1.10, tables 117-119).
constexpr std::uint8_t kCardCapabilitiesHeader = 0x73;
constexpr std::uint8_t kFirstSoftwareFunctions = 0xFE;   // DF selection methods, short EF id, ...
constexpr std::uint8_t kDataCodingByte = 0x21;
constexpr std::uint8_t kExtendedLcLe = 0x40;             // third table, b7
constexpr std::uint8_t kChannelsAssignedByCardAndIfd = 0x18;  // b5 by the card, b4 by the IFD
constexpr std::uint8_t kEightOrMoreChannels = 0x07;      // b3-b1 = 111

}  // namespace

Bytes build_atr(const AtrOptions& options) {
  Bytes historical{kCategoryCompactTlv, kCardServiceData[0], kCardServiceData[1],
                   kCardCapabilitiesHeader, kFirstSoftwareFunctions, kDataCodingByte,
                   static_cast<std::uint8_t>((options.extended_length ? kExtendedLcLe : 0) |
                                             kChannelsAssignedByCardAndIfd | kEightOrMoreChannels)};

  Bytes atr{kTsDirectConvention,
            static_cast<std::uint8_t>(kTaFollows | kTdFollows | historical.size()), kTa1,
            static_cast<std::uint8_t>(kTdFollows | kProtocolT0)};
  if (options.offer_t1) atr.push_back(static_cast<std::uint8_t>(kTdFollows | kProtocolT1));
  atr.push_back(static_cast<std::uint8_t>(kTaFollows | kProtocolT15));
  atr.push_back(kTaT15);
  atr.insert(atr.end(), historical.begin(), historical.end());

  // TCK: present because T=15 is indicated; XOR of every byte from T0 on, ISO/IEC 7816-3 8.2.5.
  std::uint8_t tck = 0;
  for (std::size_t i = 1; i < atr.size(); ++i) tck ^= atr[i];
  atr.push_back(tck);
  return atr;
}

}  // namespace lpad::veuicc
