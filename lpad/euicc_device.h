// How to reach one eUICC: the transport (from the config file, a PC/SC reader or a ModemManager
// modem found by the scan) and the ISD-R channel settings.
#pragma once

#include <string>

#include "apdu_backends/transport_options.h"
#include "es10/isdr_channel.h"

namespace lpad::daemon {

struct EuiccDevice {
  apdu::TransportOptions transport;  // backend and device name are the Euicc's Backend and Device
  es10::ChannelOptions channel;
  bool from_config = false;          // a [device NAME] group: kept even while it does not answer
  // A ModemManager modem: its uid (inhibited around every session) and its object when last
  // listed ("/" while ModemManager does not list it, e.g. while inhibited); empty uid otherwise.
  std::string modem_uid{};
  std::string modem_path = "/";
};

}  // namespace lpad::daemon
