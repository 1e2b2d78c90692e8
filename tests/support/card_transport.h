// An apdu::Transport straight onto a software card's contacts, in process: what a PC/SC reader
// does, without pcscd. For unit tests of es10/ and the engine; integration tests use the real
// stacks (pcscd + vpcd, the pty modem).
#pragma once

#include "apdu_backends/iso7816/manage_channel.h"
#include "apdu_backends/transport.h"
#include "veuicc/card/card_contacts.h"

namespace lpad::test {

class CardTransport final : public apdu::Transport {
 public:
  explicit CardTransport(veuicc::CardContacts& card, bool extended_length = false) : card_(card), extended_(extended_length) {
    card_.power_on();
  }

  std::string description() const override { return "test-card"; }
  apdu::TransportCapabilities capabilities() const override { return {extended_, 255}; }

  // Raw MANAGE CHANNEL and SELECT, as the PC/SC and AT+CSIM transports send them.
  Result<std::uint8_t> open_logical_channel(ByteView aid) override {
    return apdu::iso7816::open_channel_and_select([this](ByteView command) { return raw(command); }, aid, description());
  }

  Result<apdu::ResponseApdu> transmit(std::uint8_t, ByteView command) override {
    ++apdus_;
    return raw(command);
  }

  Result<void> close_logical_channel(std::uint8_t channel) override {
    return apdu::iso7816::close_channel([this](ByteView command) { return raw(command); }, channel, description());
  }

  std::size_t apdus() const { return apdus_; }

 private:
  Result<apdu::ResponseApdu> raw(ByteView command) {
    auto response = card_.transmit(command);
    if (!response || response->size() < 2) return fail(Errc::apdu_card_removed, "the test card is mute");
    Bytes data(response->begin(), response->end() - 2);
    StatusWord status{static_cast<std::uint16_t>((*response)[response->size() - 2] << 8 | response->back())};
    return apdu::ResponseApdu{std::move(data), status};
  }

  veuicc::CardContacts& card_;
  bool extended_;
  std::size_t apdus_ = 0;
};

}  // namespace lpad::test
