// The names of lpad's D-Bus contract (docs/dbus-api.md), for the daemon and its clients alike.
// The interface names are also in the generated adaptors and proxies; these serve code that
// works with property maps rather than proxies.
#pragma once

namespace lpad::dbus_api {

inline constexpr const char* kBusName = "org.lpad.Lpad1";
inline constexpr const char* kRootPath = "/org/lpad/Lpad1";  // Manager and ObjectManager
inline constexpr const char* kManagerInterface = "org.lpad.Lpad1.Manager";
inline constexpr const char* kEuiccInterface = "org.lpad.Lpad1.Euicc";
inline constexpr const char* kProfileInterface = "org.lpad.Lpad1.Profile";
inline constexpr const char* kJobInterface = "org.lpad.Lpad1.Job";

}  // namespace lpad::dbus_api
