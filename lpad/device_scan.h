// Finding eUICCs: the [device NAME] groups of the config, and every PC/SC reader (unless switched
// off or ignored). A device is an eUICC when a channel to the ISD-R opens and it tells its EID;
// the snapshot read then is the object's first view. Runs on a worker thread (it talks to cards).
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "lpad/config.h"
#include "lpad/euicc_device.h"
#include "lpad/euicc_snapshot.h"

namespace lpad::daemon {

struct FoundEuicc {
  EuiccDevice device;
  EuiccSnapshot snapshot;
};

using DeviceKey = std::pair<std::string, std::string>;  // backend, device

struct ScanResult {
  std::vector<FoundEuicc> found;
  std::set<DeviceKey> present;  // configured devices, and readers with a card in them: the rest went away
  std::size_t unanswered = 0;   // present and probed, but no eUICC answered (yet: a card just reset, a modem booting)
};

// `known` devices already have an object and are not probed (their worker may be using them).
ScanResult scan_devices(const Config& config, const std::set<DeviceKey>& known);

}  // namespace lpad::daemon
