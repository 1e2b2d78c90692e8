// A Transport over a PC/SC reader (pcsc-lite): the card in one reader, shared with other
// programs, logical channels opened and selected by us with MANAGE CHANNEL and SELECT. A card or
// reader that goes away mid-operation gives apdu_card_removed, a pcscd that does not answer in
// time apdu_timeout; every message starts with "pcsc:<reader>".
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "apdu_backends/pcsc/pcsc_handles.h"
#include "apdu_backends/transport.h"
#include "apdu_backends/transport_options.h"

namespace lpad::apdu::pcsc {

struct PcscOptions {
  // An exact reader name, a unique case-insensitive part of one, or an index; empty = first.
  std::string reader{};
  // Empty: extended length when the ATR announces it and T=1 is active (over T=0 the reader
  // driver would have to split extended APDUs with ENVELOPE, which not every driver does).
  std::optional<bool> extended_length{};
  // command: connecting, listing readers, card status; apdu: one APDU, and waiting for another
  // program's transaction on the card to end.
  TransportTimeouts timeouts{};
};

// The readers pcscd knows, for `lpa` to show.
Result<std::vector<std::string>> list_pcsc_readers(std::chrono::milliseconds limit = TransportTimeouts{}.command);

struct PcscReaderStatus {
  std::string name;
  bool card_present = false;
};
// The readers and whether a card sits in each, for the daemon's device scan.
Result<std::vector<PcscReaderStatus>> pcsc_reader_status(std::chrono::milliseconds limit = TransportTimeouts{}.command);

class PcscTransport final : public Transport {
 public:
  static Result<std::unique_ptr<PcscTransport>> open(const PcscOptions& options);
  // open() is the way in; the handles it takes can only come from a live pcscd.
  PcscTransport(PcscContext context, PcscCardHandle card, std::string reader, Bytes atr,
                TransportCapabilities capabilities, TransportTimeouts timeouts)
      : context_(std::move(context)),
        card_(std::move(card)),
        reader_(std::move(reader)),
        atr_(std::move(atr)),
        capabilities_(capabilities),
        timeouts_(timeouts) {}
  // Closes the channels it opened, then leaves the card to others.
  ~PcscTransport() override;

  PcscTransport(const PcscTransport&) = delete;
  PcscTransport& operator=(const PcscTransport&) = delete;

  std::string description() const override { return "pcsc:" + reader_; }
  TransportCapabilities capabilities() const override { return capabilities_; }
  Result<std::uint8_t> open_logical_channel(ByteView aid) override;
  Result<ResponseApdu> transmit(std::uint8_t channel, ByteView command) override;
  Result<void> close_logical_channel(std::uint8_t channel) override;
  Result<void> begin_exclusive() override;
  void end_exclusive() override;

  const Bytes& atr() const { return atr_; }

 private:
  Result<ResponseApdu> exchange(ByteView command);
  // After a response without status word: the card is gone (apdu_card_removed) or it broke the
  // protocol. pcscd notices a removal only at its next poll of the reader, so this waits briefly.
  Error classify_missing_status(ByteView command, std::size_t length);
  // A call on the card handle whose answer did not come within `limit`: from now on every
  // operation fails at once with this error (the call still holds pcsc-lite's lock on the handle).
  Error no_answer(std::string_view what, std::chrono::milliseconds limit);

  PcscContext context_;
  PcscCardHandle card_;
  std::string reader_;
  Bytes atr_;
  TransportCapabilities capabilities_;
  TransportTimeouts timeouts_;
  std::optional<Error> stuck_;
  std::set<std::uint8_t> open_channels_;
  int exclusive_depth_ = 0;
};

}  // namespace lpad::apdu::pcsc
