// ES10c.GetProfilesInfo (SGP.22 section 5.7.15):
//   ProfileInfoListRequest ::= [45] SEQUENCE {
//     searchCriteria [0] CHOICE { isdpAid 4F, iccid 5A, profileClass [21] 95 } OPTIONAL,
//     tagList [APPLICATION 28] OCTET STRING OPTIONAL }
// Without a tag list every member the card knows is returned; with one, only the members named.
// Input that does not read as the ASN.1 says is answered with incorrectInputValues.
#include <algorithm>
#include <optional>
#include <stdexcept>
#include <vector>

#include "rsp/profile.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/values.h"
#include "veuicc/application/es10_responses.h"
#include "veuicc/application/handlers.h"
#include "veuicc/application/profile_identifier.h"

namespace lpad::veuicc::handlers {

namespace {

namespace t = rsp::tags;
namespace tp = rsp::tags::profile;

enum ProfileInfoListError : std::int64_t { kIncorrectInputValues = 1 };

struct SearchCriteria {
  std::optional<ProfileIdentifier> profile;
  std::optional<rsp::ProfileClass> profile_class;

  bool matches(EuiccState& state, const InstalledProfile& p) const {
    if (profile) return profile->find_in(state) == &p;
    if (profile_class) return p.metadata.profile_class == *profile_class;
    return true;
  }
};

// The tags of a tagList: a concatenation of BER tags without lengths or values (X.690 8.1.2).
std::optional<std::vector<tlv::Tag>> split_tag_list(ByteView list) {
  std::vector<tlv::Tag> tags;
  std::size_t i = 0;
  while (i < list.size()) {
    std::uint32_t wire = list[i];
    std::size_t size = 1;
    if ((list[i] & 0x1F) == 0x1F) {
      do {
        if (i + size >= list.size() || size == tlv::Tag::kMaxBytes) return std::nullopt;
        wire = wire << 8 | list[i + size];
      } while ((list[i + size++] & 0x80) != 0);
    }
    try {
      tags.emplace_back(wire);
    } catch (const std::invalid_argument&) {
      return std::nullopt;  // a tag number not in its shortest form
    }
    i += size;
  }
  return tags;
}

// Leaves in `info` only the members whose tags the tag list names.
void keep_listed(rsp::ProfileInfo& info, const std::vector<tlv::Tag>& wanted) {
  auto listed = [&](tlv::Tag tag) { return std::find(wanted.begin(), wanted.end(), tag) != wanted.end(); };
  if (!listed(t::kIccid)) info.iccid.reset();
  if (!listed(t::kIsdpAid)) info.isdp_aid.reset();
  if (!listed(tp::kState)) info.state.reset();
  if (!listed(tp::kNickname)) info.nickname.reset();
  if (!listed(tp::kServiceProviderName)) info.service_provider_name.reset();
  if (!listed(tp::kName)) info.profile_name.reset();
  if (!listed(tp::kIconType)) info.icon_type.reset();
  if (!listed(tp::kIcon)) info.icon.reset();
  if (!listed(tp::kClass)) info.profile_class.reset();
  if (!listed(tp::kNotificationConfigurationInfo)) info.notification_configuration.clear();
  if (!listed(tp::kProfileOwner)) info.profile_owner.reset();
  if (!listed(tp::kPolicyRules)) info.policy_rules.reset();
}

std::optional<SearchCriteria> read_search_criteria(const tlv::Node& request) {
  SearchCriteria criteria;
  auto choice = request.find(tp::kSearchCriteria);
  if (!choice) return criteria;
  if (choice->child_count() != 1) return std::nullopt;
  if (auto class_node = choice->find(tp::kClass)) {
    auto profile_class = rsp::read_enumerated<rsp::ProfileClass, 2>(*class_node);
    if (!profile_class) return std::nullopt;
    criteria.profile_class = *profile_class;
    return criteria;
  }
  criteria.profile = read_profile_identifier(*choice);
  if (!criteria.profile) return std::nullopt;
  return criteria;
}

}  // namespace

Es10Response get_profiles_info(CardContext& ctx, const tlv::Node& request) {
  auto criteria = read_search_criteria(request);
  if (!criteria) return list_error_response(t::kProfileInfoList, kIncorrectInputValues);
  std::optional<std::vector<tlv::Tag>> wanted;
  if (auto tag_list = request.find(t::kTagList)) {
    wanted = split_tag_list(tag_list->value());
    if (!wanted) return list_error_response(t::kProfileInfoList, kIncorrectInputValues);
  }

  auto list = tlv::Element::constructed(tp::kProfileInfoListOk);
  for (const auto& profile : ctx.state.profiles) {
    if (!criteria->matches(ctx.state, profile)) continue;
    auto info = profile.info();
    if (wanted) keep_listed(info, *wanted);
    list.add(rsp::encode_profile_info(info));
  }
  return tlv::Element::constructed(t::kProfileInfoList, {std::move(list)}).encode();
}

}  // namespace lpad::veuicc::handlers
