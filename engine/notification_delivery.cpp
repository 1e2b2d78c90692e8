#include "engine/notification_delivery.h"

#include <fmt/format.h>

#include "es10/es10b.h"

namespace lpad::engine {

NotificationDelivery deliver_notification(es10::IsdrChannel& channel, RspServers& servers,
                                          const rsp::PendingNotification& notification, const RetryPolicy& retry) {
  NotificationDelivery delivery{notification.metadata, false, false, std::nullopt};
  if (notification.metadata.address.empty()) {
    delivery.error = Error{Errc::engine_notification_undelivered,
                           fmt::format("notification {} names no SM-DP+ address", notification.metadata.seq_number)};
    return delivery;
  }
  auto smdp = servers.smdp(notification.metadata.address);
  auto sent = with_retries<void>(retry, [&] { return smdp->handle_notification(notification.der); });
  if (!sent) {
    Error error = sent.error();
    error.message = fmt::format("notification {} to {} was not delivered and stays on the eUICC: {}",
                                notification.metadata.seq_number, notification.metadata.address, error.message);
    delivery.error = std::move(error);
    return delivery;
  }
  delivery.delivered = true;
  if (auto removed = es10::remove_notification(channel, notification.metadata.seq_number); !removed) {
    Error error = removed.error();
    error.message = fmt::format("notification {} was delivered but could not be removed from the eUICC: {}",
                                notification.metadata.seq_number, error.message);
    delivery.error = std::move(error);
    return delivery;
  }
  delivery.removed = true;
  return delivery;
}

Result<std::vector<NotificationDelivery>> deliver_pending_notifications(es10::IsdrChannel& channel, RspServers& servers,
                                                                        std::optional<std::uint64_t> seq_number,
                                                                        const RetryPolicy& retry) {
  auto pending = es10::retrieve_notifications(channel, seq_number);
  if (!pending) return unexpected(pending.error());
  std::vector<NotificationDelivery> deliveries;
  for (const auto& notification : *pending) deliveries.push_back(deliver_notification(channel, servers, notification, retry));
  return deliveries;
}

}  // namespace lpad::engine
