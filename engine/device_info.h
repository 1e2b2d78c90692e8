// The DeviceInfo an LPA sends inside ctxParams1 (SGP.22 section 4.2): the device's TAC, its radio
// capabilities and optionally its IMEI. SM-DP+ servers use it to pick a profile variant, and some
// refuse a download without a plausible TAC.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "rsp/authentication.h"

namespace lpad::engine {

struct DeviceIdentity {
  std::optional<std::string> imei;  // 15 digits (or 16, IMEISV); the TAC is its first 8
  std::optional<std::string> tac;   // 8 digits; used when there is no IMEI
};

// Without an IMEI or TAC the TAC of a generic LTE/5G module is sent (as other LPAs do), and the
// capabilities claim current releases of every radio a Linux modem typically has.
Result<rsp::DeviceInfo> make_device_info(const DeviceIdentity& identity);

}  // namespace lpad::engine
