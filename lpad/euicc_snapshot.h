// What the daemon knows of an eUICC between reads: the properties of its Euicc and Profile objects
// are served from here, so reading them needs no APDU. Read whole when an eUICC is found and on
// Refresh; after a change, only the parts that change can have changed are read again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "es10/isdr_channel.h"
#include "rsp/euicc_info.h"
#include "rsp/profile.h"

namespace lpad::daemon {

struct EuiccSnapshot {
  std::string eid;
  rsp::EuiccInfo2 info2;
  rsp::ConfiguredAddresses addresses;
  std::vector<rsp::ProfileInfo> profiles;
};

Result<EuiccSnapshot> read_snapshot(es10::IsdrChannel& channel);

// The parts of a snapshot a piece of work can change (the EID never does).
enum class SnapshotParts : unsigned {
  none = 0,
  profiles = 1,   // GetProfilesInfo: enable, disable, nickname, delete, install
  info2 = 2,      // EUICCInfo2: free memory after an install or delete
  addresses = 4,  // GetEuiccConfiguredAddresses: default SM-DP+
  all = 7,
};
constexpr SnapshotParts operator|(SnapshotParts a, SnapshotParts b) {
  return static_cast<SnapshotParts>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr bool includes(SnapshotParts set, SnapshotParts part) {
  return (static_cast<unsigned>(set) & static_cast<unsigned>(part)) != 0;
}

// Parts read again, applied in order to the newest snapshot on the event loop: an update never
// carries a stale copy of a part it did not read.
struct SnapshotUpdate {
  std::optional<rsp::EuiccInfo2> info2;
  std::optional<rsp::ConfiguredAddresses> addresses;
  std::optional<std::vector<rsp::ProfileInfo>> profiles;

  bool empty() const { return !info2 && !addresses && !profiles; }
  EuiccSnapshot applied_to(EuiccSnapshot snapshot) const;
};

// Reads `parts` again; a part whose read fails is left out (the old view stays until the next read).
SnapshotUpdate reread_snapshot(es10::IsdrChannel& channel, SnapshotParts parts);

}  // namespace lpad::daemon
