// lpad's data as the D-Bus values docs/dbus-api.md documents: lower-case enumeration words (the
// same as `lpa --json`), "" for absent strings, dictionaries with snake_case keys.
#pragma once

#include <sdbus-c++/Types.h>

#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "engine/notification_delivery.h"
#include "rsp/notification.h"
#include "rsp/profile.h"

namespace lpad::daemon {

using VariantMap = std::map<std::string, sdbus::Variant>;

std::string icon_type_name(const std::optional<rsp::IconType>& type);
std::vector<std::string> policy_rule_names(const std::optional<rsp::PolicyRules>& rules);

// Job.ProfileMetadata
VariantMap metadata_dict(const rsp::ProfileMetadata& metadata, bool confirmation_code_required);
// ListNotifications entries; deliveries add delivered, removed and error.
VariantMap notification_dict(const rsp::NotificationMetadata& notification);
VariantMap delivery_dict(const engine::NotificationDelivery& delivery);
// Job.Error: name, code, message, and status_word / server codes where they apply.
VariantMap error_dict(const Error& error);

}  // namespace lpad::daemon
