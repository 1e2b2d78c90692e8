// Sending the eUICC's pending notifications to the SM-DP+ each one names (SGP.22 section 3.5):
// install results after a download, enable/disable/delete after profile operations. A
// notification leaves the card only after its SM-DP+ accepted it, so nothing is lost when a server
// is down; failed deliveries are retried with backoff and reported.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.h"
#include "engine/retry_policy.h"
#include "engine/rsp_servers.h"
#include "es10/isdr_channel.h"
#include "rsp/notification.h"

namespace lpad::engine {

struct NotificationDelivery {
  rsp::NotificationMetadata metadata;
  bool delivered = false;            // the SM-DP+ accepted it
  bool removed = false;              // and it is gone from the card
  std::optional<Error> error;        // why not
};

// Delivers one pending notification and removes it from the card after success.
NotificationDelivery deliver_notification(es10::IsdrChannel& channel, RspServers& servers,
                                          const rsp::PendingNotification& notification, const RetryPolicy& retry);

// Delivers every pending notification, or only the one with `seq_number`. Errors reading the card
// are errors; a notification that could not be delivered is reported in its entry.
Result<std::vector<NotificationDelivery>> deliver_pending_notifications(es10::IsdrChannel& channel, RspServers& servers,
                                                                        std::optional<std::uint64_t> seq_number,
                                                                        const RetryPolicy& retry);

}  // namespace lpad::engine
