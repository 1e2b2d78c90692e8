// What a reader sees of a card: presence, power, reset and the APDU exchange. Transports (the
// vpcd link, the AT modem) drive this interface; the card OS and the fault injector implement it.
#pragma once

#include <optional>

#include "core/bytes.h"

namespace lpad::veuicc {

class CardContacts {
 public:
  virtual ~CardContacts() = default;

  virtual bool present() const = 0;
  // The ATR; nothing when no card is present.
  virtual std::optional<Bytes> atr() const = 0;
  virtual void power_on() = 0;
  virtual void power_off() = 0;
  virtual void reset() = 0;
  // The response APDU (data and SW1 SW2); nothing when the card stays mute (no power, removed).
  virtual std::optional<Bytes> transmit(ByteView command) = 0;
};

}  // namespace lpad::veuicc
