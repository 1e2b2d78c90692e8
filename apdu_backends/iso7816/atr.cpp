#include "apdu_backends/iso7816/atr.h"

#include <fmt/format.h>

namespace lpad::apdu::iso7816 {

namespace {

// ISO/IEC 7816-3 section 8.2.2: the high nibble of T0 and of each TDi says which of TA, TB, TC,
// TD follow; the low nibble of T0 counts the historical bytes, that of TDi names a protocol.
constexpr std::uint8_t kTaPresent = 0x10;
constexpr std::uint8_t kTbPresent = 0x20;
constexpr std::uint8_t kTcPresent = 0x40;
constexpr std::uint8_t kTdPresent = 0x80;
constexpr std::uint8_t kProtocolT1 = 0x01;

// ISO/IEC 7816-4 section 12.1.1: category indicators of the historical bytes.
constexpr std::uint8_t kCategoryCompactTlvWithStatus = 0x00;  // COMPACT-TLV, then 3 status bytes
constexpr std::uint8_t kCategoryCompactTlv = 0x80;
constexpr std::size_t kStatusIndicatorSize = 3;
// Section 12.1.1.10: COMPACT-TLV tag 7 carries the card capabilities, up to three bytes; the
// third one's b7 announces extended Lc and Le fields.
constexpr std::uint8_t kTagCardCapabilities = 0x7;
constexpr std::uint8_t kExtendedLcLe = 0x40;

bool capabilities_say_extended(ByteView compact_tlv) {
  std::size_t i = 0;
  while (i < compact_tlv.size()) {
    auto tag = static_cast<std::uint8_t>(compact_tlv[i] >> 4);
    std::size_t length = compact_tlv[i] & 0x0F;
    if (i + 1 + length > compact_tlv.size()) return false;  // malformed: claim nothing
    if (tag == kTagCardCapabilities && length >= 3) return (compact_tlv[i + 3] & kExtendedLcLe) != 0;
    i += 1 + length;
  }
  return false;
}

}  // namespace

Result<AtrCapabilities> read_atr_capabilities(ByteView atr) {
  if (atr.size() < 2) return fail(Errc::apdu_protocol_error, fmt::format("ATR {} is too short", to_hex(atr)));
  AtrCapabilities caps;
  std::size_t historical_count = atr[1] & 0x0F;
  std::uint8_t indicator = atr[1];
  std::size_t i = 2;
  while (true) {
    for (std::uint8_t present : {kTaPresent, kTbPresent, kTcPresent})
      if (indicator & present) ++i;
    if (!(indicator & kTdPresent)) break;
    if (i >= atr.size()) break;
    indicator = atr[i++];
    if ((indicator & 0x0F) == kProtocolT1) caps.offers_t1 = true;
  }
  if (i + historical_count > atr.size())
    return fail(Errc::apdu_protocol_error,
                fmt::format("ATR {} announces {} historical bytes after its interface bytes, which it lacks", to_hex(atr),
                            historical_count));
  ByteView historical = atr.subspan(i, historical_count);
  if (historical.empty()) return caps;
  if (historical[0] == kCategoryCompactTlv) {
    caps.extended_length = capabilities_say_extended(historical.subspan(1));
  } else if (historical[0] == kCategoryCompactTlvWithStatus && historical.size() > kStatusIndicatorSize) {
    caps.extended_length =
        capabilities_say_extended(historical.subspan(1, historical.size() - 1 - kStatusIndicatorSize));
  }
  return caps;
}

}  // namespace lpad::apdu::iso7816
