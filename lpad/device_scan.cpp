#include "lpad/device_scan.h"

#include <cstdio>

#include "apdu_backends/pcsc/pcsc_transport.h"
#include "lpad/device_session.h"
#include "lpad/modem_manager.h"

namespace lpad::daemon {
namespace {

// The eUICC's first snapshot, or why there is none.
Result<void> probe(const EuiccDevice& device, std::vector<FoundEuicc>& found) {
  auto session = DeviceSession::open(device);
  if (!session) {
    std::fprintf(stderr, "lpad: %s %s: no eUICC: %s\n", device.transport.backend.c_str(), device.transport.device.c_str(),
                 session.error().describe().c_str());
    return unexpected(session.error());
  }
  auto snapshot = read_snapshot((*session)->channel());
  if (!snapshot) {
    std::fprintf(stderr, "lpad: %s %s: the eUICC did not answer: %s\n", device.transport.backend.c_str(),
                 device.transport.device.c_str(), snapshot.error().describe().c_str());
    return unexpected(snapshot.error());
  }
  found.push_back({device, std::move(*snapshot)});
  return {};
}

// ModemManager's modems with a port lpad can use, by that port; MBIM-only ones go to not_euicc.
std::map<DeviceKey, MmModem> usable_modems(const Config& config, const std::set<DeviceKey>& not_euicc, ScanResult& result) {
  std::map<DeviceKey, MmModem> out;
  if (!config.modem_manager) return out;
  auto modems = list_modems();
  if (!modems) {
    std::fprintf(stderr, "lpad: %s\n", modems.error().describe().c_str());
    return out;
  }
  if (!*modems) return out;  // ModemManager is not running: the config's devices are all there is
  for (auto& modem : **modems) {
    auto transport = modem_transport(modem);
    if (!transport) {
      DeviceKey key{"mbim", modem.uid};
      if (!not_euicc.contains(key))
        std::fprintf(stderr, "lpad: ModemManager modem %s (%s): no QMI or AT port, and lpad has no MBIM backend yet: skipped\n",
                     modem.path.c_str(), modem.uid.c_str());
      result.not_euicc.insert(key);
      continue;
    }
    out.emplace(DeviceKey{transport->backend, transport->device}, std::move(modem));
  }
  return out;
}

}  // namespace

ScanResult scan_devices(const Config& config, const std::set<DeviceKey>& known, const std::set<DeviceKey>& not_euicc) {
  ScanResult result;
  auto modems = usable_modems(config, not_euicc, result);
  for (const auto& configured : config.devices) {
    EuiccDevice device{configured.transport, config.channel_options(&configured), true};
    DeviceKey key{device.transport.backend, device.transport.device};
    // A [device] group may name a modem's port for its settings: ModemManager still lets go of it.
    if (auto modem = modems.find(key); modem != modems.end()) {
      device.modem_uid = modem->second.uid;
      result.modem_paths[key] = modem->second.path;
      modems.erase(modem);
    }
    result.present.insert(key);
    if (!known.contains(key) && !probe(device, result.found)) ++result.unanswered;
  }
  // Not listed while ModemManager probes it again after an inhibition: remembered while the port exists.
  for (const auto& key : not_euicc)
    if (key.first != "mbim" && !modems.contains(key) && port_exists(key.second)) result.not_euicc.insert(key);
  for (const auto& [key, modem] : modems) {
    result.present.insert(key);
    result.modem_paths[key] = modem.path;
    if (known.contains(key)) continue;
    if (not_euicc.contains(key)) {
      result.not_euicc.insert(key);
      continue;
    }
    EuiccDevice device;
    device.transport.backend = key.first;
    device.transport.device = key.second;
    device.transport.timeouts = config.transport_timeouts;
    device.channel = config.channel_options(nullptr);
    device.modem_uid = modem.uid;
    // The probe's inhibition makes ModemManager re-create the modem under a new path, which a
    // later scan names.
    device.modem_path = "/";
    auto probed = probe(device, result.found);
    if (probed) continue;
    // Refused by ModemManager (another client holds the modem): worth another try; a modem that
    // let lpad in and showed no eUICC has an ordinary SIM, or none.
    if (probed.error().code == Errc::daemon_modem_inhibit_refused) ++result.unanswered;
    else result.not_euicc.insert(key);
  }
  if (!config.pcsc) return result;
  auto readers = apdu::pcsc::pcsc_reader_status(config.transport_timeouts.command);
  if (!readers) return result;  // no pcscd, or no reader: nothing to find there
  for (const auto& [reader, card_present] : *readers) {
    if (!card_present) continue;  // an empty reader holds no eUICC (one that was there went away)
    bool ignored = false;
    for (const auto& pattern : config.pcsc_ignore) ignored = ignored || reader.find(pattern) != std::string::npos;
    DeviceKey key{std::string("pcsc"), reader};
    if (ignored || result.present.contains(key)) continue;  // a [device] group names it already
    result.present.insert(key);
    if (known.contains(key)) continue;
    EuiccDevice device;
    device.transport.backend = "pcsc";
    device.transport.device = reader;
    device.transport.timeouts = config.transport_timeouts;
    device.channel = config.channel_options(nullptr);
    if (!probe(device, result.found)) ++result.unanswered;
  }
  return result;
}

}  // namespace lpad::daemon
