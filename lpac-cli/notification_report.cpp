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

nlohmann::json notify_after_operation(CommandContext& ctx, es10::IsdrChannel& channel) {
  nlohmann::json list = nlohmann::json::array();
  if (ctx.servers.no_notify) return list;
  auto servers = ctx.servers.open();
  if (!servers) {
    ctx.out.warning(servers.error());
    return list;
  }
  auto deliveries = engine::deliver_pending_notifications(channel, **servers, std::nullopt, ctx.retry);
  if (!deliveries) {
    ctx.out.warning(deliveries.error());
    return list;
  }
  for (const auto& delivery : *deliveries) {
    list.push_back(delivery_json(delivery));
    if (delivery.error) ctx.out.warning(*delivery.error);
  }
  return list;
}

}  // namespace lpad::cli
