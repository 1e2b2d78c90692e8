// How to reach one eUICC: the transport (from the config file or a PC/SC reader found by the
// scan) and the ISD-R channel settings.
#pragma once

#include <string>

#include "apdu_backends/transport_options.h"
#include "es10/isdr_channel.h"

namespace lpad::daemon {

struct EuiccDevice {
  apdu::TransportOptions transport;  // backend and device name are the Euicc's Backend and Device
  es10::ChannelOptions channel;
  bool from_config = false;          // a [device NAME] group: kept even while it does not answer
};

}  // namespace lpad::daemon
