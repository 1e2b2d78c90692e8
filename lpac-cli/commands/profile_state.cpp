// `lpa enable <profile>` and `lpa disable <profile>`: switch a profile on or off.
#include <fmt/format.h>

#include <memory>

#include "es10/es10c.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/daemon/notification_run.h"
#include "lpac-cli/notification_report.h"
#include "lpac-cli/profile_selector.h"

namespace lpad::cli {

namespace {

struct Options {
  std::string profile;
  bool no_refresh = false;
};

nlohmann::json report(const Iccid& iccid, bool enable, nlohmann::json notifications) {
  return nlohmann::json{{"iccid", iccid.digits()}, {"state", enable ? "enabled" : "disabled"}, {"notifications", std::move(notifications)}};
}

void say_done(const CommandContext& ctx, const Iccid& iccid, bool enable) {
  if (!ctx.out.json()) fmt::print("Profile {} {}.\n", iccid.digits(), enable ? "enabled" : "disabled");
}

void add_state_command(CLI::App& app, CommandContext& ctx, bool enable) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(enable ? "enable" : "disable", enable ? "Enable a profile (the enabled one is disabled)" : "Disable a profile");
  command->add_option("profile", options->profile, "ICCID, nickname or profile name")->required();
  command->add_flag("--no-refresh", options->no_refresh, "Do not ask the eUICC to REFRESH the device (the modem is reset otherwise)");
  command->final_callback([&ctx, options, enable] {
    ctx.exit_status = run_command(
        ctx,
        [&](CardSession& card) -> Result<nlohmann::json> {
          auto iccid = resolve_profile_on_card(options->profile, card.channel());
          if (!iccid) return unexpected(iccid.error());
          auto done = enable ? es10::enable_profile(card.channel(), *iccid, !options->no_refresh)
                             : es10::disable_profile(card.channel(), *iccid, !options->no_refresh);
          if (!done) return unexpected(done.error());
          say_done(ctx, *iccid, enable);
          return report(*iccid, enable, notify_after_operation(ctx, card.channel()));
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          auto profile = euicc.find_profile(options->profile);
          if (!profile) return unexpected(profile.error());
          if (auto done = euicc.set_enabled(*profile, enable, !options->no_refresh); !done) return unexpected(done.error());
          say_done(ctx, *profile->info.iccid, enable);
          return report(*profile->info.iccid, enable, daemon::notify_after_operation(ctx, euicc));
        });
  });
}

}  // namespace

void add_profile_state_commands(CLI::App& app, CommandContext& ctx) {
  add_state_command(app, ctx, true);
  add_state_command(app, ctx, false);
}

}  // namespace lpad::cli
