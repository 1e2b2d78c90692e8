// One profile download from `lpa` (direct mode; the prompting rules and the report serve daemon mode too), shared by `lpa download` and `lpa discover
// --download`: prompts at the terminal (or --yes), the progress bar, and the result as text or JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "engine/download.h"
#include "lpac-cli/command_context.h"

namespace lpad::cli {

struct DownloadPrompting {
  bool yes = false;                              // consent given on the command line
  std::optional<std::string> confirmation_code;  // --confirmation-code
  bool code_announced = false;                   // the activation code says one is needed
};

// Refuses early what cannot work without a person at a terminal (no card, no server touched yet).
Result<void> check_prompting_possible(const DownloadPrompting& prompting);

// What a finished download shows, as text and as the JSON of docs/lpa-json.md, in either mode. No
// notification: the daemon did not report the install notification's delivery.
nlohmann::json report_download(const CommandContext& ctx, const rsp::ProfileMetadata& metadata, const std::string& isdp_aid,
                               const std::optional<engine::NotificationDelivery>& notification);

Result<nlohmann::json> run_download(CommandContext& ctx, es10::IsdrChannel& channel, engine::RspServers& servers,
                                    engine::DownloadRequest request, const DownloadPrompting& prompting);

}  // namespace lpad::cli
