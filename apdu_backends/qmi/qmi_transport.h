// The eUICC behind a Qualcomm modem, reached over QMI's UIM service with libqmi: Open Logical
// Channel, Send APDU and Logical Channel (close). The port is opened through qmi-proxy (libqmi
// starts it if needed), so ModemManager and qmicli keep working beside us.
// Blocking: each call runs libqmi on a private GLib main context until it completes or its time
// limit passes. Calls are serialised; the transport may move between threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "apdu_backends/transport.h"
#include "apdu_backends/transport_options.h"
#include "core/error.h"

namespace lpad::apdu {

struct QmiOptions {
  // The UIM slot, 1-based as QMI numbers them (1 to 5). Multi-SIM modems put the eUICC in any.
  std::uint8_t slot = 1;
  // Opening the port, the version handshake and allocating the UIM client, together.
  std::chrono::milliseconds open_timeout{15000};
  // Each UIM request. A STORE DATA with a BPP segment may take the card a few seconds.
  std::chrono::milliseconds request_timeout{30000};
  // The largest command data field per APDU (1 to 255), for modems with a smaller buffer.
  std::size_t max_command_data = 255;
};

// `device` is the QMI control port, e.g. "/dev/cdc-wdm0".
Result<std::unique_ptr<Transport>> open_qmi_transport(const std::string& device, const QmiOptions& options);

// The same from the generic options (transport_factory.cpp): device, timeouts.command for opening,
// timeouts.apdu per request, max_command_data; slot 1.
Result<std::unique_ptr<Transport>> open_qmi_transport(const TransportOptions& options);

}  // namespace lpad::apdu
