// ES10a, the eUICC's configured SM-DP+ and SM-DS addresses (SGP.22 sections 5.7.3, 5.7.4).
#pragma once

#include <string_view>

#include "core/error.h"
#include "es10/isdr_channel.h"
#include "rsp/euicc_info.h"

namespace lpad::es10 {

Result<rsp::ConfiguredAddresses> get_configured_addresses(IsdrChannel& channel);
// An empty address removes the default SM-DP+ address.
Result<void> set_default_dp_address(IsdrChannel& channel, std::string_view address);

}  // namespace lpad::es10
