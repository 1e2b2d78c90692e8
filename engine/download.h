// Profile download (SGP.22 section 3.1): from an activation code (or an SM-DS event) to an
// installed profile whose install notification the SM-DP+ has received. The procedure asks its
// caller for consent and, when the SM-DP+ wants one, a confirmation code, through callbacks, so
// the CLI can prompt and the daemon can ask its D-Bus client. Every failure after the sessions
// exist cancels them on the eUICC and at the SM-DP+ with the matching reason.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "engine/device_info.h"
#include "engine/notification_delivery.h"
#include "engine/progress.h"
#include "engine/retry_policy.h"
#include "engine/rsp_servers.h"
#include "es10/isdr_channel.h"
#include "rsp/cancel_session.h"
#include "rsp/profile.h"

namespace lpad::engine {

struct DownloadRequest {
  std::string smdp_address;                       // host[:port]
  std::optional<std::string> matching_id;         // the activation code's token, or an SM-DS eventId
  std::optional<std::string> confirmation_code;   // used when the SM-DP+ requires one
  DeviceIdentity device;
};

// What the user is asked to agree to (SGP.22 section 3.1.3.2: name, provider, class at least).
struct ProfileOffer {
  const rsp::ProfileMetadata& metadata;
  bool confirmation_code_required;
};

// Why a download must stop before its point of no return (a daemon's Cancel, its client leaving the
// bus, nobody answering in time): the sessions are cancelled with `reason` and the download fails
// with `code`.
struct StopRequest {
  Errc code;
  std::string message;
  rsp::CancelSessionReason reason;
};

struct DownloadCallbacks {
  // Return false to decline (the sessions are cancelled as "end user rejection"). Unset: agreed.
  std::function<bool(const ProfileOffer&)> consent;
  // Asked only when the SM-DP+ requires a code and the request has none. nullopt: none available
  // (the download is cancelled as "postponed").
  std::function<std::optional<std::string>()> confirmation_code;
  ProgressSink progress;
  // Asked between steps up to the point of no return, and when consent or a code is refused, so a
  // stop carries its own reason. Unset or nullopt: go on.
  std::function<std::optional<StopRequest>()> stop_requested;
  // The SM-DP+ opened a session (for a crash journal: what to cancel if the process dies).
  std::function<void(const std::string& transaction_id)> session_opened;
  // The profile package is about to be loaded onto the card: the caller commits (nullopt; from
  // here on nothing cancels), or returns a stop that came first, which cancels as stop_requested
  // would. One call, so a stop cannot slip in between the last check and the commitment.
  std::function<std::optional<StopRequest>()> point_of_no_return;
};

struct DownloadResult {
  rsp::ProfileMetadata metadata;
  Bytes isdp_aid;
  NotificationDelivery install_notification;  // delivered, or why not (it then stays on the card)
};

Result<DownloadResult> download_profile(es10::IsdrChannel& channel, RspServers& servers, const DownloadRequest& request,
                                        const DownloadCallbacks& callbacks, const RetryPolicy& retry = {});

}  // namespace lpad::engine
