#include "es10/isdr_channel.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace lpad::es10 {

namespace {

// GlobalPlatform STORE DATA as SGP.22 section 5.7.2 uses it.
constexpr std::uint8_t kStoreDataCla = 0x80;
constexpr std::uint8_t kStoreDataIns = 0xE2;
constexpr std::uint8_t kMoreBlocks = 0x11;
constexpr std::uint8_t kLastBlock = 0x91;
constexpr std::size_t kExtendedMaxData = 65535;

std::size_t block_size_for(const apdu::TransportCapabilities& caps, std::size_t limit) {
  std::size_t size = caps.extended_length ? kExtendedMaxData : caps.max_short_command_data;
  return limit == 0 ? size : std::min(size, limit);
}

}  // namespace

IsdrChannel::IsdrChannel(apdu::Transport& transport, std::uint8_t channel, std::size_t block_size)
    : channel_(std::in_place, transport, channel), block_size_(block_size) {}

IsdrChannel::IsdrChannel(IsdrChannel&& other) noexcept
    : channel_(std::move(other.channel_)), block_size_(other.block_size_), open_(std::exchange(other.open_, false)) {}

IsdrChannel::~IsdrChannel() { (void)close(); }

Result<IsdrChannel> IsdrChannel::open(apdu::Transport& transport, const ChannelOptions& options) {
  if (options.isdr_aids.empty()) return fail(Errc::invalid_argument, "no ISD-R AID configured");
  Error last{Errc::apdu_no_channel, "no ISD-R AID selected", std::nullopt};
  for (const auto& aid : options.isdr_aids) {
    auto channel = transport.open_logical_channel(aid);
    if (channel) return IsdrChannel(transport, *channel, block_size_for(transport.capabilities(), options.max_block_size));
    last = channel.error();
    // Only a missing application is worth another AID; a dead transport is not.
    if (last.code != Errc::apdu_no_channel) break;
  }
  last.message = fmt::format("{}: cannot open a channel to the eUICC's ISD-R: {}", transport.description(), last.message);
  return unexpected(last);
}

Result<Bytes> IsdrChannel::command(ByteView es10_command) {
  std::size_t blocks = std::max<std::size_t>(1, (es10_command.size() + block_size_ - 1) / block_size_);
  if (blocks > 256)
    return fail(Errc::invalid_argument, fmt::format("an ES10 command of {} bytes needs more than 256 STORE DATA blocks", es10_command.size()));
  // Expected length: 256 (short) or 65536 (extended) asks for whatever the card has.
  std::size_t ne = transport().capabilities().extended_length ? 65536 : 256;
  for (std::size_t i = 0; i < blocks; ++i) {
    auto block = es10_command.subspan(i * block_size_, std::min(block_size_, es10_command.size() - i * block_size_));
    bool last = i + 1 == blocks;
    auto response = channel_->exchange(kStoreDataCla, kStoreDataIns, last ? kLastBlock : kMoreBlocks,
                                       static_cast<std::uint8_t>(i), block, last ? std::optional<std::size_t>(ne) : std::nullopt);
    if (!response) return unexpected(response.error());
    if (!response->status.ok()) {
      Error e{Errc::es10_unexpected_status,
              fmt::format("{}: the eUICC refused STORE DATA block {} of {} (tag {:02X}{:02X}) with status {}", transport().description(), i + 1,
                          blocks, es10_command.size() > 0 ? es10_command[0] : 0, es10_command.size() > 1 ? es10_command[1] : 0,
                          response->status.to_string())};
      e.status = response->status;
      return unexpected(e);
    }
    if (last) return std::move(response->data);
    if (!response->data.empty())
      return fail(Errc::apdu_protocol_error, fmt::format("{}: the eUICC answered data to an intermediate STORE DATA block", transport().description()));
  }
  return Bytes{};
}

Result<void> IsdrChannel::close() {
  if (!open_) return {};
  open_ = false;
  return channel_->transport().close_logical_channel(channel_->number());
}

}  // namespace lpad::es10
