#include "apdu_backends/at/at_transport.h"

#include <fmt/format.h>

#include "apdu_backends/at/at_commands.h"
#include "apdu_backends/iso7816/class_byte.h"
#include "apdu_backends/iso7816/describe.h"
#include "apdu_backends/iso7816/manage_channel.h"

namespace lpad::apdu::at {

namespace {

// 3GPP TS 27.007 sections 8.17, 8.43, 8.45: the information lines' prefixes.
constexpr std::string_view kCsimPrefix = "+CSIM:";
constexpr std::string_view kCglaPrefix = "+CGLA:";
constexpr std::string_view kCchoPrefix = "+CCHO:";

Error in_context(Error error, std::string_view where) {
  error.message = fmt::format("{}: {}", where, error.message);
  return error;
}

}  // namespace

Result<std::unique_ptr<AtTransport>> AtTransport::open(const AtOptions& options) {
  auto port = SerialPort::open(options.device, options.baud_rate);
  if (!port) return unexpected(port.error());
  auto transport = std::make_unique<AtTransport>(AtCommandRunner(std::move(*port)), options, options.mode);
  auto& self = *transport;
  const auto timeout = options.timeouts.command;

  // V.250 6.2.4: echo off, so answers carry only answers (the parser copes with echo anyway).
  auto echo_off = self.runner_.run("ATE0", {}, "ATE0", timeout);
  if (!echo_off) {
    auto error = echo_off.error();
    if (error.code == Errc::apdu_timeout) error.message += "; is this the modem's AT port?";
    return unexpected(std::move(error));
  }
  // 27.007 9.1: numeric +CME ERROR codes instead of a bare ERROR; modems without it still work.
  auto numeric_errors = self.runner_.run("AT+CMEE=1", {}, "AT+CMEE=1", timeout);
  if (!numeric_errors) return unexpected(numeric_errors.error());

  if (self.mode_ == AtMode::automatic) {
    // A test command ("=?") answers OK when the modem knows the command.
    auto ccho = self.runner_.run("AT+CCHO=?", {}, "AT+CCHO=?", timeout);
    if (!ccho) return unexpected(ccho.error());
    if (ccho->ok()) {
      self.mode_ = AtMode::ccho;
    } else {
      auto csim = self.runner_.run("AT+CSIM=?", {}, "AT+CSIM=?", timeout);
      if (!csim) return unexpected(csim.error());
      if (!csim->ok())
        return fail(Errc::apdu_transport_failure,
                    fmt::format("{}: the modem has neither AT+CCHO/AT+CGLA nor AT+CSIM (it answered {} and {})",
                                self.description(), ccho->describe_final(), csim->describe_final()));
      self.mode_ = AtMode::csim;
    }
  }
  return transport;
}

AtTransport::~AtTransport() {
  // A channel left open stays open in the card until the modem resets it, and cards have few.
  auto channels = channels_;
  for (const auto& [channel, session] : channels) (void)close_logical_channel(channel);
}

TransportCapabilities AtTransport::capabilities() const {
  // 27.007 carries whatever the modem passes on; modems pass short APDUs only.
  return TransportCapabilities{.extended_length = false, .max_short_command_data = options_.max_command_data};
}

Result<AtAnswer> AtTransport::run_ok(std::string_view command, std::string_view information_prefix,
                                     std::string_view what, std::chrono::milliseconds timeout, Errc failure_code) {
  auto answer = runner_.run(command, information_prefix, what, timeout);
  if (!answer) return answer;
  if (answer->ok()) return answer;
  Errc code = answer->error_code == kCmeSimNotInserted ? Errc::apdu_card_removed : failure_code;
  std::string hint;
  if (answer->final_result == FinalResult::error && command.size() > 64)
    hint = fmt::format(" (the line had {} characters; a modem with a shorter line buffer says ERROR: try a smaller "
                       "maximum command size)",
                       command.size() + 1);
  return fail(code, fmt::format("{}: {}: the modem answered {}{}", description(), what, answer->describe_final(), hint));
}

Result<ResponseApdu> AtTransport::csim_exchange(ByteView apdu) {
  auto what = fmt::format("AT+CSIM with {}", iso7816::describe_command(apdu));
  auto answer = run_ok(csim_command(apdu), kCsimPrefix, what, options_.timeouts.apdu, Errc::apdu_transport_failure);
  if (!answer) return unexpected(answer.error());
  auto response = parse_apdu_answer(*answer, kCsimPrefix);
  if (!response) return unexpected(in_context(response.error(), fmt::format("{}: {}", description(), what)));
  return response;
}

Result<std::uint8_t> AtTransport::open_with_ccho(ByteView aid) {
  auto answer = run_ok(ccho_command(aid), kCchoPrefix, fmt::format("AT+CCHO for {}", to_hex(aid)),
                       options_.timeouts.apdu, Errc::apdu_no_channel);
  if (!answer) return unexpected(answer.error());
  auto session = parse_open_channel_answer(*answer);
  if (!session) return unexpected(in_context(session.error(), description()));

  // The layer above puts a channel number into CLA. Modems give out the card's channel number
  // as the session id, so that is the number to use; otherwise any free one (the modem then
  // puts its channel into CLA itself, as 27.007 leaves to it).
  std::uint8_t channel = 0;
  if (*session >= 1 && *session <= iso7816::kMaxLogicalChannel && !channels_.contains(static_cast<std::uint8_t>(*session))) {
    channel = static_cast<std::uint8_t>(*session);
  } else {
    for (std::uint8_t candidate = 1; candidate <= iso7816::kMaxLogicalChannel && channel == 0; ++candidate)
      if (!channels_.contains(candidate)) channel = candidate;
  }
  if (channel == 0) {
    (void)runner_.run(cchc_command(*session), {}, "AT+CCHC", options_.timeouts.command);
    return fail(Errc::apdu_no_channel, fmt::format("{}: all {} logical channels are in use", description(),
                                                   iso7816::kMaxLogicalChannel));
  }
  channels_[channel] = *session;
  return channel;
}

Result<std::uint8_t> AtTransport::open_logical_channel(ByteView aid) {
  if (mode_ == AtMode::ccho) return open_with_ccho(aid);
  auto channel = iso7816::open_channel_and_select([this](ByteView apdu) { return csim_exchange(apdu); }, aid,
                                                  description());
  if (channel) channels_[*channel] = *channel;
  return channel;
}

Result<ResponseApdu> AtTransport::transmit(std::uint8_t channel, ByteView command) {
  if (command.size() < 4)
    return fail(Errc::invalid_argument,
                fmt::format("{}: a command APDU has at least 4 bytes, not {}", description(), command.size()));
  if (mode_ == AtMode::csim) return csim_exchange(command);

  auto session = channels_.find(channel);
  if (session == channels_.end())
    return fail(Errc::apdu_no_channel, fmt::format("{}: {} on channel {}, which is not open", description(),
                                                   iso7816::describe_command(command), channel));
  auto what = fmt::format("AT+CGLA with {}", iso7816::describe_command(command));
  auto answer = run_ok(cgla_command(session->second, command), kCglaPrefix, what, options_.timeouts.apdu,
                       Errc::apdu_transport_failure);
  if (!answer) return unexpected(answer.error());
  auto response = parse_apdu_answer(*answer, kCglaPrefix);
  if (!response) return unexpected(in_context(response.error(), fmt::format("{}: {}", description(), what)));
  return response;
}

Result<void> AtTransport::close_logical_channel(std::uint8_t channel) {
  auto found = channels_.find(channel);
  if (found == channels_.end())
    return fail(Errc::apdu_no_channel, fmt::format("{}: channel {} is not open", description(), channel));
  unsigned session = found->second;
  channels_.erase(found);
  if (mode_ == AtMode::csim)
    return iso7816::close_channel([this](ByteView apdu) { return csim_exchange(apdu); }, channel, description());
  auto closed = run_ok(cchc_command(session), {}, fmt::format("AT+CCHC for channel {}", channel),
                       options_.timeouts.command, Errc::apdu_transport_failure);
  if (!closed) return unexpected(closed.error());
  return {};
}

}  // namespace lpad::apdu::at
