// One of lpad's eUICCs as `lpa` uses it: its cached properties and profiles, and the methods of
// its Euicc and Profile objects with their results in the types direct mode renders.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "es10/es10c.h"
#include "lpac-cli/daemon/daemon_connection.h"
#include "rsp/euicc_info.h"

namespace lpad::cli::daemon {

class EuiccClient {
 public:
  EuiccClient(DaemonConnection& connection, EuiccObject euicc, std::vector<ProfileObject> profiles)
      : connection_(connection), euicc_(std::move(euicc)), profiles_(std::move(profiles)) {}

  // The eUICC `selector` (--euicc) names among what the daemon offers.
  static Result<EuiccClient> choose(DaemonConnection& connection, const std::optional<std::string>& selector);

  DaemonConnection& connection() { return connection_; }
  const EuiccObject& euicc() const { return euicc_; }
  std::vector<rsp::ProfileInfo> profiles() const;
  // The profile named as direct mode names it: ICCID, nickname or profile name.
  Result<ProfileObject> find_profile(std::string_view selector) const;

  // Profile operations. lpad would send the notification in the background; `lpa` sends it itself
  // afterwards (ProcessNotifications) so it can report the delivery as direct mode does.
  Result<void> set_enabled(const ProfileObject& profile, bool enable, bool refresh);
  Result<void> remove(const ProfileObject& profile);
  Result<void> set_nickname(const ProfileObject& profile, const std::string& nickname);

  Result<std::vector<rsp::NotificationMetadata>> list_notifications();
  Result<std::vector<std::uint64_t>> remove_notifications(const std::vector<std::uint64_t>& seq_numbers);  // {}: all
  Result<void> set_default_smdp(const std::string& address);  // "": clear
  Result<rsp::ConfiguredAddresses> addresses();               // read now, not from the state read at start
  Result<void> reset(const es10::MemoryResetOptions& options);

  // Jobs: each returns the job's object path at once (see JobRunner).
  Result<std::string> start_download(const std::string& activation_code, const Properties& options);
  Result<std::string> start_discovery(const Properties& options);
  Result<std::string> start_notification_run(const Properties& options);

 private:
  template <class... Args>
  Result<std::string> start_job(const char* method, const Args&... args);

  DaemonConnection& connection_;
  EuiccObject euicc_;
  std::vector<ProfileObject> profiles_;
};

}  // namespace lpad::cli::daemon
