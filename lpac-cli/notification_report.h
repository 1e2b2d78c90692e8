// Sending pending notifications from `lpa` and showing how it went: after `notifications
// process`, and after every download, enable, disable and delete. The reports serve both modes
// (direct: lpa sends them itself; daemon: an lpad notification job does).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

#include "engine/notification_delivery.h"
#include "lpac-cli/command_context.h"
#include "lpac-cli/render.h"

namespace lpad::cli {

nlohmann::json delivery_json(const engine::NotificationDelivery& delivery);
std::string deliveries_table(const std::vector<engine::NotificationDelivery>& deliveries);

// After a profile operation: the JSON list for the command's document, each failure (or the run's
// own) as a warning, not an error: the operation itself succeeded and the notifications stay on
// the card for later.
nlohmann::json report_after_operation(const Output& out, const Result<std::vector<engine::NotificationDelivery>>& deliveries);

// `notifications process`: the table or the {"notifications": [...]} document; `undelivered` says
// whether any failed (the command then fails, so scripts know to try again later).
nlohmann::json report_notification_run(const Output& out, const std::vector<engine::NotificationDelivery>& deliveries,
                                       bool& undelivered);

// Direct mode, after a profile operation: delivers every pending notification unless --no-notify.
nlohmann::json notify_after_operation(CommandContext& ctx, es10::IsdrChannel& channel);

}  // namespace lpad::cli
