#include "veuicc/card/class_byte.h"

namespace lpad::veuicc {
namespace {

// ISO/IEC 7816-4 section 5.4.1, table 2: first interindustry class 000x xxxx (b5 chaining,
// b4-b3 secure messaging, b2-b1 channel 0-3).
constexpr std::uint8_t kFirstMask = 0x60;   // b7-b6 zero
constexpr std::uint8_t kFirstChainingBit = 0x10;
constexpr std::uint8_t kFirstSmBits = 0x0C;
constexpr std::uint8_t kFirstChannelBits = 0x03;
// Table 3: further interindustry class 01xx xxxx (b6 secure messaging, b5 chaining, b4-b1
// channel minus 4).
constexpr std::uint8_t kFurtherMarker = 0x40;
constexpr std::uint8_t kFurtherSmBit = 0x20;
constexpr std::uint8_t kFurtherChainingBit = 0x10;
constexpr std::uint8_t kFurtherChannelBits = 0x0F;
constexpr std::uint8_t kFirstFurtherChannel = 4;
// b8 set marks a proprietary class; GlobalPlatform and ETSI TS 102 221 keep the rest of the
// interindustry structure (80-8F, C0-FF), 90-BF is not structured that way (A0 is GSM).
constexpr std::uint8_t kProprietaryBit = 0x80;
constexpr std::uint8_t kInvalidCla = 0xFF;  // reserved for PPS, ISO/IEC 7816-3

}  // namespace

std::optional<ClassByte> decode_class_byte(std::uint8_t cla) {
  if (cla == kInvalidCla) return std::nullopt;
  ClassByte out;
  out.proprietary = (cla & kProprietaryBit) != 0;
  auto rest = static_cast<std::uint8_t>(cla & ~kProprietaryBit);
  if ((rest & kFirstMask) == 0) {
    if (out.proprietary && (rest & 0x10)) return std::nullopt;  // 90-9F: not structured
    out.command_chaining = (rest & kFirstChainingBit) != 0;
    out.secure_messaging = (rest & kFirstSmBits) != 0;
    out.channel = rest & kFirstChannelBits;
    return out;
  }
  if ((rest & kFurtherMarker) != 0) {
    out.secure_messaging = (rest & kFurtherSmBit) != 0;
    out.command_chaining = (rest & kFurtherChainingBit) != 0;
    out.channel = static_cast<std::uint8_t>(kFirstFurtherChannel + (rest & kFurtherChannelBits));
    return out;
  }
  return std::nullopt;  // 20-3F (and A0-BF): RFU or GSM
}

std::uint8_t encode_class_byte(std::uint8_t channel, bool proprietary) {
  std::uint8_t base = proprietary ? kProprietaryBit : 0;
  if (channel < kFirstFurtherChannel) return static_cast<std::uint8_t>(base | channel);
  return static_cast<std::uint8_t>(base | kFurtherMarker |
                                   ((channel - kFirstFurtherChannel) & kFurtherChannelBits));
}

std::uint8_t with_channel(std::uint8_t cla, std::uint8_t channel) {
  auto decoded = decode_class_byte(cla);
  return encode_class_byte(channel, decoded ? decoded->proprietary : (cla & kProprietaryBit) != 0);
}

}  // namespace lpad::veuicc
