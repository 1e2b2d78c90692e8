// The class byte CLA, ISO/IEC 7816-4 section 5.4.1: which logical channel a command is for, and
// whether it asks for secure messaging or command chaining (this card supports neither).
#pragma once

#include <cstdint>
#include <optional>

namespace lpad::veuicc {

// ISO/IEC 7816-4 section 5.4.1: channels 0-3 in the first interindustry class, 4-19 in the
// further interindustry class.
inline constexpr std::uint8_t kMaxLogicalChannels = 20;

struct ClassByte {
  std::uint8_t channel = 0;          // 0-19
  bool proprietary = false;          // b8 set: GlobalPlatform/ETSI commands (80 E2, 80 AA)
  bool secure_messaging = false;
  bool command_chaining = false;     // ISO chaining bit, not the STORE DATA P1 chaining
};

// Nothing for a class this card does not know (RFU 20-3F, GSM A0, invalid FF and the like).
std::optional<ClassByte> decode_class_byte(std::uint8_t cla);

// The CLA of an interindustry (proprietary = false) or GlobalPlatform command on `channel`, no
// secure messaging, no chaining: 00-03 / 40-4F, or 80-83 / C0-CF.
std::uint8_t encode_class_byte(std::uint8_t channel, bool proprietary);

// `cla` with its channel bits replaced; used by a modem that sends a command on its session.
std::uint8_t with_channel(std::uint8_t cla, std::uint8_t channel);

}  // namespace lpad::veuicc
