// The D-Bus face of lpad::Error (docs/dbus-api.md, "Errors"): a small, stable set of names under
// org.lpad.Lpad1.Error for clients to branch on, with the exact error code as the message's first
// word so nothing of the engine's typed error is lost on the way.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace lpad::dbus_api {

inline constexpr std::string_view kErrorPrefix = "org.lpad.Lpad1.Error.";

// "org.lpad.Lpad1.Error.MatchingIdRefused" for server.matching-id-refused.
std::string error_name(Errc code);

// The message of the D-Bus error: Error::describe(), which starts with errc_name.
std::string error_message(const Error& error);

// Back from a D-Bus error a client received: the code named by the message's first word when it
// is one of ours, else a best guess from the D-Bus name (a bus error, an unknown name: Failed).
Error error_from_dbus(std::string_view dbus_name, std::string_view message);

}  // namespace lpad::dbus_api
