// `lpa default-smdp [ADDRESS|--clear]`: show or set the eUICC's default SM-DP+ address
// (SGP.22 section 5.7.4), the server a download without activation code goes to.
#include <fmt/format.h>

#include <memory>

#include "es10/es10a.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/render.h"

namespace lpad::cli {

namespace {
struct Options {
  std::string address;
  bool clear = false;
};

nlohmann::json report(const CommandContext& ctx, const rsp::ConfiguredAddresses& addresses) {
  if (!ctx.out.json())
    ctx.out.fields({{"Default SM-DP+", addresses.default_dp_address.value_or("(none)")}, {"Root SM-DS", addresses.root_ds_address}});
  return addresses_json(addresses);
}
}  // namespace

void add_default_smdp_command(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("default-smdp", "Show, set or clear the default SM-DP+ address");
  auto* address = command->add_option("address", options->address, "Host name of the SM-DP+");
  auto* clear = command->add_flag("--clear", options->clear, "Remove the default SM-DP+ address");
  address->excludes(clear);
  command->final_callback([&ctx, options, address] {
    bool change = address->count() > 0 || options->clear;
    std::string new_address = options->clear ? "" : options->address;
    ctx.exit_status = run_command(
        ctx,
        [&](CardSession& card) -> Result<nlohmann::json> {
          if (change) {
            if (auto done = es10::set_default_dp_address(card.channel(), new_address); !done) return unexpected(done.error());
          }
          auto addresses = es10::get_configured_addresses(card.channel());
          if (!addresses) return unexpected(addresses.error());
          return report(ctx, *addresses);
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          if (change) {
            if (auto done = euicc.set_default_smdp(new_address); !done) return unexpected(done.error());
          }
          auto addresses = euicc.addresses();
          if (!addresses) return unexpected(addresses.error());
          return report(ctx, *addresses);
        });
  });
}

}  // namespace lpad::cli
