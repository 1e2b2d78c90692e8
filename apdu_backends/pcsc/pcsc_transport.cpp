#include "apdu_backends/pcsc/pcsc_transport.h"

#include <fmt/format.h>

#include <chrono>
#include <thread>

#include "apdu_backends/iso7816/atr.h"
#include "apdu_backends/iso7816/describe.h"
#include "apdu_backends/iso7816/manage_channel.h"
#include "apdu_backends/pcsc/reader_choice.h"

namespace lpad::apdu::pcsc {

namespace {

// ISO/IEC 7816-4 section 5.1: the largest response is 65536 data bytes and SW1 SW2.
constexpr std::size_t kMaxResponseSize = 65536 + 2;
// pcscd polls a reader for card presence every 400 ms (PCSCLITE_STATUS_POLL_RATE); wait a little
// longer than that before deciding a card that answered nothing is still there.
constexpr auto kRemovalSettleTime = std::chrono::milliseconds(1000);
constexpr auto kRemovalPollInterval = std::chrono::milliseconds(50);

Result<Bytes> read_atr(const PcscCardHandle& card, const std::string& reader) {
  Bytes atr(MAX_ATR_SIZE);
  DWORD atr_length = static_cast<DWORD>(atr.size());
  DWORD state = 0;
  DWORD protocol = 0;
  LONG rc = SCardStatus(card.get(), nullptr, nullptr, &state, &protocol, atr.data(), &atr_length);
  if (rc != SCARD_S_SUCCESS) return unexpected(pcsc_error(fmt::format("pcsc:{}: reading the ATR", reader), rc));
  atr.resize(atr_length);
  return atr;
}

}  // namespace

Result<std::vector<std::string>> list_pcsc_readers() {
  auto context = PcscContext::establish();
  if (!context) return unexpected(context.error());
  return context->list_readers();
}

Result<std::unique_ptr<PcscTransport>> PcscTransport::open(const PcscOptions& options) {
  auto context = PcscContext::establish();
  if (!context) return unexpected(context.error());
  auto readers = context->list_readers();
  if (!readers) return unexpected(readers.error());
  auto reader = choose_reader(*readers, options.reader);
  if (!reader) return unexpected(reader.error());
  auto card = PcscCardHandle::connect(*context, *reader);
  if (!card) return unexpected(card.error());
  auto atr = read_atr(*card, *reader);
  if (!atr) return unexpected(atr.error());

  TransportCapabilities capabilities;
  if (options.extended_length) {
    capabilities.extended_length = *options.extended_length;
  } else {
    auto from_atr = iso7816::read_atr_capabilities(*atr);
    capabilities.extended_length =
        from_atr && from_atr->extended_length && card->protocol() == SCARD_PROTOCOL_T1;
  }
  return std::make_unique<PcscTransport>(std::move(*context), std::move(*card), std::move(*reader), std::move(*atr),
                                         capabilities);
}

PcscTransport::~PcscTransport() {
  // Channels left open would stay open for the next program that uses the card.
  auto channels = open_channels_;
  for (auto channel : channels) (void)close_logical_channel(channel);
  while (exclusive_depth_ > 0) end_exclusive();
}

Result<ResponseApdu> PcscTransport::exchange(ByteView command) {
  if (command.size() < 4)
    return fail(Errc::invalid_argument,
                fmt::format("{}: a command APDU has at least 4 bytes, not {}", description(), command.size()));
  Bytes response(kMaxResponseSize);
  DWORD length = static_cast<DWORD>(response.size());
  LONG rc = SCardTransmit(card_.get(), card_.send_pci(), command.data(), static_cast<DWORD>(command.size()), nullptr,
                          response.data(), &length);
  if (rc != SCARD_S_SUCCESS) {
    if (rc == SCARD_W_RESET_CARD) open_channels_.clear();  // a reset closes every channel
    return unexpected(pcsc_error(fmt::format("{}: {}", description(), iso7816::describe_command(command)), rc));
  }
  if (length < 2) return unexpected(classify_missing_status(command, length));
  response.resize(length);
  StatusWord status{static_cast<std::uint16_t>(response[length - 2] << 8 | response[length - 1])};
  response.resize(length - 2);
  return ResponseApdu{std::move(response), status};
}

Error PcscTransport::classify_missing_status(ByteView command, std::size_t length) {
  auto what = fmt::format("{}: {}", description(), iso7816::describe_command(command));
  auto deadline = std::chrono::steady_clock::now() + kRemovalSettleTime;
  while (true) {
    DWORD state = 0;
    DWORD protocol = 0;
    DWORD atr_length = MAX_ATR_SIZE;
    BYTE atr[MAX_ATR_SIZE];
    LONG rc = SCardStatus(card_.get(), nullptr, nullptr, &state, &protocol, atr, &atr_length);
    if (rc != SCARD_S_SUCCESS) {
      auto error = pcsc_error(what, rc);
      if (error.code == Errc::apdu_card_removed) error.message += " (the card answered nothing)";
      return error;
    }
    if ((state & SCARD_PRESENT) == 0)
      return Error{Errc::apdu_card_removed, fmt::format("{}: the card was removed", what)};
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(kRemovalPollInterval);
  }
  return Error{Errc::apdu_protocol_error,
               fmt::format("{}: the reader returned {} bytes, without a status word", what, length)};
}

Result<std::uint8_t> PcscTransport::open_logical_channel(ByteView aid) {
  auto channel = iso7816::open_channel_and_select([this](ByteView command) { return exchange(command); }, aid,
                                                  description());
  if (channel) open_channels_.insert(*channel);
  return channel;
}

Result<ResponseApdu> PcscTransport::transmit(std::uint8_t /*channel: already in CLA*/, ByteView command) {
  return exchange(command);
}

Result<void> PcscTransport::close_logical_channel(std::uint8_t channel) {
  open_channels_.erase(channel);
  return iso7816::close_channel([this](ByteView command) { return exchange(command); }, channel, description());
}

Result<void> PcscTransport::begin_exclusive() {
  if (exclusive_depth_ == 0) {
    LONG rc = SCardBeginTransaction(card_.get());
    if (rc != SCARD_S_SUCCESS) return unexpected(pcsc_error(description() + ": beginning a transaction", rc));
  }
  ++exclusive_depth_;
  return {};
}

void PcscTransport::end_exclusive() {
  if (exclusive_depth_ == 0) return;
  if (--exclusive_depth_ == 0) SCardEndTransaction(card_.get(), SCARD_LEAVE_CARD);
}

}  // namespace lpad::apdu::pcsc
