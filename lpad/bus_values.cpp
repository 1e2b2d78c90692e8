#include "lpad/bus_values.h"

#include "dbus_api/error_names.h"
#include "rsp/notification_event.h"

namespace lpad::daemon {

std::string icon_type_name(const std::optional<rsp::IconType>& type) {
  if (!type) return "";
  return *type == rsp::IconType::png ? "png" : "jpg";
}

std::vector<std::string> policy_rule_names(const std::optional<rsp::PolicyRules>& rules) {
  std::vector<std::string> names;
  if (rules && rules->disable_not_allowed) names.emplace_back("disable-not-allowed");
  if (rules && rules->delete_not_allowed) names.emplace_back("delete-not-allowed");
  return names;
}

VariantMap metadata_dict(const rsp::ProfileMetadata& metadata, bool confirmation_code_required) {
  VariantMap dict{
      {"iccid", sdbus::Variant(metadata.iccid.digits())},
      {"service_provider_name", sdbus::Variant(metadata.service_provider_name)},
      {"profile_name", sdbus::Variant(metadata.profile_name)},
      {"profile_class", sdbus::Variant(std::string(rsp::to_string(metadata.profile_class)))},
      {"policy_rules", sdbus::Variant(policy_rule_names(metadata.policy_rules))},
      {"confirmation_code_required", sdbus::Variant(confirmation_code_required)},
  };
  if (metadata.icon && metadata.icon_type) {
    dict.emplace("icon_type", sdbus::Variant(icon_type_name(metadata.icon_type)));
    dict.emplace("icon", sdbus::Variant(std::vector<std::uint8_t>(metadata.icon->begin(), metadata.icon->end())));
  }
  return dict;
}

VariantMap notification_dict(const rsp::NotificationMetadata& notification) {
  VariantMap dict{
      {"seq_number", sdbus::Variant(static_cast<std::uint64_t>(notification.seq_number))},
      {"operation", sdbus::Variant(std::string(rsp::to_string(notification.operation)))},
      {"address", sdbus::Variant(notification.address)},
  };
  if (notification.iccid) dict.emplace("iccid", sdbus::Variant(notification.iccid->digits()));
  return dict;
}

VariantMap delivery_dict(const engine::NotificationDelivery& delivery) {
  auto dict = notification_dict(delivery.metadata);
  dict.emplace("delivered", sdbus::Variant(delivery.delivered));
  dict.emplace("removed", sdbus::Variant(delivery.removed));
  if (delivery.error) dict.emplace("error", sdbus::Variant(error_dict(*delivery.error)));
  return dict;
}

VariantMap error_dict(const Error& error) {
  VariantMap dict{
      {"name", sdbus::Variant(dbus_api::error_name(error.code))},
      {"code", sdbus::Variant(std::string(errc_name(error.code)))},
      {"message", sdbus::Variant(error.message)},
  };
  if (error.status) dict.emplace("status_word", sdbus::Variant(error.status->to_string()));
  if (error.server) {
    dict.emplace("server_subject_code", sdbus::Variant(error.server->subject_code));
    dict.emplace("server_reason_code", sdbus::Variant(error.server->reason_code));
  }
  return dict;
}

}  // namespace lpad::daemon
