// The one small interface every way of reaching an eUICC implements (PC/SC reader, AT modem,
// QMI modem, ...): open a logical channel to an application, exchange APDUs on it, close it.
// Implementations live in their own folders (pcsc/, at/, qmi/) and are chosen at run time.
// Every call has a time limit; every error names the transport, the command and the status.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/bytes.h"
#include "core/error.h"
#include "core/status_word.h"

namespace lpad::apdu {

struct ResponseApdu {
  Bytes data;
  StatusWord status;
};

struct TransportCapabilities {
  // Extended length APDUs (ISO 7816-4 5.1): Lc up to 65535, Le up to 65536.
  bool extended_length = false;
  // The largest command data field the transport carries in a short APDU. 255 in ISO 7816;
  // some modems' AT+CSIM buffers take less.
  std::size_t max_short_command_data = 255;
};

class Transport {
 public:
  virtual ~Transport() = default;

  // For messages and logs: "pcsc:Virtual PCD 00 00", "at:/dev/ttyUSB2", "qmi:/dev/cdc-wdm0".
  virtual std::string description() const = 0;
  virtual TransportCapabilities capabilities() const = 0;

  // Opens a logical channel and selects `aid` on it (MANAGE CHANNEL + SELECT sent by us, or done
  // by the modem, as the transport allows). The channel number goes into CLA of every command.
  virtual Result<std::uint8_t> open_logical_channel(ByteView aid) = 0;
  // One command APDU on `channel` (its CLA already encodes the channel); the response as the card
  // gave it, 61xx and 6Cxx included: iso7816::ApduChannel handles those.
  virtual Result<ResponseApdu> transmit(std::uint8_t channel, ByteView command) = 0;
  virtual Result<void> close_logical_channel(std::uint8_t channel) = 0;

  // Brackets a sequence that no other process may interleave with (a PC/SC transaction).
  // Transports that own their device exclusively need not do anything.
  virtual Result<void> begin_exclusive() { return {}; }
  virtual void end_exclusive() {}
};

}  // namespace lpad::apdu
