// How to reach the eUICC, as the user (flags, configuration file) says it; open_transport() turns
// it into one of the backends. Kept apart from the factory so every backend can read it.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace lpad::apdu {

enum class AtMode {
  automatic,  // AT+CCHO/AT+CGLA when the modem has them, else AT+CSIM
  ccho,       // 3GPP TS 27.007 8.45-8.47: the modem opens and selects the channel
  csim,       // 3GPP TS 27.007 8.17: raw APDUs; MANAGE CHANNEL and SELECT sent by us
};

struct TransportTimeouts {
  // Modem housekeeping (ATE0, AT+CCHO=?) and QMI service calls.
  std::chrono::milliseconds command{5000};
  // One APDU. Some ES10 functions (AuthenticateServer, a BPP segment) take seconds on real cards.
  std::chrono::milliseconds apdu{30000};
};

struct TransportOptions {
  std::string backend = "pcsc";  // "pcsc", "at" or "qmi"
  // pcsc: reader name, a unique part of it, or its index; empty = the first reader.
  // at: the tty (/dev/ttyUSB2); qmi: the control device (/dev/cdc-wdm0).
  std::string device{};
  TransportTimeouts timeouts{};
  AtMode at_mode = AtMode::automatic;
  unsigned baud_rate = 115200;  // at: the serial line speed (USB modems ignore it)
  // Short APDUs only, whatever the card announces (for readers and modems that mangle extended).
  bool force_short_apdus = false;
  // The largest command data field per APDU, when a modem's buffer is smaller than 255 bytes.
  std::optional<std::size_t> max_command_data{};
};

}  // namespace lpad::apdu
