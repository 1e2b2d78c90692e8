#include "lpac-cli/notification_report.h"

#include <fmt/format.h>

namespace lpad::cli {

nlohmann::json delivery_json(const engine::NotificationDelivery& delivery) {
  nlohmann::json doc = notification_json(delivery.metadata);
  doc["delivered"] = delivery.delivered;
  doc["removed"] = delivery.removed;
  doc["error"] = delivery.error ? error_json(*delivery.error) : nlohmann::json(nullptr);
  return doc;
}

std::string deliveries_table(const std::vector<engine::NotificationDelivery>& deliveries) {
  if (deliveries.empty()) return "No pending notifications.\n";
  std::string out = fmt::format("{:>5}  {:<8}  {:<30}  {}\n", "SEQ", "EVENT", "SM-DP+", "RESULT");
  for (const auto& d : deliveries) {
    std::string result = d.removed ? "sent" : d.delivered ? "sent, still on the eUICC" : "not sent, kept on the eUICC";
    out += fmt::format("{:>5}  {:<8}  {:<30}  {}\n", d.metadata.seq_number, rsp::to_string(d.metadata.operation),
                       d.metadata.address, result);
  }
  return out;
}

nlohmann::json report_after_operation(const Output& out, const Result<std::vector<engine::NotificationDelivery>>& deliveries) {
  nlohmann::json list = nlohmann::json::array();
  if (!deliveries) {
    out.warning(deliveries.error());
    return list;
  }
  for (const auto& delivery : *deliveries) {
    list.push_back(delivery_json(delivery));
    if (delivery.error) out.warning(*delivery.error);
  }
  return list;
}

nlohmann::json report_notification_run(const Output& out, const std::vector<engine::NotificationDelivery>& deliveries,
                                       bool& undelivered) {
  if (!out.json()) fmt::print("{}", deliveries_table(deliveries));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : deliveries) {
    items.push_back(delivery_json(d));
    if (d.error) {
      undelivered = true;
      if (!out.json()) out.warning(*d.error);
    }
  }
  return nlohmann::json{{"notifications", items}};
}

nlohmann::json notify_after_operation(CommandContext& ctx, es10::IsdrChannel& channel) {
  if (ctx.servers.no_notify) return nlohmann::json::array();
  auto servers = ctx.servers.open();
  if (!servers) return report_after_operation(ctx.out, unexpected(servers.error()));
  return report_after_operation(ctx.out, engine::deliver_pending_notifications(channel, **servers, std::nullopt, ctx.retry));
}

}  // namespace lpad::cli
