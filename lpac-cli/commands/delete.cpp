// `lpa delete <profile>`: delete a disabled profile for good.
#include <fmt/format.h>

#include <memory>

#include "es10/es10c.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/daemon/notification_run.h"
#include "lpac-cli/notification_report.h"
#include "lpac-cli/profile_selector.h"

namespace lpad::cli {

namespace {

void say_done(const CommandContext& ctx, const Iccid& iccid) {
  if (!ctx.out.json()) fmt::print("Profile {} deleted.\n", iccid.digits());
}

nlohmann::json report(const Iccid& iccid, nlohmann::json notifications) {
  return nlohmann::json{{"iccid", iccid.digits()}, {"deleted", true}, {"notifications", std::move(notifications)}};
}

}  // namespace

void add_delete_command(CLI::App& app, CommandContext& ctx) {
  auto profile = std::make_shared<std::string>();
  auto* command = app.add_subcommand("delete", "Delete a disabled profile (it cannot be downloaded again with the same code)");
  command->add_option("profile", *profile, "ICCID, nickname or profile name")->required();
  command->final_callback([&ctx, profile] {
    ctx.exit_status = run_command(
        ctx,
        [&](CardSession& card) -> Result<nlohmann::json> {
          auto iccid = resolve_profile_on_card(*profile, card.channel());
          if (!iccid) return unexpected(iccid.error());
          if (auto done = es10::delete_profile(card.channel(), *iccid); !done) return unexpected(done.error());
          say_done(ctx, *iccid);
          return report(*iccid, notify_after_operation(ctx, card.channel()));
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          auto found = euicc.find_profile(*profile);
          if (!found) return unexpected(found.error());
          if (auto done = euicc.remove(*found); !done) return unexpected(done.error());
          say_done(ctx, *found->info.iccid);
          return report(*found->info.iccid, daemon::notify_after_operation(ctx, euicc));
        });
  });
}

}  // namespace lpad::cli
