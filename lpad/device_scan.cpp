#include "lpad/device_scan.h"

#include <cstdio>

#include "apdu_backends/pcsc/pcsc_transport.h"
#include "engine/card_session.h"

namespace lpad::daemon {
namespace {

bool probe(const EuiccDevice& device, std::vector<FoundEuicc>& found) {
  auto session = engine::CardSession::open(device.transport, device.channel);
  if (!session) {
    std::fprintf(stderr, "lpad: %s %s: no eUICC: %s\n", device.transport.backend.c_str(), device.transport.device.c_str(),
                 session.error().describe().c_str());
    return false;
  }
  auto snapshot = read_snapshot((*session)->channel());
  if (!snapshot) {
    std::fprintf(stderr, "lpad: %s %s: the eUICC did not answer: %s\n", device.transport.backend.c_str(),
                 device.transport.device.c_str(), snapshot.error().describe().c_str());
    return false;
  }
  found.push_back({device, std::move(*snapshot)});
  return true;
}

}  // namespace

ScanResult scan_devices(const Config& config, const std::set<DeviceKey>& known) {
  ScanResult result;
  for (const auto& configured : config.devices) {
    EuiccDevice device{configured.transport, config.channel_options(&configured), true};
    DeviceKey key{device.transport.backend, device.transport.device};
    result.present.insert(key);
    if (!known.contains(key) && !probe(device, result.found)) ++result.unanswered;
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
