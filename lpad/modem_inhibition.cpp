#include "lpad/modem_inhibition.h"

#include <sdbus-c++/sdbus-c++.h>

#include <chrono>
#include <cstdio>

#include "lpad/modem_manager.h"

namespace lpad::daemon {
namespace {

constexpr const char* kManagerInterface = "org.freedesktop.ModemManager1";
// ModemManager closes the modem's ports before it answers; a modem busy with a command may take
// a while.
constexpr auto kCallTimeout = std::chrono::seconds(30);

}  // namespace

ModemInhibition::ModemInhibition(Key, std::unique_ptr<sdbus::IConnection> connection, std::unique_ptr<sdbus::IProxy> manager,
                                 std::string uid)
    : connection_(std::move(connection)), manager_(std::move(manager)), uid_(std::move(uid)) {}

Result<std::unique_ptr<ModemInhibition>> ModemInhibition::acquire(const std::string& uid) {
  try {
    auto connection = sdbus::createSystemBusConnection();
    auto manager = sdbus::createProxy(*connection, kModemManagerName, kModemManagerPath);
    manager->callMethod("InhibitDevice").onInterface(kManagerInterface).withTimeout(kCallTimeout).withArguments(uid, true);
    return std::make_unique<ModemInhibition>(Key{}, std::move(connection), std::move(manager), uid);
  } catch (const sdbus::Error& error) {
    // ModemManager stopped since the scan: nobody is left to fight over the port.
    if (error.getName() == "org.freedesktop.DBus.Error.ServiceUnknown" ||
        error.getName() == "org.freedesktop.DBus.Error.NameHasNoOwner")
      return std::unique_ptr<ModemInhibition>{};
    return fail(Errc::daemon_modem_inhibit_refused,
                "ModemManager would not release the modem " + uid + ": " + error.getName() + ": " + error.getMessage());
  }
}

ModemInhibition::~ModemInhibition() {
  try {
    manager_->callMethod("InhibitDevice").onInterface(kManagerInterface).withTimeout(kCallTimeout).withArguments(uid_, false);
  } catch (const sdbus::Error& error) {
    // The connection closes next, which ends the inhibition on ModemManager's side anyway.
    std::fprintf(stderr, "lpad: ModemManager: releasing the modem %s: %s: %s\n", uid_.c_str(), error.getName().c_str(),
                 error.getMessage().c_str());
  }
}

}  // namespace lpad::daemon
