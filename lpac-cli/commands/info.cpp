// `lpa info`: the eUICC's EID, what it says about itself (EUICCInfo2) and its addresses.
#include <fmt/format.h>

#include "es10/es10a.h"
#include "es10/es10b.h"
#include "es10/es10c.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/render.h"

namespace lpad::cli {

namespace {

// What `lpa info` shows, from the card or from lpad (which serves the whole EUICCInfo2; one
// without that property offers fewer fields, the others null as docs/lpa-json.md has it).
struct InfoView {
  std::string eid;
  std::string device;
  nlohmann::json euicc_info2;
  std::string svn;
  std::string firmware_version;
  std::optional<std::string> profile_version;
  std::optional<std::uint64_t> free_nvm;
  std::string trusted_cis;
  rsp::ConfiguredAddresses addresses;
};

nlohmann::json report(const CommandContext& ctx, const InfoView& info) {
  if (!ctx.out.json()) {
    std::vector<std::pair<std::string, std::string>> rows{{"EID", info.eid}, {"Device", info.device}, {"SGP.22 version", info.svn},
                                                          {"Firmware", info.firmware_version}};
    if (info.profile_version) rows.emplace_back("Profile package version", *info.profile_version);
    rows.insert(rows.end(), {{"Free memory", info.free_nvm ? fmt::format("{} bytes", *info.free_nvm) : "unknown"},
                             {"Trusted CIs (PKID)", info.trusted_cis},
                             {"Default SM-DP+", info.addresses.default_dp_address.value_or("(none)")},
                             {"Root SM-DS", info.addresses.root_ds_address}});
    ctx.out.fields(rows);
  }
  return nlohmann::json{{"eid", info.eid},
                        {"device", info.device},
                        {"euicc_info2", info.euicc_info2},
                        {"configured_addresses", addresses_json(info.addresses)}};
}

Result<nlohmann::json> on_card(const CommandContext& ctx, CardSession& card) {
  auto eid = es10::get_eid(card.channel());
  if (!eid) return unexpected(eid.error());
  auto info = es10::get_euicc_info2(card.channel());
  if (!info) return unexpected(info.error());
  auto addresses = es10::get_configured_addresses(card.channel());
  if (!addresses) return unexpected(addresses.error());
  return report(ctx, {*eid, card.transport().description(), euicc_info2_json(*info), info->svn.to_string(),
                      info->firmware_version.to_string(), info->profile_version.to_string(), info->free_nvm(),
                      hex_list_text(info->ci_pkids_for_verification), *addresses});
}

Result<nlohmann::json> on_daemon(const CommandContext& ctx, EuiccClient& client) {
  const auto& e = client.euicc();
  rsp::ConfiguredAddresses addresses{e.default_smdp_address.empty() ? std::nullopt : std::optional(e.default_smdp_address),
                                     e.root_smds_address};
  // Direct mode names the device as the transport does ("pcsc:<reader>").
  auto device = e.backend + ":" + e.device;
  if (e.info2)  // the whole EUICCInfo2: the same report as direct mode
    return report(ctx, {e.eid, device, euicc_info2_json(*e.info2), e.svn, e.firmware_version, e.info2->profile_version.to_string(),
                        e.free_nvm, hex_list_text(e.info2->ci_pkids_for_verification), addresses});
  // An older lpad: the same keys, every one it does not offer null.
  nlohmann::json info2 = euicc_info2_json(rsp::EuiccInfo2{});
  for (auto& [key, value] : info2.items()) value = nullptr;
  info2["svn"] = e.svn;
  info2["firmware_version"] = e.firmware_version;
  info2["free_nvm"] = e.free_nvm;
  info2["free_ram"] = e.free_ram;
  info2["ci_pkids_for_verification"] = e.ci_pkids;
  std::string cis;
  for (const auto& pkid : e.ci_pkids) cis += (cis.empty() ? "" : ", ") + pkid;
  return report(ctx, {e.eid, device, info2, e.svn, e.firmware_version, std::nullopt, e.free_nvm, cis, addresses});
}

}  // namespace

void add_info_command(CLI::App& app, CommandContext& ctx) {
  auto* command = app.add_subcommand("info", "Show the eUICC: EID, versions, free memory, trusted CIs, addresses");
  command->final_callback([&ctx] {
    ctx.exit_status = run_command(
        ctx, [&](CardSession& card) { return on_card(ctx, card); }, [&](EuiccClient& euicc) { return on_daemon(ctx, euicc); });
  });
}

}  // namespace lpad::cli
