// Everything a software eUICC keeps across power cycles: installed profiles with their metadata
// and package, pending notifications, counters, configured addresses, and the card's fixed
// configuration. Plain data; the ES10 application changes it and state_file.h persists it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/iccid.h"
#include "rsp/euicc_info.h"
#include "rsp/notification.h"
#include "rsp/profile.h"

namespace lpad::veuicc {

struct InstalledProfile {
  rsp::ProfileMetadata metadata;       // as StoreMetadata delivered it (ICCID, names, class, PPRs, ...)
  Bytes isdp_aid;                      // A0000005591010FFFFFFFF89 + 4 bytes of ISD-P number
  rsp::ProfileState state = rsp::ProfileState::disabled;
  std::optional<std::string> nickname;
  std::string smdp_oid;                // of the SM-DP+ that installed it (from CERT.DPpb)
  std::string smdp_address;            // where it came from
  Bytes package;                       // the unprotected profile package (SAIP DER) as installed

  // ProfileInfo as GetProfilesInfo reports it, with every member present.
  rsp::ProfileInfo info() const;
};

struct StoredNotification {
  rsp::NotificationMetadata metadata;
  Bytes pending_notification;          // signed PendingNotification DER (BF37 or 30 ...)
};

// Fixed properties of the card, chosen when the state file is created (or by command-line switches).
struct CardConfiguration {
  rsp::Version svn{2, 2, 2};
  rsp::Version firmware_version{1, 0, 0};
  rsp::Version profile_version{2, 3, 1};         // SAIP version supported
  std::uint64_t total_nvm = 512 * 1024;          // bytes available for profile packages
  std::uint64_t free_ram = 32 * 1024;
  std::size_t max_profiles = 8;
};

struct EuiccState {
  CardConfiguration configuration;
  std::vector<InstalledProfile> profiles;
  std::vector<StoredNotification> notifications;
  std::uint64_t next_seq_number = 1;             // SGP.22 5.7.9: strictly increasing, never reused
  std::uint32_t next_isdp_number = 0x1000;       // ISD-P AIDs end in 00001000, 00001100, ... as on real cards
  std::optional<std::string> default_dp_address;
  std::string root_ds_address = "lpa.ds.gsma.com";

  InstalledProfile* find_by_iccid(const Iccid& iccid);
  InstalledProfile* find_by_aid(ByteView aid);
  InstalledProfile* enabled_profile();
  std::uint64_t used_nvm() const;                // the installed packages' sizes
  std::uint64_t free_nvm() const;
  // The AID for the next ISD-P, advancing the counter.
  Bytes allocate_isdp_aid();
  std::uint64_t allocate_seq_number() { return next_seq_number++; }
};

}  // namespace lpad::veuicc
