// `lpa notifications list|process|remove`: the eUICC's pending notifications (SGP.22 section
// 3.5). `process` sends them to their SM-DP+ and removes each only once it was accepted;
// `remove` drops them unsent (they will never reach their SM-DP+).
#include <fmt/format.h>

#include <memory>

#include "engine/notification_delivery.h"
#include "es10/es10b.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/daemon/notification_run.h"
#include "lpac-cli/notification_report.h"
#include "lpac-cli/render.h"

namespace lpad::cli {

namespace {
struct ProcessOptions {
  std::optional<std::uint64_t> seq_number;
  bool all = false;
};

struct RemoveOptions {
  std::vector<std::uint64_t> seq_numbers;
  bool all = false;
};

nlohmann::json report_list(const CommandContext& ctx, const std::vector<rsp::NotificationMetadata>& notifications) {
  if (!ctx.out.json()) fmt::print("{}", notifications_table(notifications));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& n : notifications) items.push_back(notification_json(n));
  return nlohmann::json{{"notifications", items}};
}

nlohmann::json report_removed(const CommandContext& ctx, const std::vector<std::uint64_t>& removed) {
  if (!ctx.out.json()) {
    for (auto n : removed) fmt::print("Removed notification {}.\n", n);
    if (removed.empty()) fmt::print("No pending notifications.\n");
  }
  return nlohmann::json{{"removed", removed}};
}

void add_list(CLI::App& group, CommandContext& ctx) {
  auto* list = group.add_subcommand("list", "List pending notifications");
  list->final_callback([&ctx] {
    ctx.exit_status = run_command(
        ctx,
        [&](CardSession& card) -> Result<nlohmann::json> {
          auto notifications = es10::list_notifications(card.channel());
          if (!notifications) return unexpected(notifications.error());
          return report_list(ctx, *notifications);
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          auto notifications = euicc.list_notifications();
          if (!notifications) return unexpected(notifications.error());
          return report_list(ctx, *notifications);
        });
  });
}

void add_process(CLI::App& group, CommandContext& ctx) {
  auto options = std::make_shared<ProcessOptions>();
  auto* process = group.add_subcommand("process", "Send pending notifications to their SM-DP+ and remove the delivered ones");
  auto* process_seq = process->add_option("seq", options->seq_number, "Only this sequence number");
  process->add_flag("--all", options->all, "Every pending notification (the default)")->excludes(process_seq);
  process->final_callback([&ctx, options] {
    bool undelivered = false;
    ctx.exit_status = run_command_with_servers(
        ctx,
        [&](CardSession& card, engine::RspServers& servers) -> Result<nlohmann::json> {
          auto deliveries = engine::deliver_pending_notifications(card.channel(), servers, options->seq_number, ctx.retry);
          if (!deliveries) return unexpected(deliveries.error());
          return report_notification_run(ctx.out, *deliveries, undelivered);
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          auto deliveries = daemon::process_notifications(euicc, options->seq_number);
          if (!deliveries) return unexpected(deliveries.error());
          return report_notification_run(ctx.out, *deliveries, undelivered);
        });
    // Undelivered notifications fail the command, so scripts know to try again later.
    if (undelivered && ctx.exit_status == kExitOk) ctx.exit_status = kExitFailure;
  });
}

void add_remove(CLI::App& group, CommandContext& ctx) {
  auto options = std::make_shared<RemoveOptions>();
  auto* remove = group.add_subcommand("remove", "Remove notifications from the eUICC without sending them");
  auto* seq = remove->add_option("seq", options->seq_numbers, "Sequence numbers to remove");
  auto* all = remove->add_flag("--all", options->all, "Remove every pending notification");
  seq->excludes(all);
  remove->parse_complete_callback([seq, all] {
    if (seq->count() == 0 && all->count() == 0) throw CLI::RequiredError("notifications remove: sequence numbers or --all");
  });
  remove->final_callback([&ctx, options] {
    ctx.exit_status = run_command(
        ctx,
        [&](CardSession& card) -> Result<nlohmann::json> {
          auto targets = options->seq_numbers;
          if (options->all) {
            auto notifications = es10::list_notifications(card.channel());
            if (!notifications) return unexpected(notifications.error());
            for (const auto& n : *notifications) targets.push_back(n.seq_number);
          }
          std::vector<std::uint64_t> removed;
          for (auto n : targets) {
            if (auto done = es10::remove_notification(card.channel(), n); !done) return unexpected(done.error());
            removed.push_back(n);
          }
          return report_removed(ctx, removed);
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          // An empty list asks lpad to remove them all.
          auto removed = euicc.remove_notifications(options->all ? std::vector<std::uint64_t>{} : options->seq_numbers);
          if (!removed) return unexpected(removed.error());
          return report_removed(ctx, *removed);
        });
  });
}

}  // namespace

void add_notifications_command(CLI::App& app, CommandContext& ctx) {
  auto* group = app.add_subcommand("notifications", "Pending notifications for SM-DP+ servers");
  group->require_subcommand(1);
  add_list(*group, ctx);
  add_process(*group, ctx);
  add_remove(*group, ctx);
}

}  // namespace lpad::cli
