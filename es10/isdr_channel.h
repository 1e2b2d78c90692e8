// A logical channel to the ISD-R, the eUICC's application that serves ES10 (SGP.22 section
// 2.2.3), and the STORE DATA transport of ES10 commands over it (SGP.22 section 5.7.2): each
// DER-encoded command is cut into blocks (P1 11 = more blocks, 91 = last; P2 = block number),
// the response is collected with GET RESPONSE. Closes its channel when destroyed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "apdu_backends/iso7816/apdu_channel.h"
#include "apdu_backends/transport.h"
#include "core/bytes.h"
#include "core/error.h"

namespace lpad::es10 {

// SGP.22 section 2.2.3: the ISD-R AID. Some eUICCs answer on other AIDs; those are tried after.
inline const Bytes kIsdrAid{0xA0, 0x00, 0x00, 0x05, 0x59, 0x10, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0x89, 0x00, 0x00, 0x01, 0x00};

struct ChannelOptions {
  std::vector<Bytes> isdr_aids{kIsdrAid};
  // Upper bound for one STORE DATA block. 0: as large as the transport allows (255 with short
  // APDUs, which is twice lpac's 120; up to 65535 with extended length). Some readers need less.
  std::size_t max_block_size = 0;
};

class IsdrChannel {
 public:
  // Opens a channel to the first AID of `options.isdr_aids` that selects.
  static Result<IsdrChannel> open(apdu::Transport& transport, const ChannelOptions& options = {});

  IsdrChannel(IsdrChannel&& other) noexcept;
  IsdrChannel& operator=(IsdrChannel&&) = delete;
  IsdrChannel(const IsdrChannel&) = delete;
  ~IsdrChannel();

  // Sends one ES10 command (a whole DER TLV, or a piece of a BPP) and returns the response data.
  // A final status other than 9000 is es10.unexpected-status carrying the status word.
  Result<Bytes> command(ByteView es10_command);

  // The block size in use: what the transport and the options allow.
  std::size_t block_size() const { return block_size_; }
  const apdu::iso7816::ExchangeCounters& counters() const { return channel_->counters(); }
  void reset_counters() { channel_->reset_counters(); }
  apdu::Transport& transport() { return channel_->transport(); }

  // Closes now and reports a failure (the destructor closes silently).
  Result<void> close();

 private:
  IsdrChannel(apdu::Transport& transport, std::uint8_t channel, std::size_t block_size);

  std::optional<apdu::iso7816::ApduChannel> channel_;
  std::size_t block_size_;
  bool open_ = true;
};

}  // namespace lpad::es10
