// `lpa delete <profile>`: delete a disabled profile for good.
#include <fmt/format.h>

#include <memory>

#include "es10/es10c.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/notification_report.h"
#include "lpac-cli/profile_selector.h"

namespace lpad::cli {

void add_delete_command(CLI::App& app, CommandContext& ctx) {
  auto profile = std::make_shared<std::string>();
  auto* command = app.add_subcommand("delete", "Delete a disabled profile (it cannot be downloaded again with the same code)");
  command->add_option("profile", *profile, "ICCID, nickname or profile name")->required();
  command->final_callback([&ctx, profile] {
    ctx.exit_status = run_on_card(ctx, [&](CardSession& card) -> Result<nlohmann::json> {
      auto profiles = es10::get_profiles_info(card.channel());
      if (!profiles) return unexpected(profiles.error());
      auto iccid = resolve_profile(*profile, *profiles);
      if (!iccid) return unexpected(iccid.error());
      if (auto done = es10::delete_profile(card.channel(), *iccid); !done) return unexpected(done.error());
      if (!ctx.out.json()) fmt::print("Profile {} deleted.\n", iccid->digits());
      auto notifications = notify_after_operation(ctx, card.channel());
      return nlohmann::json{{"iccid", iccid->digits()}, {"deleted", true}, {"notifications", notifications}};
    });
  });
}

}  // namespace lpad::cli
