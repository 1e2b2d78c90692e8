// NotificationEvent ::= BIT STRING { notificationInstall(0), notificationEnable(1),
// notificationDisable(2), notificationDelete(3) } (SGP.22 section 5.7.9).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "tlv/bit_string.h"

namespace lpad::rsp {

enum class NotificationEvent : std::uint8_t { install = 0, enable = 1, disable = 2, delete_profile = 3 };

std::string_view to_string(NotificationEvent event);

// A set of events, as NotificationConfigurationInformation names several at once.
class NotificationEvents {
 public:
  NotificationEvents() = default;
  NotificationEvents(std::initializer_list<NotificationEvent> events) {
    for (auto e : events) add(e);
  }
  void add(NotificationEvent e) { bits_ |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(e)); }
  bool contains(NotificationEvent e) const { return (bits_ >> static_cast<unsigned>(e)) & 1u; }
  bool empty() const { return bits_ == 0; }
  // The one event of a NotificationMetadata ("only one bit SHALL be set"), if exactly one is set.
  std::optional<NotificationEvent> single() const;

  tlv::BitString to_bits() const;
  static NotificationEvents from_bits(const tlv::BitString& bits);

  bool operator==(const NotificationEvents&) const = default;

 private:
  std::uint8_t bits_ = 0;
};

}  // namespace lpad::rsp
