// One logical channel to an application on the card, with the ISO/IEC 7816-4 response rules
// applied: 61xx means "xx more bytes, fetch them with GET RESPONSE" (ETSI TS 102 221 7.3.1.1.5),
// 6Cxx means "resend with Le = xx". Counts APDUs and bytes for benchmarks and logs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "apdu_backends/iso7816/command_apdu.h"
#include "apdu_backends/transport.h"

namespace lpad::apdu::iso7816 {

struct ExchangeCounters {
  std::size_t apdus = 0;
  std::size_t bytes_sent = 0;
  std::size_t bytes_received = 0;
};

class ApduChannel {
 public:
  // The channel must have been opened on `transport`, which must outlive this object.
  ApduChannel(Transport& transport, std::uint8_t channel) : transport_(transport), channel_(channel) {}

  std::uint8_t number() const { return channel_; }
  Transport& transport() { return transport_; }

  // Sends the command (CLA from `base_cla` and the channel) and returns all response data with
  // the final status word, after following 61xx and 6Cxx.
  Result<ResponseApdu> exchange(std::uint8_t base_cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, ByteView data,
                                std::optional<std::size_t> ne);

  const ExchangeCounters& counters() const { return counters_; }
  void reset_counters() { counters_ = {}; }

 private:
  Result<ResponseApdu> send(ByteView apdu);

  Transport& transport_;
  std::uint8_t channel_;
  ExchangeCounters counters_;
};

}  // namespace lpad::apdu::iso7816
