#include "lpad/euicc_snapshot.h"

#include "es10/es10a.h"
#include "es10/es10b.h"
#include "es10/es10c.h"

namespace lpad::daemon {

Result<EuiccSnapshot> read_snapshot(es10::IsdrChannel& channel) {
  EuiccSnapshot snapshot;
  auto eid = es10::get_eid(channel);
  if (!eid) return unexpected(eid.error());
  snapshot.eid = std::move(*eid);
  auto info2 = es10::get_euicc_info2(channel);
  if (!info2) return unexpected(info2.error());
  snapshot.info2 = std::move(*info2);
  auto addresses = es10::get_configured_addresses(channel);
  if (!addresses) return unexpected(addresses.error());
  snapshot.addresses = std::move(*addresses);
  auto profiles = es10::get_profiles_info(channel);
  if (!profiles) return unexpected(profiles.error());
  snapshot.profiles = std::move(*profiles);
  return snapshot;
}

}  // namespace lpad::daemon
