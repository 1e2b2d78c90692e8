// `lpa list`: the profiles on the eUICC.
#include <fmt/format.h>

#include "es10/es10c.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/render.h"

namespace lpad::cli {

namespace {

nlohmann::json report(const CommandContext& ctx, const std::vector<rsp::ProfileInfo>& profiles) {
  if (!ctx.out.json()) fmt::print("{}", profiles_table(profiles));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : profiles) list.push_back(profile_json(p));
  return nlohmann::json{{"profiles", list}};
}

}  // namespace

void add_list_command(CLI::App& app, CommandContext& ctx) {
  auto* command = app.add_subcommand("list", "List the profiles on the eUICC");
  command->final_callback([&ctx] {
    ctx.exit_status = run_command(
        ctx,
        [&](CardSession& card) -> Result<nlohmann::json> {
          auto profiles = es10::get_profiles_info(card.channel());
          if (!profiles) return unexpected(profiles.error());
          return report(ctx, *profiles);
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> { return report(ctx, euicc.profiles()); });
  });
}

}  // namespace lpad::cli
