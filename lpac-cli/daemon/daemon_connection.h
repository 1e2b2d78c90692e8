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
#include "dbus_api/interactive_authorization.h"
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
  DaemonConnection(Key, std::unique_ptr<sdbus::IConnection> bus, bool ask_password)
      : bus_(std::move(bus)), ask_password_(ask_password) {}
  // Connects to the system bus (DBUS_SYSTEM_BUS_ADDRESS is honoured) and starts the bus thread.
  // `ask_password`: changing calls let polkit ask the user (through the session's polkit agent).
  static Result<std::unique_ptr<DaemonConnection>> open(bool ask_password);
  ~DaemonConnection();
  DaemonConnection(const DaemonConnection&) = delete;
  DaemonConnection& operator=(const DaemonConnection&) = delete;

  sdbus::IConnection& bus() { return *bus_; }

  // Every eUICC and profile object. The first call to the daemon: its absence is reported here.
  Result<DaemonState> read_state();

  // A call that changes something (throws sdbus::Error). lpad checks it with polkit; the call
  // carries ALLOW_INTERACTIVE_AUTHORIZATION when a password may be asked, which sdbus-c++ 1.2's
  // generated proxies cannot set, hence a hand-built call.
  template <class... Args>
  sdbus::MethodReply call_changing(const std::string& path, const char* interface, const char* method, const Args&... args) {
    auto proxy = sdbus::createProxy(*bus_, kBusName, path);
    auto call = proxy->createMethodCall(interface, method);
    (call << ... << args);
    if (ask_password_) dbus_api::allow_interactive_authorization(call);
    return proxy->callMethod(call);  // the connection's time limit, 120 s (open())
  }

 private:
  std::unique_ptr<sdbus::IConnection> bus_;
  bool ask_password_ = false;
};

}  // namespace lpad::cli::daemon
