// `lpa nickname <profile> <name>`: set (or with "" clear) a profile's nickname.
#include <fmt/format.h>

#include <memory>

#include "es10/es10c.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/profile_selector.h"

namespace lpad::cli {

namespace {
struct Options {
  std::string profile;
  std::string nickname;
};

nlohmann::json report(const CommandContext& ctx, const Iccid& iccid, const std::string& nickname) {
  if (!ctx.out.json()) fmt::print("Profile {} is now called '{}'.\n", iccid.digits(), nickname);
  return nlohmann::json{{"iccid", iccid.digits()}, {"nickname", nickname}};
}
}  // namespace

void add_nickname_command(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("nickname", "Set a profile's nickname (\"\" clears it)");
  command->add_option("profile", options->profile, "ICCID, nickname or profile name")->required();
  command->add_option("nickname", options->nickname, "The new nickname, at most 64 bytes")->required();
  command->final_callback([&ctx, options] {
    ctx.exit_status = run_command(
        ctx,
        [&](CardSession& card) -> Result<nlohmann::json> {
          auto iccid = resolve_profile_on_card(options->profile, card.channel());
          if (!iccid) return unexpected(iccid.error());
          if (auto done = es10::set_nickname(card.channel(), *iccid, options->nickname); !done) return unexpected(done.error());
          return report(ctx, *iccid, options->nickname);
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          auto profile = euicc.find_profile(options->profile);
          if (!profile) return unexpected(profile.error());
          if (auto done = euicc.set_nickname(*profile, options->nickname); !done) return unexpected(done.error());
          return report(ctx, *profile->info.iccid, options->nickname);
        });
  });
}

}  // namespace lpad::cli
