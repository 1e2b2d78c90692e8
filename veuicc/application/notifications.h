// Creating the eUICC's pending notifications (SGP.22 sections 3.5 and 5.7.9). Every
// notification takes the next seqNumber of the state (strictly increasing, never reused, kept in
// the state file). Enable, disable and delete notifications are OtherSignedNotifications; the
// install notification is the ProfileInstallationResult, which the download handlers build around
// next_notification_metadata().
// These functions change the EuiccState they are given: handlers pass their working copy and
// commit it (CardContext::commit(EuiccState)), so a failed write leaves no trace.
#pragma once

#include <string>

#include "core/error.h"
#include "core/iccid.h"
#include "rsp/notification.h"
#include "veuicc/application/identity.h"
#include "veuicc/state/euicc_state.h"

namespace lpad::veuicc {

// NotificationMetadata for `event` with the state's next seqNumber (which is used up).
rsp::NotificationMetadata next_notification_metadata(EuiccState& state, rsp::NotificationEvent event,
                                                     std::string address, const Iccid& iccid);

// OtherSignedNotification ::= SEQUENCE { tbsOtherNotification NotificationMetadata,
//   euiccNotificationSignature 5F37 (ECDSA over the NotificationMetadata TLV), CERT.EUICC, CERT.EUM }
Result<StoredNotification> make_other_signed_notification(const Identity& identity,
                                                          const rsp::NotificationMetadata& metadata);

// Adds the notifications that `profile`'s notificationConfigurationInfo asks for on `event`: one
// OtherSignedNotification per configured address naming the event, none when no entry names it.
// The notification carries the ICCID, so it outlives the profile (a delete notification).
Result<void> add_profile_notifications(EuiccState& state, const Identity& identity, rsp::NotificationEvent event,
                                       const InstalledProfile& profile);

}  // namespace lpad::veuicc
