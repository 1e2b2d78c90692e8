// `lpa reset --yes [--test-profiles|--operational|--default-smdp]`: eUICCMemoryReset (SGP.22
// section 5.7.19). Deletes profiles without notifying anyone, so it asks for --yes.
#include <fmt/format.h>

#include <memory>

#include "es10/es10c.h"
#include "lpac-cli/commands/commands.h"

namespace lpad::cli {

namespace {
struct Options {
  bool yes = false;
  es10::MemoryResetOptions reset;
};

nlohmann::json report(const CommandContext& ctx, const es10::MemoryResetOptions& reset) {
  if (!ctx.out.json()) fmt::print("eUICC reset.\n");
  return nlohmann::json{{"operational_profiles_deleted", reset.operational_profiles},
                        {"test_profiles_deleted", reset.test_profiles},
                        {"default_smdp_cleared", reset.default_smdp_address}};
}
}  // namespace

void add_reset_command(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("reset", "Delete profiles and settings from the eUICC (all operational profiles by default)");
  command->add_flag("--yes", options->yes, "Confirm: deleted profiles are gone for good")->required();
  command->add_flag("--operational", options->reset.operational_profiles, "Delete operational profiles");
  command->add_flag("--test-profiles", options->reset.test_profiles, "Delete field-loaded test profiles");
  command->add_flag("--default-smdp", options->reset.default_smdp_address, "Clear the default SM-DP+ address");
  command->final_callback([&ctx, options] {
    auto reset = options->reset;
    if (!reset.operational_profiles && !reset.test_profiles && !reset.default_smdp_address) reset.operational_profiles = true;
    ctx.exit_status = run_command(
        ctx,
        [&](CardSession& card) -> Result<nlohmann::json> {
          if (auto done = es10::memory_reset(card.channel(), reset); !done) return unexpected(done.error());
          return report(ctx, reset);
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          if (auto done = euicc.reset(reset); !done) return unexpected(done.error());
          return report(ctx, reset);
        });
  });
}

}  // namespace lpad::cli
