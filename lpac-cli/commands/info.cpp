// `lpa info`: the eUICC's EID, what it says about itself (EUICCInfo2) and its addresses.
#include <fmt/format.h>

#include "es10/es10a.h"
#include "es10/es10b.h"
#include "es10/es10c.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/render.h"

namespace lpad::cli {

void add_info_command(CLI::App& app, CommandContext& ctx) {
  auto* command = app.add_subcommand("info", "Show the eUICC: EID, versions, free memory, trusted CIs, addresses");
  command->final_callback([&ctx] {
    ctx.exit_status = run_on_card(ctx, [&](CardSession& card) -> Result<nlohmann::json> {
      auto eid = es10::get_eid(card.channel());
      if (!eid) return unexpected(eid.error());
      auto info = es10::get_euicc_info2(card.channel());
      if (!info) return unexpected(info.error());
      auto addresses = es10::get_configured_addresses(card.channel());
      if (!addresses) return unexpected(addresses.error());
      if (!ctx.out.json()) {
        auto nvm = info->free_nvm();
        ctx.out.fields({{"EID", *eid},
                        {"Device", card.transport().description()},
                        {"SGP.22 version", info->svn.to_string()},
                        {"Firmware", info->firmware_version.to_string()},
                        {"Profile package version", info->profile_version.to_string()},
                        {"Free memory", nvm ? fmt::format("{} bytes", *nvm) : "unknown"},
                        {"Trusted CIs (PKID)", hex_list_text(info->ci_pkids_for_verification)},
                        {"Default SM-DP+", addresses->default_dp_address.value_or("(none)")},
                        {"Root SM-DS", addresses->root_ds_address}});
      }
      return nlohmann::json{{"eid", *eid},
                            {"device", card.transport().description()},
                            {"euicc_info2", euicc_info2_json(*info)},
                            {"configured_addresses", addresses_json(*addresses)}};
    });
  });
}

}  // namespace lpad::cli
