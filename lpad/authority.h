// Asks polkit whether a D-Bus caller may do an action (org.freedesktop.PolicyKit1.Authority.
// CheckAuthorization, subject "system-bus-name"), without blocking the D-Bus thread: the answer
// arrives as a callback on it. Without a polkit authority on the bus only root may act.
#pragma once

#include <sdbus-c++/IConnection.h>
#include <sdbus-c++/IProxy.h>

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

// Who called: the unique bus name and the uid the bus vouches for.
struct Caller {
  std::string bus_name;
  uid_t uid = static_cast<uid_t>(-1);
};

class Authority {
 public:
  using Done = std::function<void(Result<void>)>;  // daemon.not-authorized when refused

  explicit Authority(sdbus::IConnection& connection);
  void check(const Caller& caller, std::string_view action_id, Done done);

 private:
  std::unique_ptr<sdbus::IProxy> polkit_;
};

}  // namespace lpad::daemon
