// A card session on one eUICC's device, as the daemon holds it: for a ModemManager modem the
// modem's inhibition comes first and goes last, so ModemManager never touches the port while
// lpad's session is open, and gets it back however the session ends.
#pragma once

#include <memory>

#include "engine/card_session.h"
#include "lpad/euicc_device.h"
#include "lpad/modem_inhibition.h"

namespace lpad::daemon {

class DeviceSession {
  struct Key {};

 public:
  static Result<std::unique_ptr<DeviceSession>> open(const EuiccDevice& device);

  DeviceSession(Key, std::unique_ptr<ModemInhibition> inhibition, std::unique_ptr<engine::CardSession> card)
      : inhibition_(std::move(inhibition)), card_(std::move(card)) {}

  engine::CardSession& card() { return *card_; }
  es10::IsdrChannel& channel() { return card_->channel(); }

 private:
  std::unique_ptr<ModemInhibition> inhibition_;  // first: released after the card session closed
  std::unique_ptr<engine::CardSession> card_;
};

}  // namespace lpad::daemon
