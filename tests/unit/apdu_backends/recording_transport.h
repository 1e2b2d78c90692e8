// A Transport that answers from a script and records every command it was given, for testing
// the layers above transports without a card.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "apdu_backends/transport.h"
#include "support/shared_data.h"

namespace lpad::apdu::test {

class RecordingTransport final : public Transport {
 public:
  // Queues the next response, as hex with the status word at the end ("6F0A...9000").
  void answer(std::string_view hex) {
    Bytes bytes = lpad::test::hex(hex);
    StatusWord status{static_cast<std::uint16_t>(bytes[bytes.size() - 2] << 8 | bytes.back())};
    bytes.resize(bytes.size() - 2);
    script_.push_back(ResponseApdu{std::move(bytes), status});
  }
  // Queues a failure in place of the next response.
  void fail_next(Errc code) { script_.push_back(fail(code, "fake:recorder: scripted failure")); }

  std::string description() const override { return "fake:recorder"; }
  TransportCapabilities capabilities() const override { return capabilities_; }
  Result<std::uint8_t> open_logical_channel(ByteView) override { return std::uint8_t{1}; }
  Result<void> close_logical_channel(std::uint8_t) override { return {}; }

  Result<ResponseApdu> transmit(std::uint8_t channel, ByteView command) override {
    sent.push_back(to_hex(command));
    channels.push_back(channel);
    if (script_.empty()) return fail(Errc::apdu_protocol_error, "fake:recorder: no response scripted");
    auto response = script_.front();
    script_.pop_front();
    return response;
  }

  std::vector<std::string> sent;  // every command, in upper-case hex
  std::vector<std::uint8_t> channels;
  TransportCapabilities capabilities_;

 private:
  std::deque<Result<ResponseApdu>> script_;
};

}  // namespace lpad::apdu::test
