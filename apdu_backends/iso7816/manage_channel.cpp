#include "apdu_backends/iso7816/manage_channel.h"

#include <fmt/format.h>

#include "apdu_backends/iso7816/class_byte.h"
#include "apdu_backends/iso7816/command_apdu.h"
#include "apdu_backends/iso7816/describe.h"

namespace lpad::apdu::iso7816 {

namespace {

// ISO/IEC 7816-4 section 11.1.2: MANAGE CHANNEL; P1 00 opens (the card picks the number and
// returns it in one byte), P1 80 closes the channel named in P2.
constexpr std::uint8_t kInsManageChannel = 0x70;
constexpr std::uint8_t kP1Open = 0x00;
constexpr std::uint8_t kP1Close = 0x80;
// Section 11.1.1: SELECT, P1 04 = by DF name (the AID), P2 00 = first occurrence, return FCI.
constexpr std::uint8_t kInsSelect = 0xA4;
constexpr std::uint8_t kP1SelectByName = 0x04;
constexpr std::uint8_t kInsGetResponse = 0xC0;
constexpr std::size_t kMaxAidSize = 16;
// A card that answers 61xx to every GET RESPONSE must not keep us forever; an FCI is small.
constexpr int kMaxGetResponses = 16;

Error with_status(Errc code, std::string message, StatusWord status) {
  return Error{code, std::move(message), std::nullopt, status};
}

// SELECT on `channel`, with the response fetched to the end so the card is ready for the next
// command; returns the final status word.
Result<StatusWord> select(const RawExchange& exchange, std::uint8_t channel, ByteView aid, std::string_view transport) {
  auto cla = class_byte(0x00, channel);
  if (!cla) return unexpected(cla.error());
  auto command = command_apdu({*cla, kInsSelect, kP1SelectByName, 0x00}, aid, 256, false);
  if (!command) return unexpected(command.error());
  auto response = exchange(*command);
  if (!response) return unexpected(response.error());
  if (response->status.sw1() == 0x6C) {
    std::size_t exact = response->status.sw2() == 0 ? 256 : response->status.sw2();
    command = command_apdu({*cla, kInsSelect, kP1SelectByName, 0x00}, aid, exact, false);
    response = exchange(*command);
    if (!response) return unexpected(response.error());
  }
  for (int i = 0; response->status.sw1() == 0x61; ++i) {
    if (i == kMaxGetResponses)
      return fail(Errc::apdu_protocol_error,
                  fmt::format("{}: SELECT (INS A4): the card keeps announcing more FCI data (61xx)", transport));
    std::size_t more = response->status.sw2() == 0 ? 256 : response->status.sw2();
    auto get = command_apdu({*cla, kInsGetResponse, 0x00, 0x00}, {}, more, false);
    response = exchange(*get);
    if (!response) return unexpected(response.error());
  }
  return response->status;
}

}  // namespace

Result<std::uint8_t> open_channel_and_select(const RawExchange& exchange, ByteView aid, std::string_view transport) {
  if (aid.empty() || aid.size() > kMaxAidSize)
    return fail(Errc::invalid_argument, fmt::format("{}: an AID has 1 to 16 bytes, not {}", transport, aid.size()));

  const Bytes open{0x00, kInsManageChannel, kP1Open, 0x00, 0x01};
  auto opened = exchange(open);
  if (!opened) return unexpected(opened.error());
  if (!opened->status.ok())
    return unexpected(with_status(Errc::apdu_no_channel,
                                  fmt::format("{}: MANAGE CHANNEL open (INS 70): the card answered {}", transport,
                                              describe_status(opened->status)),
                                  opened->status));
  if (opened->data.size() != 1 || opened->data[0] == 0 || opened->data[0] > kMaxLogicalChannel)
    return fail(Errc::apdu_protocol_error,
                fmt::format("{}: MANAGE CHANNEL open (INS 70): the card answered {} instead of a channel number 1-{}",
                            transport, to_hex(opened->data), kMaxLogicalChannel));
  std::uint8_t channel = opened->data[0];

  auto selected = select(exchange, channel, aid, transport);
  if (!selected || !selected->ok()) {
    (void)close_channel(exchange, channel, transport);  // the select failure is what matters
    if (!selected) return unexpected(selected.error());
    return unexpected(with_status(Errc::apdu_no_channel,
                                  fmt::format("{}: SELECT (INS A4) of {} on channel {}: the card answered {}",
                                              transport, to_hex(aid), channel, describe_status(*selected)),
                                  *selected));
  }
  return channel;
}

Result<void> close_channel(const RawExchange& exchange, std::uint8_t channel, std::string_view transport) {
  const Bytes close{0x00, kInsManageChannel, kP1Close, channel};
  auto closed = exchange(close);
  if (!closed) return unexpected(closed.error());
  if (!closed->status.ok())
    return unexpected(with_status(Errc::apdu_protocol_error,
                                  fmt::format("{}: MANAGE CHANNEL close (INS 70) of channel {}: the card answered {}",
                                              transport, channel, describe_status(closed->status)),
                                  closed->status));
  return {};
}

}  // namespace lpad::apdu::iso7816
