// Asks polkit whether a D-Bus caller may do an action (org.freedesktop.PolicyKit1.Authority.
// CheckAuthorization, subject "system-bus-name"), without blocking the D-Bus thread: the answer
// arrives as a callback on it. Without a polkit authority on the bus only root may act.
#pragma once

#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IProxy.h>
#include <sdbus-c++/Message.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <sys/types.h>

#include "core/error.h"

namespace lpad::daemon {

namespace action {
inline constexpr std::string_view kRead = "org.lpad.Lpad1.read";
inline constexpr std::string_view kManageProfiles = "org.lpad.Lpad1.manage-profiles";
inline constexpr std::string_view kDownload = "org.lpad.Lpad1.download";
inline constexpr std::string_view kDelete = "org.lpad.Lpad1.delete";
inline constexpr std::string_view kReset = "org.lpad.Lpad1.reset";
inline constexpr std::string_view kConfigure = "org.lpad.Lpad1.configure";
}  // namespace action

// Who called: the unique bus name, the uid the bus vouches for, and whether the call allows
// interactive authorization (the message flag ALLOW_INTERACTIVE_AUTHORIZATION).
struct Caller {
  std::string bus_name;
  uid_t uid = static_cast<uid_t>(-1);
  bool interactive = false;
};

Caller caller_of(const sdbus::Message& call);

class Authority {
 public:
  // daemon.not-authorized when refused; interactive_required when only a password the call did
  // not allow asking for would do (the D-Bus error InteractiveAuthorizationRequired).
  using Done = std::function<void(Result<void>)>;

  explicit Authority(sdbus::IConnection& connection);
  void check(const Caller& caller, std::string_view action_id, Done done);

 private:
  std::unique_ptr<sdbus::IProxy> polkit_;
};

}  // namespace lpad::daemon
