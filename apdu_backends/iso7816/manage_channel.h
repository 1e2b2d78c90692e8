// Opening a logical channel to an application with raw APDUs, for transports that pass APDUs
// through unchanged (a PC/SC reader, a modem's AT+CSIM): MANAGE CHANNEL open (ISO/IEC 7816-4
// section 11.1.2), SELECT by DF name on the new channel (section 11.1.1), and MANAGE CHANNEL
// close. Transports whose modem opens channels itself (AT+CCHO, QMI) do not use this.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "apdu_backends/transport.h"

namespace lpad::apdu::iso7816 {

// One command APDU out, the response as the card gave it (61xx and 6Cxx included).
using RawExchange = std::function<Result<ResponseApdu>(ByteView command)>;

// Opens a channel and selects `aid` on it, following 61xx and 6Cxx on SELECT. When SELECT fails
// the channel is closed again. A card that refuses gives apdu_no_channel with its status word;
// `transport` (e.g. "pcsc:Reader 00 00") starts every message.
Result<std::uint8_t> open_channel_and_select(const RawExchange& exchange, ByteView aid, std::string_view transport);

// MANAGE CHANNEL close, sent on the basic channel with the channel number in P2.
Result<void> close_channel(const RawExchange& exchange, std::uint8_t channel, std::string_view transport);

}  // namespace lpad::apdu::iso7816
