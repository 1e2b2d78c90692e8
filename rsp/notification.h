// Notifications (SGP.22 sections 3.5, 5.7.9-5.7.11): NotificationMetadata as ListNotification
// returns it, and the signed PendingNotification that RetrieveNotificationsList returns and the
// LPA forwards to the SM-DP+ unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/bytes.h"
#include "core/error.h"
#include "core/iccid.h"
#include "rsp/notification_event.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

// NotificationMetadata ::= [47] SEQUENCE (tag BF2F)
struct NotificationMetadata {
  std::uint64_t seq_number = 0;
  NotificationEvent operation = NotificationEvent::install;
  std::string address;  // FQDN of the SM-DP+ to notify
  std::optional<Iccid> iccid;
  bool operator==(const NotificationMetadata&) const = default;
};

tlv::Element encode_notification_metadata(const NotificationMetadata& metadata);
Result<NotificationMetadata> decode_notification_metadata(const tlv::Node& node);

// PendingNotification ::= CHOICE { profileInstallationResult [55] (BF37), otherSignedNotification
// SEQUENCE (30) }: kept as its DER, which is what handleNotification sends, with its metadata.
struct PendingNotification {
  NotificationMetadata metadata;
  Bytes der;
};

Result<PendingNotification> decode_pending_notification(const tlv::Node& node);

}  // namespace lpad::rsp
