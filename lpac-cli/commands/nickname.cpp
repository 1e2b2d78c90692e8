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
}  // namespace

void add_nickname_command(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("nickname", "Set a profile's nickname (\"\" clears it)");
  command->add_option("profile", options->profile, "ICCID, nickname or profile name")->required();
  command->add_option("nickname", options->nickname, "The new nickname, at most 64 bytes")->required();
  command->final_callback([&ctx, options] {
    ctx.exit_status = run_on_card(ctx, [&](CardSession& card) -> Result<nlohmann::json> {
      auto profiles = es10::get_profiles_info(card.channel());
      if (!profiles) return unexpected(profiles.error());
      auto iccid = resolve_profile(options->profile, *profiles);
      if (!iccid) return unexpected(iccid.error());
      if (auto done = es10::set_nickname(card.channel(), *iccid, options->nickname); !done) return unexpected(done.error());
      if (!ctx.out.json()) fmt::print("Profile {} is now called '{}'.\n", iccid->digits(), options->nickname);
      return nlohmann::json{{"iccid", iccid->digits()}, {"nickname", options->nickname}};
    });
  });
}

}  // namespace lpad::cli
