// Finding eUICCs: the [device NAME] groups of the config, every PC/SC reader (unless switched off
// or ignored) and ModemManager's modems (unless switched off). A device is an eUICC when a channel
// to the ISD-R opens and it tells its EID; the snapshot read then is the object's first view.
// Runs on a worker thread (it talks to cards).
#pragma once

#include <map>
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
  std::set<DeviceKey> present;  // configured devices, readers with a card in them, listed modems: the rest went away
  std::map<DeviceKey, std::string> modem_paths;  // the ModemManager modems listed now: their objects
  // ModemManager modems without an eUICC (or without a port lpad can use): not probed again, as
  // each probe inhibits the modem, which ModemManager announces as the modem going and coming.
  std::set<DeviceKey> not_euicc;
  std::size_t unanswered = 0;   // present and probed, but no eUICC answered (yet: a card just reset, a modem booting)
};

// `known` devices already have an object and are not probed (their worker may be using them);
// `not_euicc` is the previous scan's list of that name.
ScanResult scan_devices(const Config& config, const std::set<DeviceKey>& known, const std::set<DeviceKey>& not_euicc);

}  // namespace lpad::daemon
