#include "lpad/authority.h"

#include <sdbus-c++/Error.h>
#include <sdbus-c++/Types.h>

#include <map>

#include "dbus_api/interactive_authorization.h"

namespace lpad::daemon {
namespace {

constexpr const char* kPolkitName = "org.freedesktop.PolicyKit1";
constexpr const char* kPolkitPath = "/org/freedesktop/PolicyKit1/Authority";
constexpr const char* kPolkitInterface = "org.freedesktop.PolicyKit1.Authority";

// The bus has nobody answering for polkit (a router, a container): fall back to root-only.
bool no_authority(const sdbus::Error& error) {
  return error.getName() == "org.freedesktop.DBus.Error.ServiceUnknown" ||
         error.getName() == "org.freedesktop.DBus.Error.NameHasNoOwner";
}

Error refused(std::string_view action_id, std::string why) {
  return Error{Errc::daemon_not_authorized, "not authorized for " + std::string(action_id) + why};
}

}  // namespace

Caller caller_of(const sdbus::Message& call) {
  return Caller{call.getSender(), call.getCredsUid(), dbus_api::allows_interactive_authorization(call)};
}

Authority::Authority(sdbus::IConnection& connection)
    : polkit_(sdbus::createProxy(connection, kPolkitName, kPolkitPath)) {
  polkit_->finishRegistration();
}

void Authority::check(const Caller& caller, std::string_view action_id, Done done) {
  using Subject = sdbus::Struct<std::string, std::map<std::string, sdbus::Variant>>;
  Subject subject{std::string("system-bus-name"), std::map<std::string, sdbus::Variant>{{"name", sdbus::Variant(caller.bus_name)}}};
  std::map<std::string, std::string> details;
  // AllowUserInteraction (1): the caller's agent may ask for a password, if the call allows it.
  const std::uint32_t flags = caller.interactive ? 1 : 0;
  auto action = std::string(action_id);
  auto uid = caller.uid;
  polkit_->callMethodAsync("CheckAuthorization")
      .onInterface(kPolkitInterface)
      .withArguments(subject, action, details, flags, std::string())
      .withTimeout(std::chrono::minutes(5))
      .uponReplyInvoke([done = std::move(done), action, uid](const sdbus::Error* error,
                                                             sdbus::Struct<bool, bool, std::map<std::string, std::string>> answer) {
        if (error) {
          if (no_authority(*error)) {
            if (uid == 0) return done({});
            return done(unexpected(refused(action, " (no polkit authority on the bus: only root may)")));
          }
          return done(unexpected(refused(action, " (polkit: " + error->getMessage() + ")")));
        }
        if (std::get<0>(answer)) return done({});
        if (std::get<1>(answer))
          return done(unexpected(Error{Errc::daemon_interactive_authorization_required,
                                       std::string(action) + " needs authentication; call with interactive authorization allowed"}));
        return done(unexpected(refused(action, "")));
      });
}

}  // namespace lpad::daemon
