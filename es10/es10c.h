// ES10c, local profile management (SGP.22 section 5.7.14-5.7.22), as typed calls.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/iccid.h"
#include "es10/isdr_channel.h"
#include "rsp/profile.h"

namespace lpad::es10 {

// A profile is named by its ICCID or by its ISD-P AID.
using ProfileId = std::variant<Iccid, Bytes>;

struct ProfileQuery {
  std::optional<ProfileId> profile;                 // searchCriteria iccid / isdpAid
  std::optional<rsp::ProfileClass> profile_class;   // searchCriteria profileClass
  std::optional<Bytes> tag_list;                    // only these members (tags, concatenated)
};

Result<std::string> get_eid(IsdrChannel& channel);
Result<std::vector<rsp::ProfileInfo>> get_profiles_info(IsdrChannel& channel, const ProfileQuery& query = {});
// `refresh`: ask the card to REFRESH the device (SGP.22 5.7.16); false where the LPA resets the modem itself.
Result<void> enable_profile(IsdrChannel& channel, const ProfileId& profile, bool refresh = true);
Result<void> disable_profile(IsdrChannel& channel, const ProfileId& profile, bool refresh = true);
Result<void> delete_profile(IsdrChannel& channel, const ProfileId& profile);
Result<void> set_nickname(IsdrChannel& channel, const Iccid& iccid, std::string_view nickname);

struct MemoryResetOptions {
  bool operational_profiles = false;
  bool test_profiles = false;          // deleteFieldLoadedTestProfiles
  bool default_smdp_address = false;
};
Result<void> memory_reset(IsdrChannel& channel, const MemoryResetOptions& options);

}  // namespace lpad::es10
