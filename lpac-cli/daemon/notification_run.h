// Notification runs through lpad (Euicc.ProcessNotifications): for `notifications process` and
// after enable, disable and delete, whose own notification lpad is told not to send so that `lpa`
// reports its delivery exactly as direct mode does.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/notification_delivery.h"
#include "lpac-cli/command_context.h"
#include "lpac-cli/daemon/euicc_client.h"

namespace lpad::cli::daemon {

// Every pending notification, or only `seq_number`; one delivery each, as the job's Result says.
Result<std::vector<engine::NotificationDelivery>> process_notifications(EuiccClient& euicc, std::optional<std::uint64_t> seq_number);

// After a profile operation: the deliveries' JSON list ([] with --no-notify); failures are warnings.
nlohmann::json notify_after_operation(CommandContext& ctx, EuiccClient& euicc);

}  // namespace lpad::cli::daemon
