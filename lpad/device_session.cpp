#include "lpad/device_session.h"

namespace lpad::daemon {

Result<std::unique_ptr<DeviceSession>> DeviceSession::open(const EuiccDevice& device) {
  std::unique_ptr<ModemInhibition> inhibition;
  if (!device.modem_uid.empty()) {
    auto acquired = ModemInhibition::acquire(device.modem_uid);
    if (!acquired) return unexpected(acquired.error());
    inhibition = std::move(*acquired);
  }
  // A failure here releases the modem on the way out.
  auto card = engine::CardSession::open(device.transport, device.channel);
  if (!card) return unexpected(card.error());
  return std::make_unique<DeviceSession>(Key{}, std::move(inhibition), std::move(*card));
}

}  // namespace lpad::daemon
