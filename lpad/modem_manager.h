// ModemManager's modems (org.freedesktop.ModemManager1 on the system bus): which modems it has, and
// which of a modem's ports lpad talks to its SIM through. Blocking calls on a connection of its
// own, for the scan worker (sd-bus connections are not shared between threads).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace lpad::daemon {

inline constexpr const char* kModemManagerName = "org.freedesktop.ModemManager1";
inline constexpr const char* kModemManagerPath = "/org/freedesktop/ModemManager1";

// MMModemPortType values lpad cares about.
enum class ModemPortType : std::uint32_t { at = 3, qmi = 6, mbim = 7 };

struct ModemPort {
  std::string name;  // as under /dev: "ttyUSB2", "cdc-wdm0", "pts/3"
  std::uint32_t type = 0;
};

struct MmModem {
  std::string path;  // the modem's object; ModemManager makes a new one after an inhibition
  std::string uid;   // the Modem.Device property: what InhibitDevice takes
  std::vector<ModemPort> ports;
  std::string primary_port;
};

// The port lpad uses: backend "qmi" or "at" and the device node.
struct ModemTransport {
  std::string backend;
  std::string device;
};

// QMI when the modem has a QMI port, else an AT port (the primary one if it is AT); nullopt when
// neither (an MBIM-only modem: lpad has no MBIM backend yet).
std::optional<ModemTransport> modem_transport(const MmModem& modem);

// Whether a modem's device node is still there: ModemManager does not list a modem while it is
// inhibited or being probed again, and an unplugged modem's nodes go.
bool port_exists(const std::string& device);

// Every modem ModemManager lists; nullopt when ModemManager is not on the bus (asked without
// activating it). An error when it is there but the listing failed.
Result<std::optional<std::vector<MmModem>>> list_modems();

}  // namespace lpad::daemon
