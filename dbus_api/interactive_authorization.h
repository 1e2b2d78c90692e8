// The ALLOW_INTERACTIVE_AUTHORIZATION flag of a D-Bus call (D-Bus spec, "Message Format"): the
// caller is ready to wait while polkit asks its user for a password. lpad reads it to decide
// whether polkit may ask; lpa sets it when a person at a terminal can answer.
#pragma once

#include <sdbus-c++/Message.h>

namespace lpad::dbus_api {

bool allows_interactive_authorization(const sdbus::Message& call);
// False when the running libsystemd lacks the setter (then the call goes without the flag).
bool allow_interactive_authorization(sdbus::MethodCall& call);

}  // namespace lpad::dbus_api
