#include "lpac-cli/download_runner.h"

#include <fmt/format.h>

#include "lpac-cli/notification_report.h"
#include "lpac-cli/progress_bar.h"
#include "lpac-cli/terminal_prompts.h"

namespace lpad::cli {

Result<void> check_prompting_possible(const DownloadPrompting& prompting) {
  if (stdin_is_terminal()) return {};
  if (!prompting.yes)
    return fail(Errc::invalid_argument, "there is no terminal to ask for consent: pass --yes to accept the profile");
  if (prompting.code_announced && !prompting.confirmation_code)
    return fail(Errc::invalid_argument, "the activation code needs a confirmation code: pass --confirmation-code");
  return {};
}

nlohmann::json report_download(const CommandContext& ctx, const rsp::ProfileMetadata& m, const std::string& isdp_aid,
                               const std::optional<engine::NotificationDelivery>& notification) {
  if (!ctx.out.json()) {
    fmt::print("Installed \"{}\" from {} (ICCID {}). Enable it with: lpa enable {}\n", m.profile_name, m.service_provider_name,
               m.iccid.digits(), m.iccid.digits());
  }
  if (notification && notification->error) ctx.out.warning(*notification->error);
  nlohmann::json profile{{"iccid", m.iccid.digits()},
                         {"isdp_aid", isdp_aid},
                         {"service_provider_name", m.service_provider_name},
                         {"profile_name", m.profile_name},
                         {"profile_class", rsp::to_string(m.profile_class)}};
  return nlohmann::json{{"profile", profile}, {"notification", notification ? delivery_json(*notification) : nlohmann::json(nullptr)}};
}

Result<nlohmann::json> run_download(CommandContext& ctx, es10::IsdrChannel& channel, engine::RspServers& servers,
                                    engine::DownloadRequest request, const DownloadPrompting& prompting) {
  request.confirmation_code = prompting.confirmation_code;
  ProgressBar bar(!ctx.out.json());
  engine::DownloadCallbacks callbacks;
  callbacks.progress = [&bar](const engine::Progress& p) { bar.update(p); };
  callbacks.consent = [&](const engine::ProfileOffer& offer) {
    if (prompting.yes) return true;
    bar.pause();
    return ask_consent(offer.metadata);
  };
  callbacks.confirmation_code = [&]() -> std::optional<std::string> {
    if (!stdin_is_terminal()) return std::nullopt;
    bar.pause();
    return ask_confirmation_code();
  };

  auto result = engine::download_profile(channel, servers, request, callbacks, ctx.retry);
  bar.pause();
  if (!result) return unexpected(result.error());

  return report_download(ctx, result->metadata, to_hex(result->isdp_aid), result->install_notification);
}

}  // namespace lpad::cli
