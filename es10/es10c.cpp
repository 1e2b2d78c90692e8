#include "es10/es10c.h"

#include <fmt/format.h>

#include "es10/response.h"
#include "rsp/tags.h"
#include "tlv/values.h"

namespace lpad::es10 {

namespace {

namespace t = rsp::tags;
using tlv::Element;
using tlv::Tag;

// ProfileIdentifier CHOICE { isdpAid [APPLICATION 15], iccid Iccid }
Element profile_identifier(const ProfileId& id) {
  if (const auto* iccid = std::get_if<Iccid>(&id)) return tlv::iccid(t::kIccid, *iccid);
  return tlv::octets(t::kIsdpAid, std::get<Bytes>(id));
}

// enableResult / disableResult / deleteResult share their named numbers (RSPDefinitions.asn):
// ok(0), iccidOrAidNotFound(1), profileNotIn...State(2), disallowedByPolicy(3),
// wrongProfileReenabling(4, enable only), catBusy(5), undefinedError(127).
Result<void> profile_operation_result(std::string_view function, std::int64_t code) {
  switch (code) {
    case 0: return check_result(function, code, ResultMeaning::ok, "");
    case 1: return check_result(function, code, ResultMeaning::not_found, "iccidOrAidNotFound");
    case 2: return check_result(function, code, ResultMeaning::wrong_state, "profileNotInExpectedState");
    case 3: return check_result(function, code, ResultMeaning::policy, "disallowedByPolicy");
    case 4: return check_result(function, code, ResultMeaning::wrong_state, "wrongProfileReenabling");
    case 5: return check_result(function, code, ResultMeaning::cat_busy, "catBusy");
    default: return check_result(function, code, ResultMeaning::other, "undefinedError");
  }
}

Result<void> profile_operation(IsdrChannel& channel, Tag tag, std::string_view function, Element request) {
  auto response = call(channel, request, tag, function);
  if (!response) return unexpected(response.error());
  auto code = result_code(response->root);
  if (!code) return unexpected(code.error());
  return profile_operation_result(function, *code);
}

}  // namespace

Result<std::string> get_eid(IsdrChannel& channel) {
  // GetEuiccDataRequest { tagList '5A' }
  auto request = Element::constructed(t::kGetEuiccData, {tlv::octets(t::kTagList, Bytes{0x5A})});
  auto response = call(channel, request, t::kGetEuiccData, "GetEID");
  if (!response) return unexpected(response.error());
  auto eid = response->root.require(t::kIccid);  // eidValue is [APPLICATION 26] = 5A as well
  if (!eid) return unexpected(eid.error());
  if (eid->value().size() != 16) return fail(Errc::es10_bad_response, "GetEID: the EID is not 16 bytes");
  return to_hex(eid->value());
}

Result<std::vector<rsp::ProfileInfo>> get_profiles_info(IsdrChannel& channel, const ProfileQuery& query) {
  auto request = Element::constructed(t::kProfileInfoList);
  if (query.profile || query.profile_class) {
    auto criteria = Element::constructed(t::profile::kSearchCriteria);
    if (query.profile) criteria.add(profile_identifier(*query.profile));
    else criteria.add(tlv::integer(t::profile::kClass, static_cast<int>(*query.profile_class)));
    request.add(std::move(criteria));
  }
  if (query.tag_list) request.add(tlv::octets(t::kTagList, *query.tag_list));
  auto response = call(channel, request, t::kProfileInfoList, "GetProfilesInfo");
  if (!response) return unexpected(response.error());
  if (auto error = response->root.find(t::profile::kProfileInfoListError)) {
    auto code = tlv::read_integer(*error);
    return fail(Errc::es10_card_refused,
                fmt::format("GetProfilesInfo: the eUICC refused ({} {})", code.value_or(-1) == 1 ? "incorrectInputValues" : "undefinedError",
                            code.value_or(-1)));
  }
  auto list = response->root.require(t::profile::kProfileInfoListOk);
  if (!list) return unexpected(list.error());
  std::vector<rsp::ProfileInfo> profiles;
  for (const auto& node : list->children()) {
    auto profile = rsp::decode_profile_info(node);
    if (!profile) {
      auto e = profile.error();
      e.code = Errc::es10_bad_response;
      return unexpected(e);
    }
    profiles.push_back(std::move(*profile));
  }
  return profiles;
}

Result<void> enable_profile(IsdrChannel& channel, const ProfileId& profile, bool refresh) {
  // EnableProfileRequest { profileIdentifier [0] CHOICE, refreshFlag [1] BOOLEAN }
  return profile_operation(channel, t::kEnableProfile, "EnableProfile",
                           Element::constructed(t::kEnableProfile, {Element::constructed(Tag{0xA0}, {profile_identifier(profile)}),
                                                                    tlv::boolean(Tag{0x81}, refresh)}));
}

Result<void> disable_profile(IsdrChannel& channel, const ProfileId& profile, bool refresh) {
  return profile_operation(channel, t::kDisableProfile, "DisableProfile",
                           Element::constructed(t::kDisableProfile, {Element::constructed(Tag{0xA0}, {profile_identifier(profile)}),
                                                                     tlv::boolean(Tag{0x81}, refresh)}));
}

Result<void> delete_profile(IsdrChannel& channel, const ProfileId& profile) {
  // DeleteProfileRequest ::= [51] CHOICE: the identifier sits directly in BF33.
  return profile_operation(channel, t::kDeleteProfile, "DeleteProfile",
                           Element::constructed(t::kDeleteProfile, {profile_identifier(profile)}));
}

Result<void> set_nickname(IsdrChannel& channel, const Iccid& iccid, std::string_view nickname) {
  if (nickname.size() > 64) return fail(Errc::invalid_argument, "a profile nickname has at most 64 bytes");
  auto request = Element::constructed(t::kSetNickname, {tlv::iccid(t::kIccid, iccid), tlv::utf8(t::profile::kNickname, nickname)});
  auto response = call(channel, request, t::kSetNickname, "SetNickname");
  if (!response) return unexpected(response.error());
  auto code = result_code(response->root);
  if (!code) return unexpected(code.error());
  // setNicknameResult: ok(0), iccidNotFound(1), undefinedError(127)
  if (*code == 0) return {};
  if (*code == 1) return check_result("SetNickname", *code, ResultMeaning::not_found, "iccidNotFound");
  return check_result("SetNickname", *code, ResultMeaning::other, "undefinedError");
}

Result<void> memory_reset(IsdrChannel& channel, const MemoryResetOptions& options) {
  // resetOptions BIT STRING { deleteOperationalProfiles(0), deleteFieldLoadedTestProfiles(1), resetDefaultSmdpAddress(2) }
  std::vector<std::size_t> set;
  if (options.operational_profiles) set.push_back(0);
  if (options.test_profiles) set.push_back(1);
  if (options.default_smdp_address) set.push_back(2);
  auto bits = tlv::BitString::named(set);
  // EuiccMemoryResetRequest { resetOptions [2] BIT STRING }
  auto request = Element::constructed(t::kEuiccMemoryReset, {tlv::bit_string(Tag{0x82}, bits)});
  auto response = call(channel, request, t::kEuiccMemoryReset, "eUICCMemoryReset");
  if (!response) return unexpected(response.error());
  auto code = result_code(response->root);
  if (!code) return unexpected(code.error());
  // resetResult: ok(0), nothingToDelete(1), catBusy(5), undefinedError(127)
  switch (*code) {
    case 0: return {};
    case 1: return check_result("eUICCMemoryReset", *code, ResultMeaning::nothing_to_delete, "nothingToDelete");
    case 5: return check_result("eUICCMemoryReset", *code, ResultMeaning::cat_busy, "catBusy");
    default: return check_result("eUICCMemoryReset", *code, ResultMeaning::other, "undefinedError");
  }
}

}  // namespace lpad::es10
