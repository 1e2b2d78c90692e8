#include "lpac-cli/daemon/daemon_connection.h"

#include <pthread.h>
#include <signal.h>

#include <fmt/format.h>

#include <chrono>

#include "dbus_api/manager_proxy.h"

namespace lpad::cli::daemon {

namespace {

// Changing calls may wait for the card (a modem resets) and for polkit: docs/dbus-api.md asks
// clients for 120 s instead of sd-bus's 25 s.
constexpr auto kCallTimeout = std::chrono::seconds(120);

class ManagerProxy final
    : public sdbus::ProxyInterfaces<org::lpad::Lpad1::Manager_proxy, sdbus::ObjectManager_proxy, sdbus::Properties_proxy> {
 public:
  explicit ManagerProxy(sdbus::IConnection& bus) : ProxyInterfaces(bus, kBusName, kManagerPath) { registerProxy(); }
  ~ManagerProxy() { unregisterProxy(); }
  ManagerProxy(const ManagerProxy&) = delete;
  ManagerProxy& operator=(const ManagerProxy&) = delete;

 private:
  // `lpa` reads the state once per command; it does not mirror changes.
  void onInterfacesAdded(const sdbus::ObjectPath&, const std::map<std::string, Properties>&) override {}
  void onInterfacesRemoved(const sdbus::ObjectPath&, const std::vector<std::string>&) override {}
  void onPropertiesChanged(const std::string&, const Properties&, const std::vector<std::string>&) override {}
};

Error not_running(std::string_view why) {
  return Error{Errc::daemon_unavailable,
               fmt::format("lpad is not running on the system bus ({}); start it, or use --direct with --backend/--device", why)};
}

bool means_absent(const std::string& dbus_name) {
  return dbus_name == "org.freedesktop.DBus.Error.ServiceUnknown" || dbus_name == "org.freedesktop.DBus.Error.NameHasNoOwner" ||
         dbus_name.starts_with("org.freedesktop.DBus.Error.Spawn.");
}

}  // namespace

Error error_from_sdbus(const sdbus::Error& e) {
  Error error = dbus_api::error_from_dbus(e.getName(), e.getMessage());
  if (e.getName() == "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired")
    error.message += " (lpa lets polkit ask for a password only on a terminal and without --no-ask-password; "
                     "or run it as root, or allow your user with a polkit rule, see docs/dbus-api.md \"Authorisation\")";
  return error;
}

Result<std::unique_ptr<DaemonConnection>> DaemonConnection::open(bool ask_password) {
  std::unique_ptr<sdbus::IConnection> bus;
  try {
    bus = sdbus::createSystemBusConnection();
    bus->setMethodCallTimeout(kCallTimeout);
    // The bus thread inherits the signal mask: Ctrl-C must reach the main thread, which cancels
    // a job or, outside jobs, simply ends lpa.
    sigset_t interrupts, previous;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &interrupts, &previous);
    bus->enterEventLoopAsync();
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  } catch (const sdbus::Error& e) {
    return unexpected(not_running(fmt::format("cannot connect to the system bus: {}", e.getMessage())));
  }
  return std::make_unique<DaemonConnection>(Key{}, std::move(bus), ask_password);
}

DaemonConnection::~DaemonConnection() {
  try {
    bus_->leaveEventLoop();
  } catch (const sdbus::Error&) {
    // Leaving anyway: the connection closes with the object.
  }
}

Result<DaemonState> DaemonConnection::read_state() {
  ManagerProxy manager(*bus_);
  std::map<sdbus::ObjectPath, std::map<std::string, Properties>> objects;
  std::vector<sdbus::ObjectPath> order;
  try {
    objects = manager.GetManagedObjects();
    order = manager.Euiccs();
  } catch (const sdbus::Error& e) {
    if (means_absent(e.getName())) return unexpected(not_running(e.getMessage()));
    return unexpected(error_from_sdbus(e));
  }
  DaemonState state;
  for (const auto& [path, interfaces] : objects) {
    if (auto profile = interfaces.find(kProfileInterface); profile != interfaces.end())
      state.profiles.emplace(path, profile_from_properties(path, profile->second));
  }
  for (const auto& path : order) {
    auto object = objects.find(path);
    if (object == objects.end()) continue;  // went away between the two calls
    if (auto euicc = object->second.find(kEuiccInterface); euicc != object->second.end())
      state.euiccs.push_back(euicc_from_properties(path, euicc->second));
  }
  return state;
}

}  // namespace lpad::cli::daemon
