// `lpa notifications list` and `lpa notifications remove <seq>|--all`: the eUICC's pending
// notifications (SGP.22 section 3.5). Removing one means it will never reach its SM-DP+; the
// download issue adds `notifications process`, which sends them first.
#include <fmt/format.h>

#include <memory>

#include "es10/es10b.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/render.h"

namespace lpad::cli {

namespace {
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
