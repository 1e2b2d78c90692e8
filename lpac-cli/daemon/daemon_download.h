// Downloads and SM-DS discoveries through lpad: the request as Euicc.Download / Euicc.Discover
// options, the job followed to its end (job_runner), and the outcome in direct mode's form. QR
// images stay on this side: lpad gets the activation code as text.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "lpac-cli/command_context.h"
#include "lpac-cli/daemon/euicc_client.h"
#include "lpac-cli/download_runner.h"

namespace lpad::cli::daemon {

struct DownloadOrder {
  std::string activation_code;  // "LPA:1$...", or "" for an SM-DS event
  std::string smdp_address;     // with event_id
  std::string event_id;
};

Result<nlohmann::json> download(CommandContext& ctx, EuiccClient& euicc, const DownloadOrder& order, const DownloadPrompting& prompting);

// The events waiting at `smds` ("" for the eUICC's root SM-DS).
Result<JobResult> discover(CommandContext& ctx, EuiccClient& euicc, const std::string& smds);

}  // namespace lpad::cli::daemon
