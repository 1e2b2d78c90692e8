#include "apdu_backends/iso7816/apdu_channel.h"

#include <fmt/format.h>

#include "apdu_backends/iso7816/class_byte.h"

namespace lpad::apdu::iso7816 {

namespace {
constexpr std::uint8_t kGetResponse = 0xC0;
// A card that keeps answering 61xx forever must not keep us forever: 64 KiB in 256-byte pieces
// plus margin.
constexpr int kMaxGetResponses = 300;
}  // namespace

Result<ResponseApdu> ApduChannel::send(ByteView apdu) {
  auto response = transport_.transmit(channel_, apdu);
  ++counters_.apdus;
  counters_.bytes_sent += apdu.size();
  if (response) counters_.bytes_received += response->data.size() + 2;
  return response;
}

Result<ResponseApdu> ApduChannel::exchange(std::uint8_t base_cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                                           ByteView data, std::optional<std::size_t> ne) {
  auto cla = class_byte(base_cla, channel_);
  if (!cla) return unexpected(cla.error());
  bool extended = transport_.capabilities().extended_length;
  auto apdu = command_apdu({*cla, ins, p1, p2}, data, ne, extended);
  if (!apdu) return unexpected(apdu.error());
  auto response = send(*apdu);
  if (!response) return response;

  if (response->status.sw1() == 0x6C) {
    // Wrong Le: the card says how many bytes it has; send the same command again asking for those.
    std::size_t exact = response->status.sw2() == 0 ? 256 : response->status.sw2();
    apdu = command_apdu({*cla, ins, p1, p2}, data, exact, extended);
    if (!apdu) return unexpected(apdu.error());
    response = send(*apdu);
    if (!response) return response;
  }

  Bytes collected = std::move(response->data);
  auto status = response->status;
  auto get_response_cla = class_byte(0x00, channel_);
  for (int i = 0; status.sw1() == 0x61; ++i) {
    if (i == kMaxGetResponses)
      return fail(Errc::apdu_protocol_error,
                  fmt::format("{}: the card keeps announcing more response data (61xx) after {} GET RESPONSE",
                              transport_.description(), kMaxGetResponses));
    std::size_t more = status.sw2() == 0 ? 256 : status.sw2();
    auto get = command_apdu({*get_response_cla, kGetResponse, 0x00, 0x00}, {}, more, false);
    auto piece = send(*get);
    if (!piece) return piece;
    collected.insert(collected.end(), piece->data.begin(), piece->data.end());
    status = piece->status;
  }
  return ResponseApdu{std::move(collected), status};
}

}  // namespace lpad::apdu::iso7816
