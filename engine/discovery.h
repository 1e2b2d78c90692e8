// Event retrieval (SGP.22 section 3.6): mutual authentication with an SM-DS, which then lists the
// events waiting for this eUICC. Each event names an SM-DP+ and an eventId that serves as the
// matching ID of a download.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "engine/device_info.h"
#include "engine/progress.h"
#include "engine/rsp_servers.h"
#include "es10/isdr_channel.h"
#include "es11/es11.h"

namespace lpad::engine {

// The root SM-DS every eUICC may ask (GSMA's), when the card names none.
inline constexpr std::string_view kGsmaRootSmds = "lpa.ds.gsma.com";

struct DiscoveryRequest {
  std::optional<std::string> smds_address;  // unset: the eUICC's root SM-DS, else GSMA's
  DeviceIdentity device;
};

struct Discovery {
  std::string smds_address;  // the SM-DS asked
  std::vector<es11::EventEntry> events;
};

Result<Discovery> discover_events(es10::IsdrChannel& channel, RspServers& servers, const DiscoveryRequest& request,
                                  const ProgressSink& progress = {});

}  // namespace lpad::engine
