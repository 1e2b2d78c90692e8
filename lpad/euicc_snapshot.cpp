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

EuiccSnapshot SnapshotUpdate::applied_to(EuiccSnapshot snapshot) const {
  if (info2) snapshot.info2 = *info2;
  if (addresses) snapshot.addresses = *addresses;
  if (profiles) snapshot.profiles = *profiles;
  return snapshot;
}

SnapshotUpdate reread_snapshot(es10::IsdrChannel& channel, SnapshotParts parts) {
  SnapshotUpdate update;
  if (includes(parts, SnapshotParts::info2))
    if (auto info2 = es10::get_euicc_info2(channel)) update.info2 = std::move(*info2);
  if (includes(parts, SnapshotParts::addresses))
    if (auto addresses = es10::get_configured_addresses(channel)) update.addresses = std::move(*addresses);
  if (includes(parts, SnapshotParts::profiles))
    if (auto profiles = es10::get_profiles_info(channel)) update.profiles = std::move(*profiles);
  return update;
}

}  // namespace lpad::daemon
