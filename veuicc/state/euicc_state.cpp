#include "veuicc/state/euicc_state.h"

#include <algorithm>

namespace lpad::veuicc {

namespace {
// ISD-P AIDs: the ISD-R RID and PIX prefix A0000005591010FFFFFFFF89, then the ISD-P number.
constexpr std::uint8_t kIsdpAidPrefix[] = {0xA0, 0x00, 0x00, 0x05, 0x59, 0x10, 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0x89};
constexpr std::uint32_t kIsdpNumberStep = 0x100;
}  // namespace

rsp::ProfileInfo InstalledProfile::info() const {
  rsp::ProfileInfo p;
  p.iccid = metadata.iccid;
  p.isdp_aid = isdp_aid;
  p.state = state;
  p.nickname = nickname;
  p.service_provider_name = metadata.service_provider_name;
  p.profile_name = metadata.profile_name;
  p.icon_type = metadata.icon_type;
  p.icon = metadata.icon;
  p.profile_class = metadata.profile_class;
  p.notification_configuration = metadata.notification_configuration;
  p.profile_owner = metadata.profile_owner;
  p.policy_rules = metadata.policy_rules;
  return p;
}

InstalledProfile* EuiccState::find_by_iccid(const Iccid& iccid) {
  auto it = std::find_if(profiles.begin(), profiles.end(), [&](const auto& p) { return p.metadata.iccid == iccid; });
  return it == profiles.end() ? nullptr : &*it;
}

InstalledProfile* EuiccState::find_by_aid(ByteView aid) {
  auto it = std::find_if(profiles.begin(), profiles.end(),
                         [&](const auto& p) { return std::equal(p.isdp_aid.begin(), p.isdp_aid.end(), aid.begin(), aid.end()); });
  return it == profiles.end() ? nullptr : &*it;
}

InstalledProfile* EuiccState::enabled_profile() {
  auto it = std::find_if(profiles.begin(), profiles.end(), [](const auto& p) { return p.state == rsp::ProfileState::enabled; });
  return it == profiles.end() ? nullptr : &*it;
}

std::uint64_t EuiccState::used_nvm() const {
  std::uint64_t used = 0;
  for (const auto& p : profiles) used += p.package.size();
  return used;
}

std::uint64_t EuiccState::free_nvm() const {
  auto used = used_nvm();
  return used >= configuration.total_nvm ? 0 : configuration.total_nvm - used;
}

Bytes EuiccState::allocate_isdp_aid() {
  Bytes aid(std::begin(kIsdpAidPrefix), std::end(kIsdpAidPrefix));
  for (int shift = 24; shift >= 0; shift -= 8) aid.push_back(static_cast<std::uint8_t>(next_isdp_number >> shift));
  next_isdp_number += kIsdpNumberStep;
  return aid;
}

}  // namespace lpad::veuicc
