// An apdu::Transport straight onto a software card's contacts, in process: what a PC/SC reader
// does, without pcscd. For unit tests of es10/ and the engine; integration tests use the real
// stacks (pcscd + vpcd, the pty modem).
#pragma once

#include <fmt/format.h>

#include "apdu_backends/iso7816/class_byte.h"
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

  Result<std::uint8_t> open_logical_channel(ByteView aid) override {
    // MANAGE CHANNEL open (00 70 00 00 01), then SELECT by AID on the new channel.
    auto opened = raw(Bytes{0x00, 0x70, 0x00, 0x00, 0x01});
    if (!opened) return unexpected(opened.error());
    if (!opened->status.ok() || opened->data.size() != 1) return fail(Errc::apdu_no_channel, "MANAGE CHANNEL refused " + opened->status.to_string());
    auto channel = opened->data[0];
    Bytes select{*apdu::iso7816::class_byte(0x00, channel), 0xA4, 0x04, 0x00, static_cast<std::uint8_t>(aid.size())};
    select.insert(select.end(), aid.begin(), aid.end());
    select.push_back(0x00);
    auto selected = raw(select);
    if (!selected) return unexpected(selected.error());
    if (!selected->status.ok() && selected->status.sw1() != 0x61) {
      (void)close_logical_channel(channel);
      return fail(Errc::apdu_no_channel, "SELECT refused " + selected->status.to_string());
    }
    return channel;
  }

  Result<apdu::ResponseApdu> transmit(std::uint8_t, ByteView command) override {
    ++apdus_;
    return raw(command);
  }

  Result<void> close_logical_channel(std::uint8_t channel) override {
    auto closed = raw(Bytes{0x00, 0x70, 0x80, channel});
    if (!closed) return unexpected(closed.error());
    return {};
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
