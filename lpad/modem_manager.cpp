#include "lpad/modem_manager.h"

#include <sdbus-c++/sdbus-c++.h>

#include <filesystem>
#include <map>

namespace lpad::daemon {
namespace {

constexpr const char* kModemInterface = "org.freedesktop.ModemManager1.Modem";

using Properties = std::map<std::string, sdbus::Variant>;
using ManagedObjects = std::map<sdbus::ObjectPath, std::map<std::string, Properties>>;

template <class T>
T property(const Properties& properties, const std::string& name) {
  auto it = properties.find(name);
  if (it == properties.end()) return T{};
  return it->second.get<T>();
}

}  // namespace

std::optional<ModemTransport> modem_transport(const MmModem& modem) {
  const ModemPort* qmi = nullptr;
  const ModemPort* at = nullptr;
  for (const auto& port : modem.ports) {
    if (port.type == static_cast<std::uint32_t>(ModemPortType::qmi) && !qmi) qmi = &port;
    // The primary AT port is the one ModemManager trusts for commands; any AT port will do else.
    if (port.type == static_cast<std::uint32_t>(ModemPortType::at) && (!at || port.name == modem.primary_port)) at = &port;
  }
  if (qmi) return ModemTransport{"qmi", "/dev/" + qmi->name};
  if (at) return ModemTransport{"at", "/dev/" + at->name};
  return std::nullopt;
}

bool port_exists(const std::string& device) {
  std::error_code ignored;
  return std::filesystem::exists(device, ignored);
}

Result<std::optional<std::vector<MmModem>>> list_modems() {
  try {
    auto connection = sdbus::createSystemBusConnection();
    // NameHasOwner first: a GetManagedObjects call would start an activatable ModemManager that
    // the administrator left stopped.
    auto bus = sdbus::createProxy(*connection, "org.freedesktop.DBus", "/org/freedesktop/DBus");
    bool running = false;
    bus->callMethod("NameHasOwner").onInterface("org.freedesktop.DBus").withArguments(std::string(kModemManagerName)).storeResultsTo(running);
    if (!running) return std::optional<std::vector<MmModem>>{};

    auto manager = sdbus::createProxy(*connection, kModemManagerName, kModemManagerPath);
    ManagedObjects objects;
    manager->callMethod("GetManagedObjects").onInterface("org.freedesktop.DBus.ObjectManager").storeResultsTo(objects);
    std::vector<MmModem> modems;
    for (const auto& [path, interfaces] : objects) {
      auto found = interfaces.find(kModemInterface);
      if (found == interfaces.end()) continue;
      const auto& properties = found->second;
      MmModem modem;
      modem.path = path;
      modem.uid = property<std::string>(properties, "Device");
      modem.primary_port = property<std::string>(properties, "PrimaryPort");
      for (const auto& port : property<std::vector<sdbus::Struct<std::string, std::uint32_t>>>(properties, "Ports"))
        modem.ports.push_back({std::get<0>(port), std::get<1>(port)});
      modems.push_back(std::move(modem));
    }
    return std::optional<std::vector<MmModem>>{std::move(modems)};
  } catch (const sdbus::Error& error) {
    // It left between the two calls.
    if (error.getName() == "org.freedesktop.DBus.Error.ServiceUnknown") return std::optional<std::vector<MmModem>>{};
    return fail(Errc::io_error, "ModemManager: " + error.getName() + ": " + error.getMessage());
  }
}

}  // namespace lpad::daemon
