#include "lpad/modem_manager_watch.h"

#include <sdbus-c++/sdbus-c++.h>

#include <map>
#include <string>
#include <vector>

#include "lpad/modem_manager.h"

namespace lpad::daemon {

ModemManagerWatch::ModemManagerWatch(sdbus::IConnection& connection, std::function<void()> changed)
    : changed_(std::move(changed)),
      object_manager_(sdbus::createProxy(connection, kModemManagerName, kModemManagerPath)),
      bus_driver_(sdbus::createProxy(connection, "org.freedesktop.DBus", "/org/freedesktop/DBus")) {
  // Only modems matter: ModemManager's other objects (bearers, SIMs, calls) come and go too.
  auto is_modem = [](const std::string& interface) { return interface == "org.freedesktop.ModemManager1.Modem"; };
  object_manager_->uponSignal("InterfacesAdded")
      .onInterface("org.freedesktop.DBus.ObjectManager")
      .call([this, is_modem](const sdbus::ObjectPath&, const std::map<std::string, std::map<std::string, sdbus::Variant>>& added) {
        for (const auto& [interface, properties] : added)
          if (is_modem(interface)) return changed_();
      });
  object_manager_->uponSignal("InterfacesRemoved")
      .onInterface("org.freedesktop.DBus.ObjectManager")
      .call([this, is_modem](const sdbus::ObjectPath&, const std::vector<std::string>& removed) {
        for (const auto& interface : removed)
          if (is_modem(interface)) return changed_();
      });
  object_manager_->finishRegistration();
  bus_driver_->uponSignal("NameOwnerChanged")
      .onInterface("org.freedesktop.DBus")
      .call([this](const std::string& name, const std::string&, const std::string&) {
        if (name == kModemManagerName) changed_();
      });
  bus_driver_->finishRegistration();
}

}  // namespace lpad::daemon
