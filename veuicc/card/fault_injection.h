// Faults a test run switches on between a transport and the card: slow APDUs, a garbled or
// failed Nth response, and a card pulled out after N APDUs. APDUs count from 1 over the whole run
// (resets do not restart the count).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>

#include "veuicc/card/card_contacts.h"

namespace lpad::veuicc {

struct FaultPlan {
  std::chrono::milliseconds apdu_latency{0};
  std::optional<std::size_t> garble_apdu{};  // this APDU's response comes back with every bit flipped
  std::optional<std::size_t> fail_apdu{};   // this APDU is not processed and answered 6F00
  std::optional<std::size_t> remove_after{}; // after this many APDUs the card is gone for good

  bool any() const {
    return apdu_latency.count() > 0 || garble_apdu || fail_apdu || remove_after;
  }
};

// Safe to query from another thread than the transport's (counters are atomic).
class FaultInjectingContacts final : public CardContacts {
 public:
  // `card` must outlive this object.
  FaultInjectingContacts(CardContacts& card, FaultPlan plan) : card_(card), plan_(plan) {}

  bool present() const override;
  std::optional<Bytes> atr() const override;
  void power_on() override;
  void power_off() override;
  void reset() override;
  std::optional<Bytes> transmit(ByteView command) override;

  std::size_t apdu_count() const { return apdu_count_.load(); }

 private:
  CardContacts& card_;
  FaultPlan plan_;
  std::atomic<std::size_t> apdu_count_{0};
  std::atomic<bool> removed_{false};
};

}  // namespace lpad::veuicc
