// "enable <iccid|name>": a profile named the way a person names it, an ICCID (19 or 20 digits),
// its nickname or its profile name, resolved against the card's list to the ICCID ES10 needs.
#pragma once

#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/iccid.h"
#include "es10/isdr_channel.h"
#include "rsp/profile.h"

namespace lpad::cli {

// The one profile `selector` names: an exact ICCID, else a nickname, else a profile name (case
// matters; an ambiguous name is an error that lists the ICCIDs to choose from).
Result<Iccid> resolve_profile(std::string_view selector, const std::vector<rsp::ProfileInfo>& profiles);

// The same against the card's list, read now (direct mode).
Result<Iccid> resolve_profile_on_card(std::string_view selector, es10::IsdrChannel& channel);

}  // namespace lpad::cli
