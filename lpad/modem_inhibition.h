// ModemManager keeps off a modem while lpad works on its SIM: InhibitDevice(uid, true) when this
// object is made, InhibitDevice(uid, false) when it goes, whatever the work's outcome. Each
// inhibition has a bus connection of its own: ModemManager ends an inhibition when its client's
// name leaves the bus, so a crashed lpad never leaves a modem inhibited.
#pragma once

#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IProxy.h>

#include <memory>
#include <string>

#include "core/error.h"

namespace lpad::daemon {

class ModemInhibition {
  struct Key {};

 public:
  // nullptr when ModemManager is not on the bus (nobody to keep off the port);
  // daemon.modem-inhibit-refused when it answers no.
  static Result<std::unique_ptr<ModemInhibition>> acquire(const std::string& uid);

  ModemInhibition(Key, std::unique_ptr<sdbus::IConnection> connection, std::unique_ptr<sdbus::IProxy> manager, std::string uid);
  ~ModemInhibition();
  ModemInhibition(const ModemInhibition&) = delete;
  ModemInhibition& operator=(const ModemInhibition&) = delete;

 private:
  std::unique_ptr<sdbus::IConnection> connection_;
  std::unique_ptr<sdbus::IProxy> manager_;  // on connection_: the uninhibit comes from the same name
  std::string uid_;
};

}  // namespace lpad::daemon
