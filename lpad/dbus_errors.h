// lpad::Error as a D-Bus error: the name from dbus_api/error_names.h, the message Error::describe()
// (which begins with the exact error code).
#pragma once

#include <sdbus-c++/Error.h>

#include "core/error.h"
#include "dbus_api/error_names.h"

namespace lpad::daemon {

inline sdbus::Error to_dbus_error(const Error& error) {
  return sdbus::Error(dbus_api::error_name(error.code), dbus_api::error_message(error));
}

// For synchronous method handlers: sdbus-c++ turns a thrown sdbus::Error into the error reply.
[[noreturn]] inline void throw_error(const Error& error) { throw to_dbus_error(error); }

}  // namespace lpad::daemon
