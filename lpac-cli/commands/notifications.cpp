// `lpa notifications list|process|remove`: the eUICC's pending notifications (SGP.22 section
// 3.5). `process` sends them to their SM-DP+ and removes each only once it was accepted;
// `remove` drops them unsent (they will never reach their SM-DP+).
#include <fmt/format.h>

#include <memory>

#include "es10/es10b.h"
#include "lpac-cli/commands/commands.h"
#include "engine/notification_delivery.h"
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
}  // namespace

void add_notifications_command(CLI::App& app, CommandContext& ctx) {
  auto* group = app.add_subcommand("notifications", "Pending notifications for SM-DP+ servers");
  group->require_subcommand(1);

  auto* list = group->add_subcommand("list", "List pending notifications");
  list->final_callback([&ctx] {
    ctx.exit_status = run_on_card(ctx, [&](CardSession& card) -> Result<nlohmann::json> {
      auto notifications = es10::list_notifications(card.channel());
      if (!notifications) return unexpected(notifications.error());
      if (!ctx.out.json()) fmt::print("{}", notifications_table(*notifications));
      nlohmann::json items = nlohmann::json::array();
      for (const auto& n : *notifications) items.push_back(notification_json(n));
      return nlohmann::json{{"notifications", items}};
    });
  });

  auto process_options = std::make_shared<ProcessOptions>();
  auto* process = group->add_subcommand("process", "Send pending notifications to their SM-DP+ and remove the delivered ones");
  auto* process_seq = process->add_option("seq", process_options->seq_number, "Only this sequence number");
  process->add_flag("--all", process_options->all, "Every pending notification (the default)")->excludes(process_seq);
  process->final_callback([&ctx, process_options] {
    bool undelivered = false;
    ctx.exit_status = run_with_servers(ctx, [&](CardSession& card, engine::RspServers& servers) -> Result<nlohmann::json> {
      auto deliveries = engine::deliver_pending_notifications(card.channel(), servers, process_options->seq_number, ctx.retry);
      if (!deliveries) return unexpected(deliveries.error());
      if (!ctx.out.json()) fmt::print("{}", deliveries_table(*deliveries));
      nlohmann::json items = nlohmann::json::array();
      for (const auto& d : *deliveries) {
        items.push_back(delivery_json(d));
        if (d.error) {
          undelivered = true;
          if (!ctx.out.json()) ctx.out.warning(*d.error);
        }
      }
      return nlohmann::json{{"notifications", items}};
    });
    // Undelivered notifications fail the command, so scripts know to try again later.
    if (undelivered && ctx.exit_status == kExitOk) ctx.exit_status = kExitFailure;
  });

  auto options = std::make_shared<RemoveOptions>();
  auto* remove = group->add_subcommand("remove", "Remove notifications from the eUICC without sending them");
  auto* seq = remove->add_option("seq", options->seq_numbers, "Sequence numbers to remove");
  auto* all = remove->add_flag("--all", options->all, "Remove every pending notification");
  seq->excludes(all);
  remove->parse_complete_callback([seq, all] {
    if (seq->count() == 0 && all->count() == 0) throw CLI::RequiredError("notifications remove: sequence numbers or --all");
  });
  remove->final_callback([&ctx, options] {
    ctx.exit_status = run_on_card(ctx, [&](CardSession& card) -> Result<nlohmann::json> {
      auto targets = options->seq_numbers;
      if (options->all) {
        auto notifications = es10::list_notifications(card.channel());
        if (!notifications) return unexpected(notifications.error());
        for (const auto& n : *notifications) targets.push_back(n.seq_number);
      }
      nlohmann::json removed = nlohmann::json::array();
      for (auto n : targets) {
        if (auto done = es10::remove_notification(card.channel(), n); !done) return unexpected(done.error());
        removed.push_back(n);
        if (!ctx.out.json()) fmt::print("Removed notification {}.\n", n);
      }
      if (!ctx.out.json() && targets.empty()) fmt::print("No pending notifications.\n");
      return nlohmann::json{{"removed", removed}};
    });
  });
}

}  // namespace lpad::cli
