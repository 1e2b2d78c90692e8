// `lpa download <activation-code|->` (also --file, --qr) and `lpa download --event ID --smdp ADDRESS`:
// install a profile from an SM-DP+ (SGP.22 section 3.1).
#include <fmt/format.h>

#include <memory>

#include "lpac-cli/activation_code_source.h"
#include "lpac-cli/commands/commands.h"
#include "lpac-cli/daemon/daemon_download.h"
#include "lpac-cli/download_runner.h"

namespace lpad::cli {

namespace {
struct Options {
  ActivationCodeSource source;
  std::string confirmation_code;
  std::string event_id;
  std::string smdp;
  bool yes = false;
};
}  // namespace

void add_download_command(CLI::App& app, CommandContext& ctx) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand("download", "Download and install a profile from an SM-DP+");
  options->source.add_options(*command, true);
  command->add_option("--confirmation-code", options->confirmation_code, "The confirmation code the operator gave (asked for if needed)");
  auto* event = command->add_option("--event", options->event_id, "Download the profile of an SM-DS event (see lpa discover)");
  auto* smdp = command->add_option("--smdp", options->smdp, "The SM-DP+ of the event");
  event->needs(smdp);
  smdp->needs(event);
  command->add_flag("--yes,-y", options->yes, "Accept the profile without asking");
  command->parse_complete_callback([options, event] {
    if (options->source.given() == (event->count() > 0))
      throw CLI::ValidationError("download", "give an activation code (or --file, --qr), or --event with --smdp");
  });
  command->final_callback([&ctx, options] {
    engine::DownloadRequest request;
    daemon::DownloadOrder order;  // the same for lpad: QR images and files are read here
    DownloadPrompting prompting{options->yes, std::nullopt, false};
    if (!options->confirmation_code.empty()) prompting.confirmation_code = options->confirmation_code;
    if (!options->event_id.empty()) {
      request.smdp_address = order.smdp_address = options->smdp;
      request.matching_id = order.event_id = options->event_id;
    } else {
      auto code = options->source.read();
      if (!code) {
        ctx.exit_status = ctx.out.error(code.error());
        return;
      }
      request.smdp_address = code->smdp_address;
      request.matching_id = code->matching_id;
      order.activation_code = qr::format_activation_code(*code);
      prompting.code_announced = code->confirmation_code_required;
    }
    request.device = ctx.servers.device;
    if (auto possible = check_prompting_possible(prompting); !possible) {
      ctx.exit_status = ctx.out.error(possible.error());
      return;
    }
    ctx.exit_status = run_command_with_servers(
        ctx,
        [&](CardSession& card, engine::RspServers& servers) {
          return run_download(ctx, card.channel(), servers, request, prompting);
        },
        [&](EuiccClient& euicc) { return daemon::download(ctx, euicc, order, prompting); });
  });
}

}  // namespace lpad::cli
