#include "apdu_backends/pcsc/pcsc_transport.h"

#include <fmt/format.h>

#include <chrono>
#include <thread>

#include "apdu_backends/iso7816/atr.h"
#include "apdu_backends/iso7816/describe.h"
#include "apdu_backends/iso7816/manage_channel.h"
#include "apdu_backends/pcsc/reader_choice.h"
#include "apdu_backends/pcsc/time_limited_call.h"

namespace lpad::apdu::pcsc {

namespace {

// ISO/IEC 7816-4 section 5.1: the largest response is 65536 data bytes and SW1 SW2.
constexpr std::size_t kMaxResponseSize = 65536 + 2;
// pcscd polls a reader for card presence every 400 ms (PCSCLITE_STATUS_POLL_RATE); wait a little
// longer than that before deciding a card that answered nothing is still there.
constexpr auto kRemovalSettleTime = std::chrono::milliseconds(1000);
constexpr auto kRemovalPollInterval = std::chrono::milliseconds(50);

struct CardStatus {
  LONG rc;
  DWORD state;
  Bytes atr;
};

// SCardStatus; nullopt when pcscd did not answer within `limit`.
std::optional<CardStatus> card_status(SCARDHANDLE card, std::chrono::milliseconds limit) {
  return call_with_time_limit(limit, [card] {
    CardStatus status{SCARD_S_SUCCESS, 0, Bytes(MAX_ATR_SIZE)};
    DWORD atr_length = static_cast<DWORD>(status.atr.size());
    DWORD protocol = 0;
    status.rc = SCardStatus(card, nullptr, nullptr, &status.state, &protocol, status.atr.data(), &atr_length);
    status.atr.resize(status.rc == SCARD_S_SUCCESS ? atr_length : 0);
    return status;
  });
}

// A handle whose call did not return is left to that call: releasing it would wait for it.
template <class T>
Result<T> abandon_if_stuck(Result<T> result, PcscContext& context) {
  if (!result && result.error().code == Errc::apdu_timeout) context.abandon();
  return result;
}

}  // namespace

Result<std::vector<std::string>> list_pcsc_readers(std::chrono::milliseconds limit) {
  auto context = PcscContext::establish(limit);
  if (!context) return unexpected(context.error());
  return abandon_if_stuck(context->list_readers(limit), *context);
}

Result<std::vector<PcscReaderStatus>> pcsc_reader_status(std::chrono::milliseconds limit) {
  auto context = PcscContext::establish(limit);
  if (!context) return unexpected(context.error());
  auto readers = abandon_if_stuck(context->list_readers(limit), *context);
  if (!readers) return unexpected(readers.error());
  std::vector<SCARD_READERSTATE> states(readers->size());
  for (std::size_t i = 0; i < readers->size(); ++i) {
    states[i].szReader = (*readers)[i].c_str();
    states[i].dwCurrentState = SCARD_STATE_UNAWARE;
  }
  std::vector<PcscReaderStatus> out;
  // A zero timeout only reads the current states; it does not wait for a change.
  LONG rc = states.empty() ? SCARD_S_SUCCESS : SCardGetStatusChange(context->get(), 0, states.data(), static_cast<DWORD>(states.size()));
  if (rc != SCARD_S_SUCCESS && rc != SCARD_E_TIMEOUT) return unexpected(pcsc_error("pcsc: reader status", rc));
  for (std::size_t i = 0; i < readers->size(); ++i)
    out.push_back({(*readers)[i], rc == SCARD_S_SUCCESS && (states[i].dwEventState & SCARD_STATE_PRESENT) != 0});
  return out;
}

Result<std::unique_ptr<PcscTransport>> PcscTransport::open(const PcscOptions& options) {
  const auto limit = options.timeouts.command;
  auto context = PcscContext::establish(limit);
  if (!context) return unexpected(context.error());
  auto readers = abandon_if_stuck(context->list_readers(limit), *context);
  if (!readers) return unexpected(readers.error());
  auto reader = choose_reader(*readers, options.reader);
  if (!reader) return unexpected(reader.error());
  auto card = abandon_if_stuck(PcscCardHandle::connect(*context, *reader, limit), *context);
  if (!card) return unexpected(card.error());
  auto status = card_status(card->get(), limit);
  if (!status) {
    card->abandon();
    context->abandon();
    return unexpected(pcsc_no_answer(fmt::format("pcsc:{}: reading the ATR", *reader), limit));
  }
  if (status->rc != SCARD_S_SUCCESS)
    return unexpected(pcsc_error(fmt::format("pcsc:{}: reading the ATR", *reader), status->rc));
  auto atr = std::move(status->atr);

  TransportCapabilities capabilities;
  if (options.extended_length) {
    capabilities.extended_length = *options.extended_length;
  } else {
    auto from_atr = iso7816::read_atr_capabilities(atr);
    capabilities.extended_length =
        from_atr && from_atr->extended_length && card->protocol() == SCARD_PROTOCOL_T1;
  }
  return std::make_unique<PcscTransport>(std::move(*context), std::move(*card), std::move(*reader), std::move(atr),
                                         capabilities, options.timeouts);
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
  if (stuck_) return unexpected(*stuck_);
  struct Answer {
    LONG rc;
    Bytes response;
  };
  auto answer = call_with_time_limit(timeouts_.apdu, [card = card_.get(), pci = card_.send_pci(),
                                                      command = Bytes(command.begin(), command.end())] {
    Answer a{SCARD_S_SUCCESS, Bytes(kMaxResponseSize)};
    DWORD length = static_cast<DWORD>(a.response.size());
    a.rc = SCardTransmit(card, pci, command.data(), static_cast<DWORD>(command.size()), nullptr, a.response.data(),
                         &length);
    a.response.resize(a.rc == SCARD_S_SUCCESS ? length : 0);
    return a;
  });
  auto what = [&] { return fmt::format("{}: {}", description(), iso7816::describe_command(command)); };
  if (!answer) return unexpected(no_answer(what(), timeouts_.apdu));
  if (answer->rc != SCARD_S_SUCCESS) {
    if (answer->rc == SCARD_W_RESET_CARD) open_channels_.clear();  // a reset closes every channel
    return unexpected(pcsc_error(what(), answer->rc));
  }
  auto& response = answer->response;
  const std::size_t length = response.size();
  if (length < 2) return unexpected(classify_missing_status(command, length));
  StatusWord status{static_cast<std::uint16_t>(response[length - 2] << 8 | response[length - 1])};
  response.resize(length - 2);
  return ResponseApdu{std::move(response), status};
}

Error PcscTransport::classify_missing_status(ByteView command, std::size_t length) {
  auto what = fmt::format("{}: {}", description(), iso7816::describe_command(command));
  auto deadline = std::chrono::steady_clock::now() + kRemovalSettleTime;
  while (true) {
    auto status = card_status(card_.get(), timeouts_.command);
    if (!status) return no_answer(what, timeouts_.command);
    if (status->rc != SCARD_S_SUCCESS) {
      auto error = pcsc_error(what, status->rc);
      if (error.code == Errc::apdu_card_removed) error.message += " (the card answered nothing)";
      return error;
    }
    if ((status->state & SCARD_PRESENT) == 0)
      return Error{Errc::apdu_card_removed, fmt::format("{}: the card was removed", what)};
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(kRemovalPollInterval);
  }
  return Error{Errc::apdu_protocol_error,
               fmt::format("{}: the reader returned {} bytes, without a status word", what, length)};
}

Error PcscTransport::no_answer(std::string_view what, std::chrono::milliseconds limit) {
  stuck_ = pcsc_no_answer(what, limit);
  card_.abandon();
  context_.abandon();
  return *stuck_;
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
    if (stuck_) return unexpected(*stuck_);
    // pcsc-lite retries for as long as another program holds a transaction on the card. If it gets
    // the card after we gave up, the transaction would hold the card from every other program for
    // as long as this process lives: end it then, and let go of the handles no_answer() abandoned.
    auto rc = call_with_time_limit(
        timeouts_.apdu, [card = card_.get()] { return SCardBeginTransaction(card); },
        [card = card_.get(), context = context_.get()](LONG late) {
          if (late == SCARD_S_SUCCESS) SCardEndTransaction(card, SCARD_LEAVE_CARD);
          SCardDisconnect(card, SCARD_LEAVE_CARD);
          SCardReleaseContext(context);
        });
    auto what = description() + ": beginning a transaction";
    if (!rc) return unexpected(no_answer(what + " (another program may be holding the card)", timeouts_.apdu));
    if (*rc != SCARD_S_SUCCESS) return unexpected(pcsc_error(what, *rc));
  }
  ++exclusive_depth_;
  return {};
}

void PcscTransport::end_exclusive() {
  if (exclusive_depth_ == 0) return;
  if (--exclusive_depth_ != 0 || stuck_) return;
  auto rc = call_with_time_limit(timeouts_.command,
                                 [card = card_.get()] { return SCardEndTransaction(card, SCARD_LEAVE_CARD); });
  if (!rc) (void)no_answer(description() + ": ending a transaction", timeouts_.command);
}

}  // namespace lpad::apdu::pcsc
