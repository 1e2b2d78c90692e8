#include "dbus_api/interactive_authorization.h"

#include <dlfcn.h>

namespace lpad::dbus_api {
namespace {

// sdbus-c++ 1.2 does not expose the flag, and Debian ships no sd-bus headers. It is read and set on
// the sd_bus_message sdbus-c++ wraps (its protected handle, reached through a pointer to member,
// which C++ allows), with sd-bus's own accessors looked up in the libsystemd sdbus-c++ loaded.
struct MessageHandle : sdbus::Message {
  static constexpr void* sdbus::Message::*kHandle = &MessageHandle::msg_;
};

template <class Function>
Function sd_bus_function(const char* name) {
  return reinterpret_cast<Function>(dlsym(RTLD_DEFAULT, name));
}

}  // namespace

bool allows_interactive_authorization(const sdbus::Message& call) {
  static const auto getter = sd_bus_function<int (*)(void*)>("sd_bus_message_get_allow_interactive_authorization");
  void* handle = call.*MessageHandle::kHandle;
  return getter && handle && getter(handle) > 0;
}

bool allow_interactive_authorization(sdbus::MethodCall& call) {
  static const auto setter = sd_bus_function<int (*)(void*, int)>("sd_bus_message_set_allow_interactive_authorization");
  void* handle = call.*MessageHandle::kHandle;
  return setter && handle && setter(handle, 1) >= 0;
}

}  // namespace lpad::dbus_api
