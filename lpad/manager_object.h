// org.lpad.Lpad1.Manager and the ObjectManager on /org/lpad/Lpad1: the daemon's root object.
#pragma once

#include <sdbus-c++/sdbus-c++.h>

#include <functional>
#include <string>
#include <vector>

#include "dbus_api/manager_adaptor.h"
#include "lpad/authority.h"

namespace lpad::daemon {

class ManagerObject final
    : public sdbus::AdaptorInterfaces<org::lpad::Lpad1::Manager_adaptor, sdbus::ObjectManager_adaptor, sdbus::Properties_adaptor> {
 public:
  struct Hooks {
    std::function<std::vector<sdbus::ObjectPath>()> euiccs;
    std::function<void(const Caller&, sdbus::Result<>&&)> rescan;
  };

  ManagerObject(sdbus::IConnection& connection, std::string path, Hooks hooks);
  ~ManagerObject();

  void euiccs_changed();

 private:
  std::string Version() override;
  std::vector<sdbus::ObjectPath> Euiccs() override { return hooks_.euiccs(); }
  void Rescan(sdbus::Result<>&& result) override;

  Hooks hooks_;
};

}  // namespace lpad::daemon
