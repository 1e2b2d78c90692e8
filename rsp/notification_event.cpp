#include "rsp/notification_event.h"

#include <vector>

namespace lpad::rsp {

namespace {
constexpr unsigned kEventCount = 4;
}

std::string_view to_string(NotificationEvent event) {
  switch (event) {
    case NotificationEvent::install: return "install";
    case NotificationEvent::enable: return "enable";
    case NotificationEvent::disable: return "disable";
    case NotificationEvent::delete_profile: return "delete";
  }
  return "unknown";
}

std::optional<NotificationEvent> NotificationEvents::single() const {
  std::optional<NotificationEvent> found;
  for (unsigned i = 0; i < kEventCount; ++i) {
    if (!contains(static_cast<NotificationEvent>(i))) continue;
    if (found) return std::nullopt;
    found = static_cast<NotificationEvent>(i);
  }
  return found;
}

tlv::BitString NotificationEvents::to_bits() const {
  // DER named bit list: build from the set bits, trailing zeros dropped.
  tlv::BitString out;
  int highest = -1;
  for (unsigned i = 0; i < kEventCount; ++i)
    if (contains(static_cast<NotificationEvent>(i))) highest = static_cast<int>(i);
  if (highest < 0) return out;
  out.bytes.assign(1, 0);
  for (unsigned i = 0; i < kEventCount; ++i)
    if (contains(static_cast<NotificationEvent>(i))) out.bytes[0] |= static_cast<std::uint8_t>(0x80u >> i);
  out.unused_bits = static_cast<std::uint8_t>(7 - highest);
  return out;
}

NotificationEvents NotificationEvents::from_bits(const tlv::BitString& bits) {
  NotificationEvents out;
  for (unsigned i = 0; i < kEventCount; ++i)
    if (bits.test(i)) out.add(static_cast<NotificationEvent>(i));
  return out;
}

}  // namespace lpad::rsp
