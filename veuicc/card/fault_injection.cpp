#include "veuicc/card/fault_injection.h"

#include <thread>

#include "veuicc/card/status_word.h"

namespace lpad::veuicc {

bool FaultInjectingContacts::present() const {
  if (plan_.remove_after == std::size_t{0}) return false;
  return !removed_.load() && card_.present();
}

std::optional<Bytes> FaultInjectingContacts::atr() const {
  if (!present()) return std::nullopt;
  return card_.atr();
}

void FaultInjectingContacts::power_on() {
  if (present()) card_.power_on();
}

void FaultInjectingContacts::power_off() { card_.power_off(); }

void FaultInjectingContacts::reset() {
  if (present()) card_.reset();
}

std::optional<Bytes> FaultInjectingContacts::transmit(ByteView command) {
  if (!present()) return std::nullopt;
  std::size_t n = ++apdu_count_;
  if (plan_.apdu_latency.count() > 0) std::this_thread::sleep_for(plan_.apdu_latency);
  if (plan_.remove_after && n >= *plan_.remove_after) removed_ = true;

  if (plan_.fail_apdu == n) return response_apdu(sw::no_precise_diagnosis);
  auto response = card_.transmit(command);
  if (response && plan_.garble_apdu == n)
    for (auto& byte : *response) byte = static_cast<std::uint8_t>(~byte);
  return response;
}

}  // namespace lpad::veuicc
