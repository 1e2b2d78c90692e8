// A stand-in for the ES10 application, for veuicc tests only: GetEuiccData (BF3E) answers a fixed
// EID, a command that is not a BER-TLV gets 6A80, anything else is echoed back. It records what
// it saw so tests can check reassembly and reset handling.
#pragma once

#include <cstddef>
#include <vector>

#include "core/bytes.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"
#include "veuicc/card/es10_application.h"

namespace lpad::test {

class StandInEs10 final : public veuicc::Es10Application {
 public:
  // SGP.26 test eUICC's EID, 89049032123451234512345678901235.
  static constexpr std::uint8_t kEid[16] = {0x89, 0x04, 0x90, 0x32, 0x12, 0x34, 0x51, 0x23,
                                            0x45, 0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x35};

  veuicc::Es10Response process(ByteView command, const veuicc::Es10Context& context) override {
    commands.emplace_back(command.begin(), command.end());
    channels.push_back(context.logical_channel);
    auto node = tlv::decode(command);
    if (!node) return unexpected(veuicc::sw::incorrect_data);
    if (node->tag() == tlv::Tag{0xBF3E})
      return tlv::Element::constructed(tlv::Tag{0xBF3E}, {tlv::octets(tlv::Tag{0x5A}, ByteView(kEid))}).encode();
    return Bytes(command.begin(), command.end());
  }

  void on_card_reset() override { ++resets; }

  std::vector<Bytes> commands;
  std::vector<std::uint8_t> channels;
  std::size_t resets = 0;
};

}  // namespace lpad::test
