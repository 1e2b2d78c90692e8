// Sending pending notifications from `lpa` (direct mode) and showing how it went: after
// `notifications process`, and after every download, enable, disable and delete.
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

// After a profile operation: delivers every pending notification unless --no-notify. Returns the
// JSON list for the command's document ([] when skipped); failures are warnings, not errors (the
// operation itself succeeded and the notifications stay on the card for later).
nlohmann::json notify_after_operation(CommandContext& ctx, es10::IsdrChannel& channel);

}  // namespace lpad::cli
