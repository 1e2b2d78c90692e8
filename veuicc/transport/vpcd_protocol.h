// The vpcd wire protocol (vsmartcard's virtual reader driver for pcscd): the card side is a TCP
// client; every message is a two-byte big-endian length and that many bytes. A one-byte message
// from vpcd is a control code, anything longer a command APDU to answer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/bytes.h"

namespace lpad::veuicc::vpcd {

// vsmartcard virtualsmartcard/src/vpcd/vpcd.h: the port vpcd listens on for its first reader
// (each further reader slot uses the next port).
inline constexpr std::uint16_t kDefaultPort = 35963;
inline constexpr std::size_t kLengthSize = 2;
inline constexpr std::size_t kMaxMessage = 0xFFFF;

// vpcd.h VPCD_CTRL_*: control codes; only the ATR request expects an answer.
inline constexpr std::uint8_t kPowerOff = 0x00;
inline constexpr std::uint8_t kPowerOn = 0x01;
inline constexpr std::uint8_t kReset = 0x02;
inline constexpr std::uint8_t kAtrRequest = 0x04;

// The length prefix and the payload; nothing for a payload over 65535 bytes.
std::optional<Bytes> frame(ByteView payload);

// Accumulates bytes from the socket and hands out complete messages.
class FrameDecoder {
 public:
  void feed(ByteView bytes);
  std::optional<Bytes> next();

 private:
  Bytes buffer_;
};

}  // namespace lpad::veuicc::vpcd
