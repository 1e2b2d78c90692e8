#include "lpac-cli/daemon/notification_run.h"

#include "lpac-cli/daemon/job_runner.h"
#include "lpac-cli/notification_report.h"

namespace lpad::cli::daemon {

Result<std::vector<engine::NotificationDelivery>> process_notifications(EuiccClient& euicc, std::optional<std::uint64_t> seq_number) {
  Properties options;
  if (seq_number) options.emplace("seq_number", sdbus::Variant(*seq_number));
  auto job = run_job(euicc.connection(), [&] { return euicc.start_notification_run(options); }, JobInteraction{});
  if (!job) return unexpected(job.error());
  return std::move(job->result.notifications);
}

nlohmann::json notify_after_operation(CommandContext& ctx, EuiccClient& euicc) {
  if (ctx.servers.no_notify) return nlohmann::json::array();
  return report_after_operation(ctx.out, process_notifications(euicc, std::nullopt));
}

}  // namespace lpad::cli::daemon
