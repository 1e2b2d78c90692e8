// `lpa discover [--smds ADDRESS] [--download]`: ask an SM-DS which profiles wait for this eUICC
// (SGP.22 section 3.6), and optionally download them.
#include <fmt/format.h>

#include <memory>

#include "engine/discovery.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/daemon/daemon_download.h"
#include "lpac-cli/download_runner.h"

namespace lpad::cli {

namespace {
struct Options {
  std::string smds;
  bool download = false;
  bool yes = false;
  std::string confirmation_code;
};

using Event = daemon::DiscoveredEvent;
using DownloadEvent = std::function<Result<nlohmann::json>(const Event&)>;

// Lists what was found and, with --download, downloads each event in turn (either mode).
Result<nlohmann::json> report(const CommandContext& ctx, const std::string& smds_address, const std::vector<Event>& found,
                              const Options& options, const DownloadEvent& download) {
  nlohmann::json events = nlohmann::json::array();
  if (!ctx.out.json()) {
    if (found.empty()) fmt::print("No profiles wait at {}.\n", smds_address);
    for (const auto& e : found) fmt::print("Event {} at {}\n", e.event_id, e.smdp_address);
  }
  for (const auto& e : found) {
    nlohmann::json item{{"event_id", e.event_id}, {"smdp_address", e.smdp_address}, {"download", nullptr}};
    if (options.download) {
      auto installed = download(e);
      if (!installed) return unexpected(installed.error());
      item["download"] = *installed;
    }
    events.push_back(std::move(item));
  }
  return nlohmann::json{{"smds_address", smds_address}, {"events", events}};
}

}  // namespace

void add_discover_command(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("discover", "List profiles waiting for this eUICC at an SM-DS");
  command->add_option("--smds", options->smds, "The SM-DS to ask (default: the eUICC's root SM-DS, else lpa.ds.gsma.com)");
  command->add_flag("--download", options->download, "Download every profile found");
  command->add_flag("--yes,-y", options->yes, "With --download: accept the profiles without asking");
  command->add_option("--confirmation-code", options->confirmation_code, "With --download: the confirmation code, if needed");
  command->final_callback([&ctx, options] {
    DownloadPrompting prompting{options->yes, std::nullopt, false};
    if (!options->confirmation_code.empty()) prompting.confirmation_code = options->confirmation_code;
    if (options->download) {
      if (auto possible = check_prompting_possible(prompting); !possible) {
        ctx.exit_status = ctx.out.error(possible.error());
        return;
      }
    }
    ctx.exit_status = run_command_with_servers(
        ctx,
        [&](CardSession& card, engine::RspServers& servers) -> Result<nlohmann::json> {
          engine::DiscoveryRequest request;
          if (!options->smds.empty()) request.smds_address = options->smds;
          request.device = ctx.servers.device;
          auto found = engine::discover_events(card.channel(), servers, request);
          if (!found) return unexpected(found.error());
          std::vector<Event> events;
          for (const auto& e : found->events) events.push_back({e.event_id, e.rsp_server_address});
          return report(ctx, found->smds_address, events, *options, [&](const Event& e) {
            engine::DownloadRequest download{e.smdp_address, e.event_id, std::nullopt, ctx.servers.device};
            return run_download(ctx, card.channel(), servers, download, prompting);
          });
        },
        [&](EuiccClient& euicc) -> Result<nlohmann::json> {
          auto found = daemon::discover(ctx, euicc, options->smds);
          if (!found) return unexpected(found.error());
          return report(ctx, found->smds_address, found->events, *options, [&](const Event& e) {
            return daemon::download(ctx, euicc, {"", e.smdp_address, e.event_id}, prompting);
          });
        });
  });
}

}  // namespace lpad::cli
