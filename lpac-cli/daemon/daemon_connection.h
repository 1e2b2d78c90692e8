// `lpa`'s connection to lpad on the system bus (docs/dbus-api.md): connecting with an error that
// says what to do when the bus or the daemon is absent, the bus thread that delivers signals, and
// the translation of D-Bus errors back into lpad::Error (same codes as direct mode).
#pragma once

#include <sdbus-c++/sdbus-c++.h>

#include <map>
#include <memory>
#include <type_traits>
#include <vector>

#include "core/error.h"
#include "dbus_api/error_names.h"
#include "lpac-cli/daemon/object_model.h"

namespace lpad::cli::daemon {

// What the daemon offers, from one GetManagedObjects.
struct DaemonState {
  std::vector<EuiccObject> euiccs;                   // the daemon's order (Manager.Euiccs)
  std::map<std::string, ProfileObject> profiles;     // by object path
};

// The lpad::Error a D-Bus error stands for (dbus_api/error_names.h), with a hint where lpa can give one.
Error error_from_sdbus(const sdbus::Error& error);

// Runs `call` (a proxy method) and turns a D-Bus error into the lpad::Error it stands for.
template <class Call>
auto dbus_call(Call&& call) -> Result<std::invoke_result_t<Call>> {
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<Call>>) {
      call();
      return {};
    } else {
      return call();
    }
  } catch (const sdbus::Error& e) {
    return unexpected(error_from_sdbus(e));
  }
}

class DaemonConnection {
  struct Key {};

 public:
  DaemonConnection(Key, std::unique_ptr<sdbus::IConnection> bus) : bus_(std::move(bus)) {}
  // Connects to the system bus (DBUS_SYSTEM_BUS_ADDRESS is honoured) and starts the bus thread.
  static Result<std::unique_ptr<DaemonConnection>> open();
  ~DaemonConnection();
  DaemonConnection(const DaemonConnection&) = delete;
  DaemonConnection& operator=(const DaemonConnection&) = delete;

  sdbus::IConnection& bus() { return *bus_; }

  // Every eUICC and profile object. The first call to the daemon: its absence is reported here.
  Result<DaemonState> read_state();

 private:
  std::unique_ptr<sdbus::IConnection> bus_;
};

}  // namespace lpad::cli::daemon
