// The LPA's ES10 client against the software eUICC in process: real ES10 application, real card
// OS, a transport that hands APDUs straight to the card.
#pragma once

#include <memory>
#include <optional>

#include "es10/isdr_channel.h"
#include "support/card_transport.h"
#include "unit/veuicc_application/application_fixture.h"
#include "veuicc/card/euicc_card.h"
#include "veuicc/card/fault_injection.h"

namespace lpad::test {

class Es10Test : public ApplicationTest {
 protected:
  // Starts the card with `state` and opens a channel to its ISD-R.
  void connect(const veuicc::EuiccState& state, veuicc::FaultPlan faults = {}, es10::ChannelOptions options = {}) {
    start(state);
    card_ = std::make_unique<veuicc::EuiccCard>(*app_, veuicc::CardOptions{});
    faulty_ = std::make_unique<veuicc::FaultInjectingContacts>(*card_, faults);
    transport_ = std::make_unique<CardTransport>(*faulty_);
    auto channel = es10::IsdrChannel::open(*transport_, options);
    ASSERT_TRUE(channel) << channel.error().describe();
    channel_.emplace(std::move(*channel));
  }

  static veuicc::EuiccState two_profiles() {
    veuicc::EuiccState state;
    state.profiles = recorded_two_profiles();
    return state;
  }

  es10::IsdrChannel& channel() { return *channel_; }

  std::unique_ptr<veuicc::EuiccCard> card_;
  std::unique_ptr<veuicc::FaultInjectingContacts> faulty_;
  std::unique_ptr<CardTransport> transport_;
  std::optional<es10::IsdrChannel> channel_;
};

inline Iccid iccid(std::string_view digits) { return *Iccid::from_digits(digits); }
inline constexpr std::string_view kEnabledIccid = "8949449999999990049";
inline constexpr std::string_view kDisabledIccid = "89000123456789012341";

}  // namespace lpad::test
