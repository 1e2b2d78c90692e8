// What the daemon knows of an eUICC between reads: the properties of its Euicc and Profile objects
// are served from here, so reading them needs no APDU. Read after every change and on Refresh.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "es10/isdr_channel.h"
#include "rsp/euicc_info.h"
#include "rsp/profile.h"

namespace lpad::daemon {

struct EuiccSnapshot {
  std::string eid;
  rsp::EuiccInfo2 info2;
  rsp::ConfiguredAddresses addresses;
  std::vector<rsp::ProfileInfo> profiles;
};

Result<EuiccSnapshot> read_snapshot(es10::IsdrChannel& channel);

}  // namespace lpad::daemon
