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
  std::vector<std::size_t> set;
  for (unsigned i = 0; i < kEventCount; ++i)
    if (contains(static_cast<NotificationEvent>(i))) set.push_back(i);
  return tlv::BitString::named(set);
}

NotificationEvents NotificationEvents::from_bits(const tlv::BitString& bits) {
  NotificationEvents out;
  for (unsigned i = 0; i < kEventCount; ++i)
    if (bits.test(i)) out.add(static_cast<NotificationEvent>(i));
  return out;
}

}  // namespace lpad::rsp
