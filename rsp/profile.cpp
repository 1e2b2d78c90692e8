#include "rsp/profile.h"

#include "rsp/field_reader.h"
#include "rsp/tags.h"
#include "rsp/value_readers.h"
#include "tlv/values.h"

namespace lpad::rsp {

namespace t = tags::profile;
using tlv::Element;

std::string_view to_string(ProfileState state) { return state == ProfileState::enabled ? "enabled" : "disabled"; }

std::string_view to_string(ProfileClass profile_class) {
  switch (profile_class) {
    case ProfileClass::test: return "test";
    case ProfileClass::provisioning: return "provisioning";
    case ProfileClass::operational: return "operational";
  }
  return "unknown";
}

tlv::BitString encode_policy_rules(const PolicyRules& rules) {
  std::vector<std::size_t> set;
  if (rules.update_control) set.push_back(0);
  if (rules.disable_not_allowed) set.push_back(1);
  if (rules.delete_not_allowed) set.push_back(2);
  return tlv::BitString::named(set);
}

PolicyRules decode_policy_rules(const tlv::BitString& bits) {
  return {bits.test(0), bits.test(1), bits.test(2)};
}

namespace {

Element encode_notification_configuration(const std::vector<NotificationConfiguration>& list) {
  auto seq = Element::constructed(t::kNotificationConfigurationInfo);
  for (const auto& entry : list)
    seq.add(Element::constructed(tags::kSequence, {tlv::bit_string(tags::notification_configuration::kOperations, entry.operations.to_bits()),
                                                   tlv::utf8(tags::notification_configuration::kAddress, entry.address)}));
  return seq;
}

Result<std::vector<NotificationConfiguration>> decode_notification_configuration(const tlv::Node& list) {
  std::vector<NotificationConfiguration> out;
  for (const auto& entry : list.children()) {
    FieldReader f(entry);
    auto operations = f.required(tags::notification_configuration::kOperations, tlv::read_bit_string);
    auto address = f.required(tags::notification_configuration::kAddress, tlv::read_utf8);
    if (auto ok = f.finish(); !ok) return unexpected(ok.error());
    out.push_back({NotificationEvents::from_bits(*operations), std::move(*address)});
  }
  return out;
}

Element encode_operator_id(const OperatorId& id) {
  auto seq = Element::constructed(t::kProfileOwner, {tlv::octets(tags::operator_id::kMccMnc, id.mcc_mnc)});
  if (id.gid1) seq.add(tlv::octets(tags::operator_id::kGid1, *id.gid1));
  if (id.gid2) seq.add(tlv::octets(tags::operator_id::kGid2, *id.gid2));
  return seq;
}

Result<OperatorId> decode_operator_id(const tlv::Node& node) {
  FieldReader f(node);
  OperatorId id;
  auto mcc_mnc = f.required(tags::operator_id::kMccMnc, read_sized_bytes<3, 3>);
  id.gid1 = f.optional(tags::operator_id::kGid1, read_bytes);
  id.gid2 = f.optional(tags::operator_id::kGid2, read_bytes);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  id.mcc_mnc = std::move(*mcc_mnc);
  return id;
}

Result<PolicyRules> read_policy_rules(const tlv::Node& node) {
  auto bits = tlv::read_bit_string(node);
  if (!bits) return unexpected(bits.error());
  return decode_policy_rules(*bits);
}

// Members that ProfileInfo and StoreMetadataRequest share, after the name fields.
template <class Target>
void read_shared_tail(FieldReader& f, Target& target) {
  target.icon_type = f.optional(t::kIconType, read_enumerated<IconType, 1>);
  target.icon = f.optional(t::kIcon, read_sized_bytes<0, 1024>);
  if (auto list = f.optional_node(t::kNotificationConfigurationInfo)) {
    if (auto entries = f.take(decode_notification_configuration(*list))) target.notification_configuration = std::move(*entries);
  }
  if (auto owner = f.optional_node(t::kProfileOwner)) target.profile_owner = f.take(decode_operator_id(*owner));
  target.policy_rules = f.optional(t::kPolicyRules, read_policy_rules);
}

}  // namespace

Element encode_profile_metadata(const ProfileMetadata& m) {
  auto e = Element::constructed(tags::kStoreMetadata);
  e.add(tlv::iccid(tags::kIccid, m.iccid));
  e.add(tlv::utf8(t::kServiceProviderName, m.service_provider_name));
  e.add(tlv::utf8(t::kName, m.profile_name));
  if (m.icon_type) e.add(tlv::integer(t::kIconType, static_cast<int>(*m.icon_type)));
  if (m.icon) e.add(tlv::octets(t::kIcon, *m.icon));
  // DER leaves out a value equal to its DEFAULT (X.690 11.5).
  if (m.profile_class != ProfileClass::operational) e.add(tlv::integer(t::kClass, static_cast<int>(m.profile_class)));
  if (!m.notification_configuration.empty()) e.add(encode_notification_configuration(m.notification_configuration));
  if (m.profile_owner) e.add(encode_operator_id(*m.profile_owner));
  if (m.policy_rules) e.add(tlv::bit_string(t::kPolicyRules, encode_policy_rules(*m.policy_rules)));
  return e;
}

Result<ProfileMetadata> decode_profile_metadata(const tlv::Node& node) {
  if (auto ok = node.expect(tags::kStoreMetadata); !ok) return unexpected(ok.error());
  FieldReader f(node);
  auto iccid = f.required(tags::kIccid, tlv::read_iccid);
  auto spn = f.required(t::kServiceProviderName, tlv::read_utf8);
  auto name = f.required(t::kName, tlv::read_utf8);
  auto profile_class = f.optional(t::kClass, read_enumerated<ProfileClass, 2>);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  ProfileMetadata m{*iccid, std::move(*spn), std::move(*name), {}, {}, profile_class.value_or(ProfileClass::operational), {}, {}, {}};
  read_shared_tail(f, m);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return m;
}

Element encode_profile_info(const ProfileInfo& p) {
  auto e = Element::constructed(t::kProfileInfo);
  if (p.iccid) e.add(tlv::iccid(tags::kIccid, *p.iccid));
  if (p.isdp_aid) e.add(tlv::octets(tags::kIsdpAid, *p.isdp_aid));
  if (p.state) e.add(tlv::integer(t::kState, static_cast<int>(*p.state)));
  if (p.nickname) e.add(tlv::utf8(t::kNickname, *p.nickname));
  if (p.service_provider_name) e.add(tlv::utf8(t::kServiceProviderName, *p.service_provider_name));
  if (p.profile_name) e.add(tlv::utf8(t::kName, *p.profile_name));
  if (p.icon_type) e.add(tlv::integer(t::kIconType, static_cast<int>(*p.icon_type)));
  if (p.icon) e.add(tlv::octets(t::kIcon, *p.icon));
  if (p.profile_class) e.add(tlv::integer(t::kClass, static_cast<int>(*p.profile_class)));
  if (!p.notification_configuration.empty()) e.add(encode_notification_configuration(p.notification_configuration));
  if (p.profile_owner) e.add(encode_operator_id(*p.profile_owner));
  if (p.policy_rules) e.add(tlv::bit_string(t::kPolicyRules, encode_policy_rules(*p.policy_rules)));
  return e;
}

Result<ProfileInfo> decode_profile_info(const tlv::Node& node) {
  if (auto ok = node.expect(t::kProfileInfo); !ok) return unexpected(ok.error());
  FieldReader f(node);
  ProfileInfo p;
  p.iccid = f.optional(tags::kIccid, tlv::read_iccid);
  p.isdp_aid = f.optional(tags::kIsdpAid, read_sized_bytes<1, 16>);
  p.state = f.optional(t::kState, read_enumerated<ProfileState, 1>);
  p.nickname = f.optional(t::kNickname, tlv::read_utf8);
  p.service_provider_name = f.optional(t::kServiceProviderName, tlv::read_utf8);
  p.profile_name = f.optional(t::kName, tlv::read_utf8);
  p.profile_class = f.optional(t::kClass, read_enumerated<ProfileClass, 2>);
  read_shared_tail(f, p);
  if (auto ok = f.finish(); !ok) return unexpected(ok.error());
  return p;
}

}  // namespace lpad::rsp
