// Profiles as SGP.22 describes them: ProfileInfo (ES10c.GetProfilesInfo, section 5.7.15) and the
// metadata an SM-DP+ sends in StoreMetadataRequest (section 5.5.3), which the eUICC keeps and
// reports back in ProfileInfo. Both directions are here: the LPA decodes what the card encodes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/error.h"
#include "core/iccid.h"
#include "rsp/notification_event.h"
#include "tlv/builder.h"
#include "tlv/decoder.h"

namespace lpad::rsp {

enum class ProfileState : std::uint8_t { disabled = 0, enabled = 1 };
enum class ProfileClass : std::uint8_t { test = 0, provisioning = 1, operational = 2 };
enum class IconType : std::uint8_t { jpg = 0, png = 1 };

std::string_view to_string(ProfileState state);
std::string_view to_string(ProfileClass profile_class);

// PprIds ::= BIT STRING { pprUpdateControl(0), ppr1(1), ppr2(2) }
struct PolicyRules {
  bool update_control = false;
  bool disable_not_allowed = false;  // PPR1
  bool delete_not_allowed = false;   // PPR2
  bool operator==(const PolicyRules&) const = default;
};

// NotificationConfigurationInformation: which operations notify which SM-DP+.
struct NotificationConfiguration {
  NotificationEvents operations;
  std::string address;
  bool operator==(const NotificationConfiguration&) const = default;
};

// OperatorId ::= SEQUENCE { mccMnc OCTET STRING (SIZE(3)), gid1, gid2 OPTIONAL }
struct OperatorId {
  Bytes mcc_mnc;
  std::optional<Bytes> gid1;
  std::optional<Bytes> gid2;
  bool operator==(const OperatorId&) const = default;
};

// StoreMetadataRequest ::= [37] SEQUENCE (tag BF25)
struct ProfileMetadata {
  Iccid iccid;
  std::string service_provider_name;
  std::string profile_name;
  std::optional<IconType> icon_type;
  std::optional<Bytes> icon;
  ProfileClass profile_class = ProfileClass::operational;  // DEFAULT operational
  std::vector<NotificationConfiguration> notification_configuration;
  std::optional<OperatorId> profile_owner;
  std::optional<PolicyRules> policy_rules;
  bool operator==(const ProfileMetadata&) const = default;
};

// ProfileInfo ::= [PRIVATE 3] SEQUENCE (tag E3): every member is OPTIONAL, since a tag list may
// ask for a subset.
struct ProfileInfo {
  std::optional<Iccid> iccid;
  std::optional<Bytes> isdp_aid;
  std::optional<ProfileState> state;
  std::optional<std::string> nickname;
  std::optional<std::string> service_provider_name;
  std::optional<std::string> profile_name;
  std::optional<IconType> icon_type;
  std::optional<Bytes> icon;
  std::optional<ProfileClass> profile_class;
  std::vector<NotificationConfiguration> notification_configuration;
  std::optional<OperatorId> profile_owner;
  std::optional<PolicyRules> policy_rules;
  bool operator==(const ProfileInfo&) const = default;
};

tlv::Element encode_profile_metadata(const ProfileMetadata& metadata);
Result<ProfileMetadata> decode_profile_metadata(const tlv::Node& store_metadata_request);

tlv::Element encode_profile_info(const ProfileInfo& info);
Result<ProfileInfo> decode_profile_info(const tlv::Node& profile_info);

// PolicyRules <-> PprIds
tlv::BitString encode_policy_rules(const PolicyRules& rules);
PolicyRules decode_policy_rules(const tlv::BitString& bits);

}  // namespace lpad::rsp
