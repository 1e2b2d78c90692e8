// A Transport over a modem's AT port, in one of two ways (3GPP TS 27.007):
//  - ccho: AT+CCHO opens a channel and selects the AID, AT+CGLA carries APDUs on it, AT+CCHC
//    closes it. The modem owns the channel.
//  - csim: AT+CSIM carries raw APDUs; we send MANAGE CHANNEL and SELECT ourselves. For modems
//    without CCHO, or whose CCHO is broken.
// Every command has a time limit. Channels it opened are closed on close and in the destructor.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "apdu_backends/at/at_command_runner.h"
#include "apdu_backends/transport.h"
#include "apdu_backends/transport_options.h"

namespace lpad::apdu::at {

struct AtOptions {
  std::string device{};  // /dev/ttyUSB2
  unsigned baud_rate = 115200;
  AtMode mode = AtMode::automatic;
  TransportTimeouts timeouts{};
  std::size_t max_command_data = 255;
};

class AtTransport final : public Transport {
 public:
  // Opens the port and probes the modem: ATE0, AT+CMEE=1, then AT+CCHO=? / AT+CSIM=? when the
  // mode is automatic.
  static Result<std::unique_ptr<AtTransport>> open(const AtOptions& options);
  AtTransport(AtCommandRunner runner, AtOptions options, AtMode mode)
      : runner_(std::move(runner)), options_(std::move(options)), mode_(mode) {}
  ~AtTransport() override;

  AtTransport(const AtTransport&) = delete;
  AtTransport& operator=(const AtTransport&) = delete;

  std::string description() const override { return "at:" + options_.device; }
  TransportCapabilities capabilities() const override;
  Result<std::uint8_t> open_logical_channel(ByteView aid) override;
  Result<ResponseApdu> transmit(std::uint8_t channel, ByteView command) override;
  Result<void> close_logical_channel(std::uint8_t channel) override;

  // ccho or csim, after the probe.
  AtMode mode() const { return mode_; }

 private:
  // Runs a modem command; a final result other than OK becomes an error with `failure_code`
  // (apdu_card_removed for +CME ERROR: 10 whatever the command).
  Result<AtAnswer> run_ok(std::string_view command, std::string_view information_prefix, std::string_view what,
                          std::chrono::milliseconds timeout, Errc failure_code);
  Result<ResponseApdu> csim_exchange(ByteView apdu);
  Result<std::uint8_t> open_with_ccho(ByteView aid);

  AtCommandRunner runner_;
  AtOptions options_;
  AtMode mode_;
  // Channel number given to the layer above -> the modem's session id (ccho), or the channel
  // itself (csim). Most modems' session ids are the channel numbers; see open_with_ccho.
  std::map<std::uint8_t, unsigned> channels_;
};

}  // namespace lpad::apdu::at
