#include "veuicc/card/euicc_card.h"

#include <algorithm>
#include <vector>

#include "tlv/builder.h"
#include "tlv/decoder.h"
#include "veuicc/card/aid.h"
#include "veuicc/card/atr.h"

namespace lpad::veuicc {
namespace {

// ISO/IEC 7816-4 section 11 and ETSI TS 102 221 section 10.1.2: instruction bytes.
constexpr std::uint8_t kInsManageChannel = 0x70;
constexpr std::uint8_t kInsSelect = 0xA4;
constexpr std::uint8_t kInsGetResponse = 0xC0;
constexpr std::uint8_t kInsStoreData = 0xE2;            // GlobalPlatform, SGP.22 section 5.7.2
constexpr std::uint8_t kInsTerminalCapability = 0xAA;   // ETSI TS 102 221 section 11.1.19

// ISO/IEC 7816-4 section 11.1.2: MANAGE CHANNEL P1.
constexpr std::uint8_t kManageChannelOpen = 0x00;
constexpr std::uint8_t kManageChannelClose = 0x80;

// ISO/IEC 7816-4 section 11.2.2, table 39: SELECT P1 04 = by DF name (AID); P1 values that
// select by file identifier or path, a file system this card does not model.
constexpr std::uint8_t kSelectByDfName = 0x04;
constexpr std::uint8_t kSelectFileMethods[] = {0x00, 0x01, 0x02, 0x03, 0x08, 0x09};
// Table 40: P2 b2-b1 occurrence, b4-b3 what to return.
constexpr std::uint8_t kSelectOccurrenceMask = 0x03;
constexpr std::uint8_t kSelectFirstOccurrence = 0x00;
constexpr std::uint8_t kSelectResponseMask = 0x0C;
constexpr std::uint8_t kSelectNoResponseData = 0x0C;
constexpr std::uint8_t kSelectReservedMask = 0xF0;
// ISO/IEC 7816-4 section 8.2.1.2: an application identifier has 5 to 16 bytes; a shorter DF
// name in SELECT is a right-truncated (partial) AID.
constexpr std::size_t kMinAidSize = 5;
constexpr std::size_t kMaxAidSize = 16;

// GlobalPlatform Card Specification section 11.9.3.1: FCI template, AID, proprietary data with
// the maximum length of data in a command message.
constexpr tlv::Tag kFciTemplate{0x6F};
constexpr tlv::Tag kFciAid{0x84};
constexpr tlv::Tag kFciProprietary{0xA5};
constexpr tlv::Tag kFciMaxCommandLength{0x9F65};
constexpr std::uint8_t kMaxShortCommandData = 0xFF;

// ETSI TS 102 221 section 11.1.19.2: the terminal capability template.
constexpr tlv::Tag kTerminalCapabilityTemplate{0xA9};

bool matches_aid(ByteView name, ByteView aid) {
  return name.size() >= kMinAidSize && name.size() <= aid.size() &&
         std::equal(name.begin(), name.end(), aid.begin());
}

Bytes build_fci(ByteView aid) {
  return tlv::Element::constructed(kFciTemplate, {
             tlv::octets(kFciAid, aid),
             tlv::Element::constructed(kFciProprietary, {
                 tlv::octets(kFciMaxCommandLength, Bytes{kMaxShortCommandData})})})
      .encode();
}

}  // namespace

EuiccCard::EuiccCard(Es10Application& application, CardOptions options)
    : application_(application), options_(options) {
  options_.logical_channels = std::clamp<std::uint8_t>(options_.logical_channels, 1, kMaxLogicalChannels);
  channels_.reserve(options_.logical_channels);
  for (std::size_t i = 0; i < options_.logical_channels; ++i) channels_.emplace_back(options_.max_es10_command_size);
  drop_session_state();
}

std::optional<Bytes> EuiccCard::atr() const {
  return build_atr({.offer_t1 = options_.offer_t1, .extended_length = options_.extended_length});
}

// Every power cycle and reset closes the logical channels, forgets selections, unfinished
// STORE DATA chains and unfetched responses (ETSI TS 102 221 section 6.2), and ends the ES10
// session.
void EuiccCard::drop_session_state() {
  for (auto& channel : channels_) {
    channel.open = false;
    channel.selected = Selected::none;
    channel.store_data.clear();
    channel.responses.clear();
  }
  channels_[0].open = true;
}

void EuiccCard::power_on() {
  drop_session_state();
  application_.on_card_reset();
  powered_ = true;
}

void EuiccCard::power_off() {
  drop_session_state();
  application_.on_card_reset();
  powered_ = false;
}

void EuiccCard::reset() { power_on(); }

std::optional<Bytes> EuiccCard::transmit(ByteView command) {
  if (!powered_) return std::nullopt;
  if (command.size() < 4) return response_apdu(sw::wrong_length);

  auto cla = decode_class_byte(command[0]);
  if (!cla) return response_apdu(sw::class_not_supported);
  if (cla->channel >= channels_.size() || !channels_[cla->channel].open)
    return response_apdu(sw::logical_channel_not_supported);
  if (cla->secure_messaging) return response_apdu(sw::secure_messaging_not_supported);
  if (cla->command_chaining) return response_apdu(sw::command_chaining_not_supported);

  auto cmd = parse_command_apdu(command, options_.extended_length);
  if (!cmd) return response_apdu(cmd.error());
  return dispatch(*cmd, *cla);
}

Bytes EuiccCard::dispatch(const CommandApdu& cmd, const ClassByte& cla) {
  Channel& channel = channels_[cla.channel];
  // Hosts send GET RESPONSE with the class of the command it follows, either form is accepted.
  if (cmd.ins == kInsGetResponse) return get_response(cmd, channel);
  channel.responses.clear();  // any other command forfeits an unfetched response

  switch (cmd.ins) {
    case kInsManageChannel:
      if (cla.proprietary) return response_apdu(sw::class_not_supported);
      return manage_channel(cmd, cla);
    case kInsSelect:
      if (cla.proprietary) return response_apdu(sw::class_not_supported);
      return select(cmd, channel);
    case kInsStoreData:
      if (!cla.proprietary) return response_apdu(sw::class_not_supported);
      return store_data(cmd, cla.channel, channel);
    case kInsTerminalCapability:
      if (!cla.proprietary) return response_apdu(sw::class_not_supported);
      return terminal_capability(cmd);
    default:
      return response_apdu(sw::instruction_not_supported);
  }
}

Bytes EuiccCard::manage_channel(const CommandApdu& cmd, const ClassByte& cla) {
  if (!cmd.data.empty()) return response_apdu(sw::wrong_length);

  if (cmd.p1 == kManageChannelOpen) {
    std::size_t target = cmd.p2;
    if (target == 0) {  // the card chooses
      auto free = std::find_if(channels_.begin() + 1, channels_.end(), [](const Channel& c) { return !c.open; });
      if (free == channels_.end()) return response_apdu(sw::function_not_supported);
      target = static_cast<std::size_t>(free - channels_.begin());
    } else if (target >= kMaxLogicalChannels) {
      return response_apdu(sw::incorrect_p1_p2);
    } else if (target >= channels_.size()) {
      return response_apdu(sw::logical_channel_not_supported);
    } else if (channels_[target].open) {
      return response_apdu(sw::function_not_supported);
    }
    Channel& opened = channels_[target];
    opened.open = true;
    // ISO/IEC 7816-4 section 11.1.2: opened from another non-basic channel, the new channel
    // starts with that channel's selection; opened from the basic channel, with none.
    opened.selected = cla.channel == 0 ? Selected::none : channels_[cla.channel].selected;
    opened.store_data.clear();
    opened.responses.clear();
    if (cmd.p2 != 0) return response_apdu(sw::ok);
    return response_apdu(Bytes{static_cast<std::uint8_t>(target)}, sw::ok);
  }

  if (cmd.p1 == kManageChannelClose) {
    std::size_t target = cmd.p2 == 0 ? cla.channel : cmd.p2;
    if (target == 0 || target >= kMaxLogicalChannels) return response_apdu(sw::incorrect_p1_p2);
    if (target >= channels_.size() || !channels_[target].open)
      return response_apdu(sw::logical_channel_not_supported);
    Channel& closed = channels_[target];
    closed.open = false;
    closed.selected = Selected::none;
    closed.store_data.clear();
    closed.responses.clear();
    return response_apdu(sw::ok);
  }
  return response_apdu(sw::incorrect_p1_p2);
}

Bytes EuiccCard::select(const CommandApdu& cmd, Channel& channel) {
  if (std::find(std::begin(kSelectFileMethods), std::end(kSelectFileMethods), cmd.p1) !=
      std::end(kSelectFileMethods))
    return response_apdu(sw::not_found);
  if (cmd.p1 != kSelectByDfName || (cmd.p2 & kSelectReservedMask) != 0) return response_apdu(sw::incorrect_p1_p2);
  if (cmd.data.empty() || cmd.data.size() > kMaxAidSize) return response_apdu(sw::wrong_length);
  // Each AID names one application here: a "next occurrence" never exists.
  if ((cmd.p2 & kSelectOccurrenceMask) != kSelectFirstOccurrence) return response_apdu(sw::not_found);

  Selected found = Selected::none;
  ByteView aid;
  if (matches_aid(cmd.data, kIsdRAid)) {
    found = Selected::isd_r;
    aid = kIsdRAid;
  } else if (matches_aid(cmd.data, kEcasdAid)) {
    found = Selected::ecasd;
    aid = kEcasdAid;
  } else {
    return response_apdu(sw::not_found);  // the previous selection stays
  }

  channel.selected = found;
  channel.store_data.clear();
  if ((cmd.p2 & kSelectResponseMask) == kSelectNoResponseData) return response_apdu(sw::ok);
  return respond(channel, build_fci(aid), cmd.ne);
}

Bytes EuiccCard::get_response(const CommandApdu& cmd, Channel& channel) {
  if (cmd.p1p2() != 0) return response_apdu(sw::incorrect_p1_p2);
  if (!cmd.data.empty()) return response_apdu(sw::wrong_length);
  if (!channel.responses.pending()) return response_apdu(sw::conditions_not_satisfied);
  return channel.responses.take_response_apdu(std::min(cmd.ne.value_or(kMaxShortNe), options_.max_response_data));
}

Bytes EuiccCard::store_data(const CommandApdu& cmd, std::uint8_t channel_number, Channel& channel) {
  if (channel.selected != Selected::isd_r) return response_apdu(sw::conditions_not_satisfied);
  if (cmd.data.empty()) return response_apdu(sw::wrong_length);

  auto block = channel.store_data.add_block(cmd.p1, cmd.p2, cmd.data);
  if (!block) return response_apdu(block.error());
  if (!block->has_value()) return response_apdu(sw::ok);  // more blocks to come

  auto response = application_.process(**block, Es10Context{channel_number});
  if (!response) return response_apdu(response.error());
  return respond(channel, std::move(*response), cmd.ne);
}

Bytes EuiccCard::terminal_capability(const CommandApdu& cmd) {
  if (cmd.p1p2() != 0) return response_apdu(sw::incorrect_p1_p2);
  if (cmd.data.empty()) return response_apdu(sw::wrong_length);
  if (!tlv::decode(cmd.data, kTerminalCapabilityTemplate)) return response_apdu(sw::incorrect_data);
  return response_apdu(sw::ok);
}

Bytes EuiccCard::respond(Channel& channel, Bytes data, std::optional<std::size_t> ne) {
  if (data.empty()) return response_apdu(sw::ok);
  channel.responses.load(std::move(data));
  // Without Le (case 3, the T=0 way), everything waits for GET RESPONSE.
  if (!ne) return response_apdu(sw::bytes_remaining(channel.responses.remaining()));
  return channel.responses.take_response_apdu(std::min(*ne, options_.max_response_data));
}

}  // namespace lpad::veuicc
