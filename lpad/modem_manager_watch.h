// ModemManager's hot-plug: modems it adds and removes (ObjectManager InterfacesAdded and
// InterfacesRemoved) and ModemManager itself starting or stopping. On the daemon's connection and
// loop thread; `changed` runs there, once per signal (the daemon debounces).
#pragma once

#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IProxy.h>

#include <functional>
#include <memory>

namespace lpad::daemon {

class ModemManagerWatch {
 public:
  ModemManagerWatch(sdbus::IConnection& connection, std::function<void()> changed);

 private:
  std::function<void()> changed_;
  std::unique_ptr<sdbus::IProxy> object_manager_;
  std::unique_ptr<sdbus::IProxy> bus_driver_;
};

}  // namespace lpad::daemon
